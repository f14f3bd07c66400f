import { NextResponse, type NextRequest } from 'next/server';
import { apiGuard } from '@/lib/auth/guards';
import { fieldErrorsOf, withDatabaseErrors } from '@/lib/http';
import { readQueue } from '@/lib/cases/list-queue';
import { toQueueJson } from '@/lib/cases/queue-json';
import { queueQuerySchema } from '@/lib/validation/queue';

export const dynamic = 'force-dynamic';

/**
 * CONTRACTS §4b: clinicians only (401 anonymous, 404 anyone else). `counts=1` adds the per-status/urgency counts,
 * `attention=1` keeps the cases that need attention (issue 15). 503 when the database stops answering mid-request.
 */
export const GET = withDatabaseErrors(async (req: NextRequest) => {
  const guard = await apiGuard(['clinician'], 'queue');
  if (!guard.ok) return guard.response;
  const params = Object.fromEntries(req.nextUrl.searchParams);
  const { counts: wantCounts, ...rest } = params;
  const parsed = queueQuerySchema.safeParse(rest);
  if (!parsed.success) return NextResponse.json({ error: 'invalid_request', fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 });
  const r = await readQueue(guard.user, parsed.data, { withCounts: wantCounts === '1' || wantCounts === 'true' });
  if (!r.ok) return NextResponse.json({ error: 'invalid_cursor', message: 'The cursor is not one this API returned. Start again without it.' }, { status: 400 });
  return NextResponse.json(toQueueJson(r.page, r.counts), { headers: { 'cache-control': 'no-store' } });
});
