import 'server-only';
import type { Db } from '@/db';
import { lockDraftOfPatient } from '@/db/queries/intake-drafts';
import { insertSubmittedCase, listRoutingCandidates, type RoutingCandidate } from '@/db/queries/intakes';
import { upsertPatientProfile } from '@/db/queries/patient-profiles';
import { audit } from '@/lib/audit';
import { clinicianCasePath, patientCasePath } from '@/lib/urls';
import { sendMail as defaultSendMail } from '@/lib/mail';
import { assessIntake, regionsToAreas, routeCase as defaultRouteCase, type TriageAssessment } from '@/lib/triage';
import type { IntakeSubmission } from '@/lib/validation/intake';
import { ageOn } from '@/lib/format/age';
import { attachIntakeFile } from '@/lib/intake-files/attach-intake-file';
import { completeEmergencyCase } from './complete-emergency-case';
import { clinicianAssignedMail, emergencyAlertMail, patientConfirmationMail, poolCaseMail, type PatientContact } from './intake-mails';
import { stampRedFlagAnswers } from './red-flag-stamps';
import { URGENCY_RANK, type Urgency } from '@/lib/domain/case';
import type { Actor } from '@/lib/domain/actor';
import { absoluteUrl } from '@/lib/env';

/** The patient as a submission needs them: who, where to mail, and their roles for the audit row. */
export type SubmittingPatient = Pick<Actor, 'id' | 'email' | 'roles'>;

export interface SubmitIntakeResult {
  id: string;
  status: 'submitted';
  urgency: Urgency;
  assignedClinicianId: string | null;
}

/** Seams for tests (force a routing or mail failure) and for a fixed clock. Production passes nothing. */
export interface SubmitIntakeDeps {
  now?: () => Date;
  routeCase?: typeof defaultRouteCase;
  sendMail?: typeof defaultSendMail;
  /** Last statement of the submission's transaction (the Idempotency-Key's record): throwing rolls the case back. */
  beforeCommit?: (tx: Db, result: SubmitIntakeResult) => Promise<void>;
}


/**
 * Stores a validated submission as a new case, in ONE transaction: the patient's profile, the case (urgency,
 * areas, assignee, SLA due time), intake version 1 (the submission exactly as validated, immutable), the triage
 * assessment, a 'submitted' case event, audit rows, the draft's deletion and every mail (outbox rows, sent by the
 * delivery job after commit). Any failure — routing, writing a mail, a constraint — rolls everything back (a routing failure happens before
 * anything is written): there is never a half case. Routing reads the clinicians' open-case counts just before
 * the transaction; two simultaneous submissions may both pick the same clinician, which capacity tolerates.
 *
 * Notifications: the assigned clinician gets "assigned to you"; a case left in the pool goes to every active
 * clinician covering any of its areas; an emergency alerts every active on-call clinician at once (they are not
 * mailed twice when they are also the assignee).
 */
