import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { apiGuard, apiWriteGuard } from '@/lib/auth/guards';
import { isUuid } from '@/lib/domain/ids';
import { audit } from '@/lib/audit';
import { readJsonBody, withDatabaseErrors } from '@/lib/http';
import { amendIntake } from '@/lib/cases/amend-intake';
import { IntakeFileNotAttachable, notAttachableBody } from '@/lib/intake-files/attach-intake-file';
import { intakeJson, readIntakeForViewer } from '@/lib/cases/read-intake';
import { rateLimitedResponse } from '@/lib/rate-limit/enforce';
import { serverIntakeSchema } from '@/lib/cases/submission-schema';

export const dynamic = 'force-dynamic';

/** CONTRACTS §4: the intake with its assessment, for its own patient and for clinicians/admins; 404 for anyone else. */
async function handleGet(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const guard = await apiGuard(undefined, 'intake');
  if (!guard.ok) return guard.response;
  const { id } = await ctx.params;
  const found = await readIntakeForViewer(await getDb(), guard.user, id, 'intake.view');
  if (!found) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  return NextResponse.json(intakeJson(found), { headers: { 'cache-control': 'private, no-store' } });
}

/**
 * The patient's own edit after submission (an extra to CONTRACTS §4): the same IntakeSubmission schema →
 * 200 {"id","version","urgency"} with a NEW immutable version (the submitted ones are kept); 400 invalid_intake;
 * 404 for anyone else's case; 409 {"error":"case_closed"} once the case is closed.
 */
async function handlePut(req: Request, ctx: { params: Promise<{ id: string }> }) {
    const guard = await apiWriteGuard(req, ['patient'], 'intake');
  if (!guard.ok) return guard.response;
  const limited = await rateLimitedResponse('intake', guard.user);
  if (limited) return limited;
  const { id } = await ctx.params;
  const body = await readJsonBody(req, serverIntakeSchema(), { invalidError: 'invalid_intake', maxBytes: 200_000 });
  if (!body.ok) return body.response;
  let result: Awaited<ReturnType<typeof amendIntake>>;
  try {
    result = isUuid(id) ? await amendIntake(await getDb(), guard.user, id, body.data) : { ok: false, reason: 'not_found' };
  } catch (err) {
    if (err instanceof IntakeFileNotAttachable) return NextResponse.json(notAttachableBody(err), { status: 400 });
    throw err;
  }
  if (!result.ok) {
    await audit({ actor: guard.user, action: 'intake.amend', resourceType: 'case', resourceId: id.slice(0, 100), outcome: 'denied', details: { reason: result.reason } });
    return result.reason === 'closed'
      ? NextResponse.json({ error: 'case_closed', message: 'This case is closed. Start a new intake instead.' }, { status: 409 })
      : NextResponse.json({ error: 'not_found' }, { status: 404 });
  }
  return NextResponse.json({ id: result.id, version: result.version, urgency: result.urgency });
}

export const GET = withDatabaseErrors(handleGet);
export const PUT = withDatabaseErrors(handlePut);
