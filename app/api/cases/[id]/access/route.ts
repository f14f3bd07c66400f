import { NextResponse } from 'next/server';
import { apiWriteGuard } from '@/lib/auth/guards';
import { readJsonBody, withDatabaseErrors } from '@/lib/http';
import { breakGlass } from '@/lib/cases/break-glass';
import { breakGlassSchema } from '@/lib/validation/queue';

export const dynamic = 'force-dynamic';

/**
 * CONTRACTS §4c break-the-glass: `{"reason"}` (≥ 10 characters) → 200 {"until"}, a time-limited read grant for this
 * clinician, audited as such and listed to the lead. 404 for a missing case and for anyone who is not an active
 * clinician; 400 with fieldErrors for a short reason.
 */
async function handlePost(req: Request, ctx: { params: Promise<{ id: string }> }) {
    const guard = await apiWriteGuard(req, ['clinician'], 'case');
  if (!guard.ok) return guard.response;
  const { id } = await ctx.params;
  const body = await readJsonBody(req, breakGlassSchema, { maxBytes: 8_000 });
  if (!body.ok) return body.response;
  const r = await breakGlass(guard.user, id, body.data.reason);
  if (!r.ok) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  return NextResponse.json({ until: r.until.toISOString() });
}

export const POST = withDatabaseErrors(handlePost);
