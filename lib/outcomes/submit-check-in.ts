import 'server-only';
import type { Db } from '@/db';
import { getLatestIntake, insertCaseEvent, lockCaseOfPatient } from '@/db/queries/cases';
import { listRoutingCandidates, slaMinutesFor } from '@/db/queries/intakes';
import { findCheckInOfPatient, previousSubmittedCheckIn, recordCheckInAnswers, reopenDecidedCase } from '@/db/queries/outcomes';
import { getUserContact, listLeads } from '@/db/queries/team';
import { audit } from '@/lib/audit';
import { appendIntakeVersion } from '@/lib/cases/amend-intake';
import { emergencyAlertMail } from '@/lib/cases/intake-mails';
import type { SubmittingPatient } from '@/lib/cases/submit-intake';
import { sendMail as defaultSendMail } from '@/lib/mail';
import { absoluteUrl } from '@/lib/env';
import { clinicianCasePath } from '@/lib/urls';
import { RED_FLAG_CODES, type RedFlagCode } from '@/lib/triage';
import type { ClinicalArea } from '@/lib/domain/areas';
import type { IntakeSubmission } from '@/lib/validation/intake';
import type { CheckInInput } from '@/lib/validation/outcomes';
import type { Urgency } from '@/lib/domain/case';
import { worseReasons, type OutcomeScores, type WorseReason } from './thresholds';
import { baselinePainOf } from './schedule';
import { worseCheckInMail } from './mails';

export type SubmitCheckInResult =
  | { ok: true; caseId: string; caseUrgency: Urgency; reopened: boolean; worse: boolean; worseReasons: WorseReason[]; newRedFlags: RedFlagCode[] }
  | { ok: false; reason: 'not_found' | 'already_submitted' | 'not_due' };

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/**
 * The patient answers one check-in (CONTRACTS §6), in ONE transaction with its case locked:
 *  - the answers are stored once, by a conditional update (submitted_at IS NULL) before anything else is written: a
 *    second submission, or one racing it, updates nothing and gets already_submitted → 409;
 *  - a red flag answered yes that the intake did not have is re-triaged exactly like an intake: a new intake version
 *    whose safety answers are the intake's plus the new ones, assessed by the same engine (appendIntakeVersion, as a
 *    patient's edit is); a rise to emergency alerts every on-call clinician as a new intake would;
 *  - a clinically important worsening (lib/outcomes/thresholds.ts, against the previous check-in or the intake's
 *    pain) or a rise in urgency reopens a decided case in the queue, and the assignee (or, without one, the leads)
 *    is mailed — once, because only the check-in that reopens the case mails;
 *  - case events and the audit row commit with it.
 * Someone else's check-in, or one that does not exist, is not_found (404).
 */
