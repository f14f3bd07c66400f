import 'server-only';
import type { Db } from '@/db';
import { insertCaseEvent, lockCaseOfPatient } from '@/db/queries/cases';
import { deleteDraftOfPatient } from '@/db/queries/intake-drafts';
import { listRoutingCandidates } from '@/db/queries/intakes';
import { audit } from '@/lib/audit';
import type { sendMail } from '@/lib/mail';
import { renderMail } from '@/lib/mail/layout';
import type { IntakeSubmission } from '@/lib/validation/intake';
import { appendIntakeVersion } from './amend-intake';
import { patientConfirmationMail } from './intake-mails';
import type { SubmittingPatient } from './submit-intake';
import { clinicianCasePath, patientCasePath } from '@/lib/urls';
import type { Urgency } from '@/lib/domain/case';
import { absoluteUrl } from '@/lib/env';

/**
 * The full intake arrives for a case the safety step already raised as an incomplete emergency: it becomes the
 * case's next version (urgency stays emergency unless a reviewer lowered it), the case is no longer incomplete,
 * the draft goes, the patient gets the usual confirmation and whoever holds the case (else the on-call team) is
 * told the full intake is there. Null when that case is not this patient's incomplete case any more (then the
 * caller files a new case as usual). Runs inside the caller's transaction.
 */
export async function completeEmergencyCase(
  tx: Db,
  patient: SubmittingPatient,
  caseId: string,
  submission: IntakeSubmission & { redFlagsAnsweredAt: unknown },
  deps: { now: Date; send: typeof sendMail },
): Promise<{ id: string; status: 'submitted'; urgency: Urgency; assignedClinicianId: string | null } | null> {
  const { now, send } = deps;
  const kase = await lockCaseOfPatient(tx, caseId, patient.id, { incompleteOnly: true });
  if (!kase) return null;

  const { version, urgency } = await appendIntakeVersion(tx, kase, submission, now, { incomplete: false });
  await insertCaseEvent(tx, { caseId, actorId: patient.id, kind: 'intake_completed', payload: { version, urgency }, createdAt: now });
  await audit(
    {
      actor: { id: patient.id, roles: patient.roles ?? ['patient'] },
      action: 'intake.submit',
      resourceType: 'case',
      resourceId: caseId,
      patientId: patient.id,
      details: { version, urgency, completedEmergency: true },
    },
    tx,
  );
  await deleteDraftOfPatient(tx, patient.id);

  const candidates = await listRoutingCandidates(tx);
  const readers = kase.assignedClinicianId ? candidates.filter((c) => c.id === kase.assignedClinicianId) : candidates.filter((c) => c.onCall);
  for (const clinician of readers) {
    const { html, text } = renderMail({
      heading: 'Emergency case: the full intake has arrived',
      paragraphs: ['The patient whose emergency reached you from the safety screen has now sent the rest of the intake.'],
      action: { label: 'Open the case', url: absoluteUrl(clinicianCasePath(caseId)) },
    });
    await send({ to: clinician.email, subject: 'Emergency case: the full intake has arrived', text, html }, tx);
  }
  await send(
    patientConfirmationMail({ to: patient.email, name: submission.patient.name, caseUrl: absoluteUrl(patientCasePath(caseId)), urgency, onCallAlerted: readers.length }),
    tx,
  );
  return { id: caseId, status: 'submitted', urgency, assignedClinicianId: kase.assignedClinicianId };
}
