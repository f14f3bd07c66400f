import type { Db } from '../client';
import { intakeVersions, triageAssessments } from '../schema';
import type { Urgency } from '@/lib/domain/case';

/**
 * Writes intake version `version` of a case with the triage assessment made of it. Versions are immutable (the
 * database refuses UPDATE on intake_versions): a change is always a new version.
 */
export async function insertIntakeVersion(
  tx: Db,
  v: { caseId: string; version: number; submission: unknown; now: Date; assessment: { urgency: Urgency; reasons: unknown; mriFindings: unknown; unreadMri: unknown } },
): Promise<void> {
  const [row] = await tx
    .insert(intakeVersions)
    .values({ caseId: v.caseId, version: v.version, submission: v.submission, createdAt: v.now })
    .returning({ id: intakeVersions.id });
  await tx.insert(triageAssessments).values({
    caseId: v.caseId,
    intakeVersionId: row.id,
    urgency: v.assessment.urgency,
    reasons: v.assessment.reasons,
    mriFindings: v.assessment.mriFindings,
    unreadMri: v.assessment.unreadMri,
    createdAt: v.now,
  });
}
