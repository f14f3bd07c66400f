import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { apiWriteGuard } from '@/lib/auth/guards';
import { readJsonBody } from '@/lib/http';
import { submitIntake } from '@/lib/cases/submit-intake';
import { rateLimitedResponse } from '@/lib/rate-limit/enforce';
import { serverIntakeSchema } from '@/lib/cases/submission-schema';

export const dynamic = 'force-dynamic';

/**
 * CONTRACTS §4: a signed-in patient submits an IntakeSubmission →
 * 201 {"id","status":"submitted","urgency","assignedClinicianId"}; 400 {"error":"invalid_intake","fieldErrors"}
 * (nothing stored); 401 anonymous; 404 for signed-in users without the patient role.
 */
export async function POST(req: Request) {
    const guard = await apiWriteGuard(req, ['patient'], 'intake');
  if (!guard.ok) return guard.response;
  const limited = await rateLimitedResponse('intake', guard.user);
  if (limited) return limited;
  const body = await readJsonBody(req, serverIntakeSchema(), { invalidError: 'invalid_intake', maxBytes: 200_000 });
  if (!body.ok) return body.response;
  const result = await submitIntake(await getDb(), guard.user, body.data);
  return NextResponse.json(result, { status: 201, headers: { location: `/api/intakes/${result.id}` } });
}
