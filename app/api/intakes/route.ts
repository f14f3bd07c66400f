import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { apiWriteGuard } from '@/lib/auth/guards';
import { readJsonBody, withDatabaseErrors } from '@/lib/http';
import { startIdempotentWrite, type StoredResponse } from '@/lib/idempotency';
import { submitIntake } from '@/lib/cases/submit-intake';
import { IntakeFileNotAttachable, notAttachableBody } from '@/lib/intake-files/attach-intake-file';
import { rateLimitedResponse } from '@/lib/rate-limit/enforce';
import { serverIntakeSchema } from '@/lib/cases/submission-schema';

export const dynamic = 'force-dynamic';

const MAX_BYTES = 200_000;

const created = (r: StoredResponse) => NextResponse.json(r.body, { status: r.status, headers: { location: `/api/intakes/${(r.body as { id: string }).id}` } });

/**
 * CONTRACTS §4: a signed-in patient submits an IntakeSubmission →
 * 201 {"id","status":"submitted","urgency","assignedClinicianId"}; 400 {"error":"invalid_intake","fieldErrors"}
 * (nothing stored); 401 anonymous; 404 for signed-in users without the patient role.
 * §4d: an `Idempotency-Key` replays the first 201 (one case, whatever the retries); 422 for the key on another body.
 */
async function handlePost(req: Request) {
  const guard = await apiWriteGuard(req, ['patient'], 'intake');
  if (!guard.ok) return guard.response;
  const idem = await startIdempotentWrite(req, { userId: guard.user.id, scope: 'POST /api/intakes', maxBytes: MAX_BYTES, render: created });
  if (idem.kind === 'respond') return idem.response;
  const limited = await rateLimitedResponse('intake', guard.user);
  if (limited) return limited;
  const body = await readJsonBody(req, serverIntakeSchema(), { invalidError: 'invalid_intake', maxBytes: MAX_BYTES });
  if (!body.ok) return body.response;
  return idem.run(async (claim) => {
    try {
      const result = await submitIntake(await getDb(), guard.user, body.data, { beforeCommit: claim ? (tx, r) => claim.record(tx, { status: 201, body: r }) : undefined });
      return created({ status: 201, body: result });
    } catch (err) {
      // §7: imaging.fileId must be the patient's own report, read and not yet attached elsewhere (nothing stored).
      if (err instanceof IntakeFileNotAttachable) return NextResponse.json(notAttachableBody(err), { status: 400 });
      throw err;
    }
  });
}

export const POST = withDatabaseErrors(handlePost);