export async function submitCheckIn(
  db: Db,
  patient: SubmittingPatient,
  checkInId: string,
  input: CheckInInput,
  deps: { now?: () => Date; sendMail?: typeof defaultSendMail } = {},
): Promise<SubmitCheckInResult> {
  const now = deps.now?.() ?? new Date();
  const send = deps.sendMail ?? defaultSendMail;
  const actor = { id: patient.id, roles: patient.roles ?? ['patient' as const] };
  return db.transaction(async (tx): Promise<SubmitCheckInResult> => {
    const found = await findCheckInOfPatient(tx, checkInId, patient.id);
    const deny = async (reason: 'not_found' | 'already_submitted' | 'not_due') => {
      await audit({ actor, action: 'check_in.submit', resourceType: 'check_in', resourceId: checkInId.slice(0, 100), patientId: found ? patient.id : null, outcome: 'denied', details: { reason } }, tx);
      return { ok: false as const, reason };
    };
    if (!found) return deny('not_found');
    const checkIn = found.checkIn;
    // A check-in opens when it is mailed or falls due, not before.
    if (!checkIn.sentAt && checkIn.dueAt > now) return deny('not_due');

    const kase = await lockCaseOfPatient(tx, checkIn.caseId, patient.id);
    const intake = await getLatestIntake(tx, checkIn.caseId);
    if (!kase || !intake) return deny('not_found');
    const submission = record(intake.version.submission);

    const previous = await previousSubmittedCheckIn(tx, checkIn.caseId, checkIn.dueAt);
    const baseline: OutcomeScores | null = previous ?? { painNow: baselinePainOf(submission) };
    const reasons = worseReasons(baseline, input);
    const worse = reasons.length > 0;
    if (!(await recordCheckInAnswers(tx, checkIn.id, { ...input, worse }, now))) return deny('already_submitted');

    // Re-triage: the intake's safety answers plus the new yes answers, through the same engine as an intake.
    const intakeFlags = record(submission.redFlags);
    const newRedFlags = RED_FLAG_CODES.filter((c) => input.redFlags[c] && intakeFlags[c] !== true);
    let urgency: Urgency = kase.urgency;
    let rises = false;
    if (newRedFlags.length > 0 && !kase.incomplete) {
      const stamps = { ...record(submission.redFlagsAnsweredAt), ...Object.fromEntries(newRedFlags.map((c) => [c, now.toISOString()])) };
      const merged = { ...submission, redFlags: { ...intakeFlags, ...Object.fromEntries(newRedFlags.map((c) => [c, true])) }, redFlagsAnsweredAt: stamps };
      const appended = await appendIntakeVersion(tx, kase, merged as unknown as IntakeSubmission & { redFlagsAnsweredAt: unknown }, now);
      urgency = appended.urgency;
      rises = appended.rises;
      await insertCaseEvent(tx, { caseId: kase.id, actorId: patient.id, kind: 'retriaged', payload: { checkInId: checkIn.id, version: appended.version, newRedFlags, urgency }, createdAt: now });
    }

    let reopened = false;
    if (worse || rises) {
      const to = await reopenDecidedCase(tx, kase.id, now, await slaMinutesFor(tx, urgency));
      if (to) {
        reopened = true;
        await insertCaseEvent(tx, { caseId: kase.id, actorId: patient.id, kind: 'reopened', fromStatus: kase.status, toStatus: to, payload: { checkInId: checkIn.id, worse: reasons, newRedFlags }, createdAt: now });
      }
    }
    await insertCaseEvent(tx, { caseId: kase.id, actorId: patient.id, kind: 'check_in', payload: { checkInId: checkIn.id, worse: reasons, newRedFlags, urgency }, createdAt: now });
    await audit(
      { actor, action: 'check_in.submit', resourceType: 'check_in', resourceId: checkIn.id, patientId: patient.id, details: { caseId: kase.id, worse: reasons, newRedFlags, urgency, reopened } },
      tx,
    );

    const caseUrl = absoluteUrl(clinicianCasePath(kase.id));
    const alerted = new Set<string>();
    if (rises && urgency === 'emergency') {
      const p = record(submission.patient);
      const contact = { name: String(p.name ?? ''), phone: String(p.phone ?? ''), mayCall: typeof p.mayCall === 'boolean' ? p.mayCall : null, email: patient.email };
      for (const lead of (await listRoutingCandidates(tx)).filter((c) => c.onCall)) {
        await send(emergencyAlertMail({ to: lead.email, caseUrl, areas: kase.areas as ClinicalArea[], contact }), tx);
        alerted.add(lead.email);
      }
    }
    if (reopened) {
      const assignee = kase.assignedClinicianId ? await getUserContact(tx, kase.assignedClinicianId) : null;
      const recipients = assignee ? [assignee.email] : (await listLeads(tx)).map((l) => l.email);
      for (const to of recipients.filter((r) => !alerted.has(r))) await send(worseCheckInMail({ to, caseUrl, emergency: urgency === 'emergency' }), tx);
    }
    return { ok: true, caseId: kase.id, caseUrgency: urgency, reopened, worse, worseReasons: reasons, newRedFlags };
  });
}
