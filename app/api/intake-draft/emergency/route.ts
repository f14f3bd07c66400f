import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { apiWriteGuard } from '@/lib/auth/guards';
import { reportEmergency } from '@/lib/cases/report-emergency';
import { patientCasePath } from '@/lib/urls';
import { withDatabaseErrors } from '@/lib/http';

export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'private, no-store' };

/**
 * CONTRACTS §4c: an emergency answer on the safety step, sent before the rest of the intake. No body: the server
 * reads the patient's own draft. 201 {caseId, urgency:"emergency", alerted, alertedNames, sentAt, phone, mayCall}
 * when the case was raised now; 200 with the same case for a draft that already raised one; 400
 * {"error":"not_an_emergency"|"missing_contact"}; 401 anonymous; 404 without the patient role.
 */
// The request carries no body (the draft is read on the server); it is taken for the shared request checks.
async function handlePost(req: Request) {
    const guard = await apiWriteGuard(req, ['patient'], 'intake_draft');
  if (!guard.ok) return guard.response;
  const result = await reportEmergency(await getDb(), guard.user);
  if (!result.ok) {
    const message =
      result.error === 'missing_contact'
        ? 'We need your name and a phone number with its country code before we can alert our team.'
        : 'Your saved answers hold no emergency answer.';
    return NextResponse.json({ error: result.error, message }, { status: 400, headers: noStore });
  }
  return NextResponse.json(result.report, { status: result.created ? 201 : 200, headers: { ...noStore, location: patientCasePath(result.report.caseId) } });
}

export const POST = withDatabaseErrors(handlePost);
