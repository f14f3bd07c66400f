import 'server-only';
import { getDb } from '@/db';
import { getCaseForStaff, getLatestIntake, listCaseEvents, listOtherCasesOfPatient } from '@/db/queries/cases';
import { listCaseMessages } from '@/db/queries/messages';
import { audit } from '@/lib/audit';
import type { MriFinding, TriageReason } from '@/lib/triage';
import { isCaseId, type Actor } from './types';

/** Whole years between a YYYY-MM-DD birth date and `at`. */
export function ageOn(dateOfBirth: string | null | undefined, at: Date = new Date()): number | null {
  if (!dateOfBirth || !/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) return null;
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  let age = at.getUTCFullYear() - y;
  if (at.getUTCMonth() + 1 < m || (at.getUTCMonth() + 1 === m && at.getUTCDate() < d)) age--;
  return age >= 0 && age < 130 ? age : null;
}

/**
 * Everything a reviewer reads on one screen, and one audit row saying they read it. Null when the case does not
 * exist (the page answers 404).
 */
export async function viewCaseForStaff(actor: Actor, caseId: string) {
  if (!isCaseId(caseId)) return null;
  const db = await getDb();
  const header = await getCaseForStaff(db, caseId);
  if (!header) return null;
  const [intake, events, messages, otherCases] = await Promise.all([
    getLatestIntake(db, caseId),
    listCaseEvents(db, caseId),
    listCaseMessages(db, caseId, { includeInternal: true }),
    listOtherCasesOfPatient(db, header.patientId, caseId),
  ]);
  await audit({ actor, action: 'case.view', resourceType: 'case', resourceId: caseId, patientId: header.patientId });
  return {
    header,
    age: ageOn(header.patientDateOfBirth, header.submittedAt),
    submission: (intake?.version.submission ?? null) as Record<string, unknown> | null,
    intakeVersion: intake?.version.version ?? null,
    reasons: (intake?.assessment?.reasons ?? []) as TriageReason[],
    mriFindings: (intake?.assessment?.mriFindings ?? []) as MriFinding[],
    events,
    messages,
    otherCases,
  };
}
export type StaffCaseView = NonNullable<Awaited<ReturnType<typeof viewCaseForStaff>>>;
