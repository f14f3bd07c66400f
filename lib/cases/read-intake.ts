import 'server-only';
import type { Db } from '@/db';
import { findCaseWithIntake, type CaseWithIntake } from '@/db/queries/intakes';
import { audit } from '@/lib/audit';
import type { ActorRef } from '@/lib/domain/actor';

/**
 * Reads a case's current intake for `viewer` (its patient, or any clinician/admin) and audits the read.
 * Someone else's case — or one that does not exist — is null, audited as denied: callers answer 404, never 403.
 */
export async function readIntakeForViewer(db: Db, viewer: ActorRef, caseId: string, action: string): Promise<CaseWithIntake | null> {
  const found = await findCaseWithIntake(db, viewer, caseId);
  await audit({
    actor: viewer,
    action,
    resourceType: 'case',
    resourceId: caseId.slice(0, 100),
    patientId: found?.case.patientId ?? null,
    outcome: found ? 'allowed' : 'denied',
  });
  return found;
}

/** GET /api/intakes/:id body: the case, the current submitted version and its assessment. */
export function intakeJson(found: CaseWithIntake) {
  const c = found.case;
  return {
    id: c.id,
    status: c.status,
    urgency: c.urgency,
    assignedClinicianId: c.assignedClinicianId,
    patientId: c.patientId,
    regions: c.regions,
    areas: c.areas,
    submittedAt: c.submittedAt.toISOString(),
    slaDueAt: c.slaDueAt.toISOString(),
    version: found.version.version,
    versionCreatedAt: found.version.createdAt.toISOString(),
    submission: found.version.submission,
    assessment: found.assessment
      ? {
          urgency: found.assessment.urgency,
          reasons: found.assessment.reasons,
          mriFindings: found.assessment.mriFindings,
          unreadMri: found.assessment.unreadMri,
        }
      : null,
  };
}
