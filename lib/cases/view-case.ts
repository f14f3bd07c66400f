import 'server-only';
import { getDb } from '@/db';
import { caseReadableBy, clinicianScopeOf } from '@/db/queries/case-scope';
import { getCaseForStaff, getLatestIntake, listCaseEvents, listOtherCasesOfPatient } from '@/db/queries/cases';
import { listCaseConsultNotes } from '@/db/queries/consult-notes';
import { listCaseMessages } from '@/db/queries/messages';
import { audit } from '@/lib/audit';
import type { MriFinding, TriageReason, UnreadMriSentence } from '@/lib/triage';
import { ageOn } from '@/lib/format/age';
import type { ActorRef } from '@/lib/domain/actor';
import { isUuid } from '@/lib/domain/ids';

/** What the case view renders; its sections take it whole rather than re-listing its fields. */
export type StaffCaseView = NonNullable<Awaited<ReturnType<typeof viewCaseForStaff>>>;

/**
 * Everything a reviewer reads on one screen, and one audit row saying they read it. Null when the case does not
 * exist or lies outside the reader's scope (CONTRACTS §4c; the page answers 404 and offers break-the-glass).
 */
export async function viewCaseForStaff(actor: ActorRef, caseId: string) {
  if (!isUuid(caseId)) return null;
  const db = await getDb();
  const header = await getCaseForStaff(db, caseId, caseReadableBy(await clinicianScopeOf(db, actor.id)));
  if (!header) {
    await audit({ actor, action: 'case.view', resourceType: 'case', resourceId: caseId, outcome: 'denied' });
    return null;
  }
  const [intake, events, messages, otherCases, consultNotes] = await Promise.all([
    getLatestIntake(db, caseId),
    listCaseEvents(db, caseId),
    listCaseMessages(db, caseId, { includeInternal: true }),
    listOtherCasesOfPatient(db, header.patientId, caseId),
    listCaseConsultNotes(db, caseId),
  ]);
  await audit({ actor, action: 'case.view', resourceType: 'case', resourceId: caseId, patientId: header.patientId });
  return {
    /** When the view was read (the page's clock for countdowns). */
    at: Date.now(),
    header,
    age: ageOn(header.patientDateOfBirth, header.submittedAt),
    submission: (intake?.version.submission ?? null) as Record<string, unknown> | null,
    intakeVersion: intake?.version.version ?? null,
    intakeVersionCreatedAt: intake?.version.createdAt ?? null,
    reasons: (intake?.assessment?.reasons ?? []) as TriageReason[],
    mriFindings: (intake?.assessment?.mriFindings ?? []) as MriFinding[],
    /** Report sentences the engine could not read: the reviewer must read them (never shown as a normal report). */
    unreadMri: (intake?.assessment?.unreadMri ?? []) as UnreadMriSentence[],
    events,
    messages,
    otherCases,
    /** The current notes of each completed consult on the case (team only: includes the clinical notes). */
    consultNotes,
  };
}
