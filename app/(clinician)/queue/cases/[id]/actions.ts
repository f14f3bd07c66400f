'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireRole } from '@/lib/auth/guards';
import { fieldErrorsOf } from '@/lib/http';
import { claimCase, releaseCase } from '@/lib/cases/claim-case';
import { closeCase, decideCase, describeConflict } from '@/lib/cases/decide-case';
import { reassignCase } from '@/lib/cases/reassign-case';
import { decisionSchema, reassignSchema } from '@/lib/validation/queue';
import { rehabPlanSchema } from '@/lib/validation/outcomes';
import { setPlan } from '@/lib/outcomes/set-plan';
import { getDb } from '@/db';
import { formFailure, type ActionResult } from '@/lib/action-result';
import { clinicianCasePath } from '@/lib/urls';

const refresh = (caseId: string) => {
  revalidatePath(clinicianCasePath(caseId));
  revalidatePath('/queue');
};

export async function claimCaseAction(caseId: string): Promise<ActionResult<{ assigneeName: string | null }>> {
  const user = await requireRole(['clinician'], 'case');
  const r = await claimCase(user, caseId);
  // Only a won claim revalidates: revalidating re-renders the page this action came from, and after a lost race the
  // case has left the pool, so for a clinician outside its areas that page would become a bare 404 in place of the
  // answer naming the winner (CaseActions does not reload either, for the same reason).
  if (r.ok) {
    refresh(caseId);
    return { ok: true, data: { assigneeName: r.assigneeName } };
  }
  if (r.reason === 'already_claimed') {
    return formFailure(r.assignedClinicianId === user.id ? 'You already hold this case.' : `${r.assigneeName ?? 'Another clinician'} already claimed this case.`);
  }
  return formFailure(r.reason === 'not_open' ? 'This case already has a decision.' : 'This case was not found.');
}

export async function releaseCaseAction(caseId: string): Promise<ActionResult<null>> {
  const user = await requireRole(['clinician'], 'case');
  const r = await releaseCase(user, caseId);
  refresh(caseId);
  if (r.ok) return { ok: true, data: null };
  return formFailure(r.reason === 'already_claimed' ? `${r.assigneeName ?? 'Someone else'} holds this case now.` : 'The case could not be released.');
}

const reassignInput = reassignSchema.extend({ expectedAssigneeId: z.string().max(100).nullable() });

export async function reassignCaseAction(caseId: string, input: unknown): Promise<ActionResult<{ assigneeName: string | null }>> {
  const user = await requireRole(['clinician'], 'case');
  const parsed = reassignInput.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const r = await reassignCase(user, caseId, parsed.data);
  refresh(caseId);
  if (r.ok) return { ok: true, data: { assigneeName: r.assigneeName } };
  if (r.reason === 'invalid_colleague') return { ok: false, fieldErrors: { clinicianId: ['Choose an active colleague on the team.'] } };
  return formFailure(r.reason === 'not_found' ? 'This case was not found.' : `The case changed hands meanwhile${r.assigneeName ? ` (${r.assigneeName} holds it)` : ''}, or it is decided. Reload to see it.`);
}

export async function decideCaseAction(caseId: string, input: unknown): Promise<ActionResult<{ status: string }>> {
  const user = await requireRole(['clinician'], 'case');
  const parsed = decisionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const r = await decideCase(user, caseId, parsed.data);
  refresh(caseId);
  if (r.ok) return { ok: true, data: { status: r.status } };
  if (r.reason === 'not_found') return formFailure('This case was not found.');
  return formFailure(describeConflict(r, user.id));
}

export async function closeCaseAction(caseId: string): Promise<ActionResult<null>> {
  const user = await requireRole(['clinician'], 'case');
  const ok = await closeCase(user, caseId);
  refresh(caseId);
  return ok ? { ok: true, data: null } : formFailure('Only the clinician holding a decided case can close it.');
}

const PLAN_REFUSED = {
  not_found: 'This case was not found.',
  closed: 'This case is closed: reopen it before setting a plan.',
  incomplete: 'The intake is not finished yet: a plan follows the full story.',
  unknown_template: 'That template no longer exists. Choose another, or none.',
} as const;

/** Sets the case's return-to-training plan (a new version); setPlan checks the clinician's scope and audits. */
export async function setPlanAction(caseId: string, input: unknown): Promise<ActionResult<{ version: number; checkIns: number }>> {
  const user = await requireRole(['clinician'], 'case');
  const parsed = rehabPlanSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const r = await setPlan(await getDb(), user, caseId, parsed.data);
  if (!r.ok) return formFailure(PLAN_REFUSED[r.reason]);
  refresh(caseId);
  return { ok: true, data: { version: r.version, checkIns: r.checkIns.length } };
}
