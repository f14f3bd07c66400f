import 'server-only';
import type { Db } from '@/db';
import { insertCaseEvent, lockCaseOfPatient, moveCaseToVersion, type CaseRow } from '@/db/queries/cases';
import { insertIntakeVersion } from '@/db/queries/intake-versions';
import { listRoutingCandidates, slaMinutesFor } from '@/db/queries/intakes';
import { audit } from '@/lib/audit';
import { sendMail as defaultSendMail } from '@/lib/mail';
import { assessIntake, regionsToAreas } from '@/lib/triage';
import type { IntakeSubmission } from '@/lib/validation/intake';
import { ageOn } from '@/lib/format/age';
import { attachIntakeFile } from '@/lib/intake-files/attach-intake-file';
import { emergencyAlertMail } from './intake-mails';
import type { SubmittingPatient } from './submit-intake';
import { clinicianCasePath } from '@/lib/urls';
import { URGENCY_RANK, type Urgency } from '@/lib/domain/case';
import { absoluteUrl } from '@/lib/env';

/**
 * Adds version n + 1 of a case's intake with its own assessment and moves the case to it (regions, areas; urgency
 * only rises here — a reviewer lowers it — and a rise shortens the SLA). Shared by the patient's edit and by the
 * completion of an emergency case raised from the safety step. The caller holds the case row lock.
 */
export async function appendIntakeVersion(tx: Db, kase: CaseRow, submission: IntakeSubmission | (IntakeSubmission & { redFlagsAnsweredAt: unknown }), now: Date, extra: { incomplete?: boolean } = {}) {
  const caseId = kase.id;
  const assessment = assessIntake({
    age: ageOn(submission.patient.dateOfBirth, now) ?? Number.NaN,
    redFlags: submission.redFlags,
    mriReport: submission.imaging?.mriReport,
    regions: submission.complaint.regions,
  });
  const version = kase.currentVersion + 1;
  await insertIntakeVersion(tx, { caseId, version, submission, now, assessment });

  const rises = URGENCY_RANK[assessment.urgency] < kase.urgencyRank;
  const urgency = rises ? assessment.urgency : kase.urgency;
  let slaDueAt = kase.slaDueAt;
  if (rises) {
    const due = new Date(now.getTime() + (await slaMinutesFor(tx, urgency)) * 60_000);
    if (due < slaDueAt) slaDueAt = due;
  }
  const regions = submission.complaint.regions;
  await moveCaseToVersion(tx, caseId, { currentVersion: version, urgency, urgencyRank: URGENCY_RANK[urgency], slaDueAt, regions: [...regions], areas: regionsToAreas(regions), updatedAt: now, ...extra });
  return { version, urgency, rises, regions, assessment };
}

export type AmendIntakeResult =
  | { ok: true; id: string; version: number; urgency: Urgency }
  | { ok: false; reason: 'not_found' | 'closed' };

/**
 * A patient's edit after submission: a NEW intake version (n + 1) with its own assessment; the submitted
 * versions are never changed (the database refuses UPDATE on intake_versions). The case follows the newest
 * version; urgency only ever rises here (a reviewer lowers it), and a rise to emergency alerts the on-call lead.
 */
export async function amendIntake(
  db: Db,
  patient: SubmittingPatient,
  caseId: string,
  submission: IntakeSubmission,
  deps: { now?: () => Date; sendMail?: typeof defaultSendMail } = {},
): Promise<AmendIntakeResult> {
  const now = deps.now?.() ?? new Date();
  const send = deps.sendMail ?? defaultSendMail;
  return db.transaction(async (tx) => {
    const kase = await lockCaseOfPatient(tx, caseId, patient.id);
    if (!kase) return { ok: false as const, reason: 'not_found' as const };
    if (kase.status === 'closed') return { ok: false as const, reason: 'closed' as const };

    const { version, urgency, regions, rises, assessment } = await appendIntakeVersion(tx, kase, submission, now, { incomplete: false });
    const fileId = submission.imaging?.fileId;
    if (fileId) await attachIntakeFile(tx, { id: patient.id, roles: patient.roles ?? ['patient'] }, fileId, caseId, now);
    await insertCaseEvent(tx, { caseId, actorId: patient.id, kind: 'amended', payload: { version, assessedUrgency: assessment.urgency, urgency }, createdAt: now });
    await audit(
      { actor: { id: patient.id, roles: patient.roles ?? ['patient'] }, action: 'intake.amend', resourceType: 'case', resourceId: caseId, patientId: patient.id, details: { version, urgency } },
      tx,
    );
    if (rises && urgency === 'emergency') {
      const onCall = (await listRoutingCandidates(tx)).filter((c) => c.onCall);
      for (const lead of onCall) {
        await send(emergencyAlertMail({ to: lead.email, caseUrl: absoluteUrl(clinicianCasePath(caseId)), areas: regionsToAreas(regions) }), tx);
      }
    }
    return { ok: true as const, id: caseId, version, urgency };
  });
}
