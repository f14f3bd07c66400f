import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { apiWriteGuard } from '@/lib/auth/guards';
import { readJsonBody, withDatabaseErrors } from '@/lib/http';
import { saveCheckInDraft } from '@/lib/outcomes/save-check-in-draft';
import { checkInDraftSchema } from '@/lib/validation/outcomes';

export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'private, no-store' };

/**
 * The check-in form's autosave: {painNow?, painWorst?, psfs?, globalChange?, trainingStatus?, redFlags?} (every answer
 * optional) → 200 {savedAt}; 400 for unknown fields or values out of range; 404 for anyone but the case's patient, a
 * check-in not open yet, or one already submitted (the form then reloads and shows what was sent).
 */
async function handlePut(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const guard = await apiWriteGuard(req, ['patient'], 'check_in_draft');
  if (!guard.ok) return guard.response;
  const { id } = await ctx.params;
  const body = await readJsonBody(req, checkInDraftSchema, { invalidError: 'invalid_draft', maxBytes: 16_000 });
  if (!body.ok) return body.response;
  const saved = await saveCheckInDraft(await getDb(), { id: guard.user.id, roles: ['patient'] }, id, body.data);
  if (!saved) return NextResponse.json({ error: 'not_found' }, { status: 404, headers: noStore });
  return NextResponse.json({ savedAt: saved.savedAt.toISOString() }, { headers: noStore });
}

export const PUT = withDatabaseErrors(handlePut);
