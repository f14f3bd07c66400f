import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { apiWriteGuard } from '@/lib/auth/guards';
import { readJsonBody, withDatabaseErrors } from '@/lib/http';
import { submitCheckIn } from '@/lib/outcomes/submit-check-in';
import { checkInSchema } from '@/lib/validation/outcomes';

export const dynamic = 'force-dynamic';

const REFUSALS = {
  not_found: { status: 404, body: { error: 'not_found' } },
  already_submitted: { status: 409, body: { error: 'already_submitted', message: 'This check-in was already sent. Thank you — the next one will come by mail.' } },
  not_due: { status: 409, body: { error: 'not_due', message: 'This check-in is not open yet. We will mail you when it is.' } },
} as const;

/**
 * CONTRACTS §6: the patient answers a check-in → 201 {"caseUrgency","reopened"}; 400 with fieldErrors; 404 for anyone
 * but the case's patient; 409 for a second submission (and, beyond the contract, for one not open yet).
 */
async function handlePost(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const guard = await apiWriteGuard(req, ['patient'], 'check_in');
  if (!guard.ok) return guard.response;
  const { id } = await ctx.params;
  const body = await readJsonBody(req, checkInSchema, { invalidError: 'invalid_check_in', maxBytes: 16_000 });
  if (!body.ok) return body.response;
  const r = await submitCheckIn(await getDb(), guard.user, id, body.data);
  if (!r.ok) return NextResponse.json(REFUSALS[r.reason].body, { status: REFUSALS[r.reason].status });
  return NextResponse.json({ caseUrgency: r.caseUrgency, reopened: r.reopened }, { status: 201 });
}

export const POST = withDatabaseErrors(handlePost);