export async function submitIntake(
  db: Db,
  patient: SubmittingPatient,
  submission: IntakeSubmission,
  deps: SubmitIntakeDeps = {},
): Promise<SubmitIntakeResult> {
  const now = deps.now?.() ?? new Date();
  const route = deps.routeCase ?? defaultRouteCase;
  const send = deps.sendMail ?? defaultSendMail;

  const assessment: TriageAssessment = assessIntake({
    age: ageOn(submission.patient.dateOfBirth, now) ?? Number.NaN,
    redFlags: submission.redFlags,
    mriReport: submission.imaging?.mriReport,
    regions: submission.complaint.regions,
  });
  const urgency = assessment.urgency;
  const regions = submission.complaint.regions;
  const areas = regionsToAreas(regions);

  // Routing reads outside the transaction: the choice is advisory (a clinician can release or reassign), and on
  // PGlite every statement inside the transaction holds the only connection, so the write section stays short.
  const candidates = await listRoutingCandidates(db);
  const assignedClinicianId = route({ regions, urgency }, candidates);

  return db.transaction(async (tx) => {
    const result = await storeSubmission(tx);
    // The uploaded report file (imaging.fileId) joins the version just written; IntakeFileNotAttachable rolls back.
    const fileId = submission.imaging?.fileId;
    if (fileId) await attachIntakeFile(tx, { id: patient.id, roles: patient.roles ?? ['patient'] }, fileId, result.id, now);
    await deps.beforeCommit?.(tx, result);
    return result;
  });

  async function storeSubmission(tx: Db): Promise<SubmitIntakeResult> {
    const { name, dateOfBirth, sex, timezone, phone, mayCall } = submission.patient;
    await upsertPatientProfile(tx, patient.id, { name, dateOfBirth, sex: sex ?? null, timezone, phone, mayCall }, now);

    // The safety answers keep the time they were given in the draft (stamped by the server on autosave); an
    // answer that differs from the draft's, or that never went through a draft, was given now.
    const draft = await lockDraftOfPatient(tx, patient.id);
    const stored = { ...submission, redFlagsAnsweredAt: stampRedFlagAnswers(draft?.data.redFlags, draft?.redFlagsAnsweredAt, submission.redFlags, now) };

    // An emergency raised from the safety step already made this draft's case: finish that one, never a second.
    if (draft?.emergencyCaseId) {
      const completed = await completeEmergencyCase(tx, patient, draft.emergencyCaseId, stored, { now, send });
      if (completed) return completed;
    }

    const kase = await insertSubmittedCase(tx, {
      patientId: patient.id,
      urgency,
      urgencyRank: URGENCY_RANK[urgency],
      assignedClinicianId,
      regions,
      areas,
      now,
      submission: stored,
      reasons: assessment.reasons,
      mriFindings: assessment.mriFindings,
      unreadMri: assessment.unreadMri,
      eventPayload: { version: 1, urgency, assignedClinicianId, areas },
    });

    const actor = { id: patient.id, roles: patient.roles ?? ['patient' as const] };
    await audit(
      {
        actor,
        action: 'intake.submit',
        resourceType: 'case',
        resourceId: kase.id,
        patientId: patient.id,
        details: { version: 1, urgency, assignedClinicianId, areas },
      },
      tx,
    );

    const contact: PatientContact = { name: submission.patient.name, phone: submission.patient.phone, mayCall: submission.patient.mayCall, email: patient.email };
    await notify(tx, send, { caseId: kase.id, patient, contact, urgency, areas, assignedClinicianId, candidates });

    return { id: kase.id, status: 'submitted' as const, urgency, assignedClinicianId };
  }
}

async function notify(
  tx: Db,
  send: typeof defaultSendMail,
  c: {
    caseId: string;
    patient: SubmittingPatient;
    contact: PatientContact;
    urgency: Urgency;
    areas: ReturnType<typeof regionsToAreas>;
    assignedClinicianId: string | null;
    candidates: RoutingCandidate[];
  },
): Promise<void> {
  const alerted = new Set<string>();
  if (c.urgency === 'emergency') {
    for (const lead of c.candidates.filter((x) => x.onCall)) {
      await send(emergencyAlertMail({ to: lead.email, caseUrl: absoluteUrl(clinicianCasePath(c.caseId)), areas: c.areas, contact: c.contact }), tx);
      alerted.add(lead.id);
    }
  }
  await send(patientConfirmationMail({ to: c.patient.email, name: c.contact.name, caseUrl: absoluteUrl(patientCasePath(c.caseId)), urgency: c.urgency, onCallAlerted: alerted.size }), tx);

  if (c.assignedClinicianId) {
    const assignee = c.candidates.find((x) => x.id === c.assignedClinicianId);
    if (assignee && !alerted.has(assignee.id)) {
      await send(clinicianAssignedMail({ to: assignee.email, caseUrl: absoluteUrl(clinicianCasePath(c.caseId)), urgency: c.urgency, areas: c.areas }), tx);
    }
    return;
  }
  const pool = c.candidates.filter((x) => !alerted.has(x.id) && x.areas.some((a) => c.areas.includes(a)));
  for (const clinician of pool) {
    await send(poolCaseMail({ to: clinician.email, caseUrl: absoluteUrl(clinicianCasePath(c.caseId)), urgency: c.urgency, areas: c.areas }), tx);
  }
}
