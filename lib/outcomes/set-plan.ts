import 'server-only';
import type { Db } from '@/db';
import { insertCaseEvent } from '@/db/queries/cases';
import { findPlanTemplates, insertPlanVersion, lockCaseForPlan, replaceSchedule } from '@/db/queries/outcomes';
import { audit } from '@/lib/audit';
import { sendMail as defaultSendMail } from '@/lib/mail';
import { absoluteUrl } from '@/lib/env';
import { patientCasePath } from '@/lib/urls';
import type { ActorRef } from '@/lib/domain/actor';
import type { RehabPlanInput } from '@/lib/validation/outcomes';
import { planReadyMail } from './mails';
import { checkInDueTimes, competitionDateOf } from './schedule';

export type SetPlanResult =
  | { ok: true; planId: string; version: number; competitionDate: string | null; checkIns: { id: string; dueAt: Date }[] }
  | { ok: false; reason: 'not_found' | 'closed' | 'incomplete' | 'unknown_template' };

/**
 * A clinician sets the case's return-to-training plan (CONTRACTS §6), in ONE transaction with the case row locked:
 * plan version n + 1 (earlier versions stay: each check-in keeps the plan it was scheduled under), the check-in
 * schedule rebuilt from the start day and the weeks (check-ins already mailed or answered are kept; only those after
 * `now` are added), a case event, the audit row and the patient's "plan ready" mail. The competition date defaults
 * to the one the patient gave at intake. Only a clinician whose scope covers the case may (else not_found → 404).
 */
export async function setPlan(
  db: Db,
  clinician: ActorRef,
  caseId: string,
  input: RehabPlanInput,
  deps: { now?: () => Date; sendMail?: typeof defaultSendMail } = {},
): Promise<SetPlanResult> {
  const now = deps.now?.() ?? new Date();
  const send = deps.sendMail ?? defaultSendMail;
  return db.transaction(async (tx): Promise<SetPlanResult> => {
    const kase = clinician.roles.includes('clinician') ? await lockCaseForPlan(tx, clinician.id, caseId) : null;
    if (!kase) {
      await audit({ actor: clinician, action: 'plan.set', resourceType: 'case', resourceId: caseId.slice(0, 100), outcome: 'denied' }, tx);
      return { ok: false, reason: 'not_found' };
    }
    if (kase.status === 'closed') return { ok: false, reason: 'closed' };
    // An emergency raised from the safety step has no story yet: the team completes the intake first.
    if (kase.incomplete) return { ok: false, reason: 'incomplete' };
    if (input.templateId && (await findPlanTemplates(tx, [input.templateId])).length === 0) return { ok: false, reason: 'unknown_template' };

    const competitionDate = input.competitionDate ?? competitionDateOf(kase.submission);
    const plan = await insertPlanVersion(tx, {
      caseId: kase.id,
      startsOn: input.startsOn,
      phases: input.phases,
      exercises: input.exercises,
      stopIf: input.stopIf,
      competitionDate,
      checkInWeeks: input.checkInWeeks,
      templateId: input.templateId ?? null,
      createdBy: clinician.id,
      now,
    });
    const scheduled = await replaceSchedule(tx, kase.id, plan.id, checkInDueTimes(input.startsOn, input.checkInWeeks, kase.timezone, now));
    const details = { version: plan.version, checkIns: scheduled.length, templateId: plan.templateId, competitionDate };
    await insertCaseEvent(tx, { caseId: kase.id, actorId: clinician.id, kind: 'plan_set', payload: details, createdAt: now });
    await audit({ actor: clinician, action: 'plan.set', resourceType: 'case', resourceId: kase.id, patientId: kase.patientId, details }, tx);
    await send(planReadyMail({ to: kase.patientEmail, name: kase.patientName, url: absoluteUrl(patientCasePath(kase.id)), updated: plan.version > 1 }), tx);
    return { ok: true, planId: plan.id, version: plan.version, competitionDate, checkIns: scheduled };
  });
}
