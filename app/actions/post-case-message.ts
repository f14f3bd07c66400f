'use server';
import { revalidatePath } from 'next/cache';
import { formFailure, type ActionResult } from '@/lib/action-result';
import { requireUser } from '@/lib/auth/guards';
import { fieldErrorsOf } from '@/lib/http';
import { postCaseMessage } from '@/lib/cases/messages';
import { messageSchema } from '@/lib/validation/queue';
import { enforceRateLimit, rateLimitMessage } from '@/lib/rate-limit/enforce';
import { clinicianCasePath, patientCasePath } from '@/lib/urls';

/**
 * Posts to a case thread, for patients (own case only; anything else reads as "not found") and for the team
 * (internal notes allowed). Shared by the patient's case page and the clinician's case view.
 */
export async function postCaseMessageAction(caseId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const user = await requireUser();
  const limit = await enforceRateLimit('message', user.id, user);
  if (!limit.ok) return formFailure(rateLimitMessage('message', limit.retryAfterSeconds));
  const parsed = messageSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const r = await postCaseMessage(user, caseId, parsed.data);
  if (!r.ok) {
    return r.reason === 'internal_not_allowed'
      ? { ok: false, fieldErrors: { internal: ['Only the team can write internal notes.'] } }
      : formFailure('This case was not found.');
  }
  revalidatePath(patientCasePath(caseId));
  revalidatePath(clinicianCasePath(caseId));
  return { ok: true, data: { id: r.message.id } };
}
