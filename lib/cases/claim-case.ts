import 'server-only';
import { getDb, type Db } from '@/db';
import { claimCaseRow, insertCaseEvent, releaseCaseRow, type ClaimOutcome } from '@/db/queries/cases';
import { audit } from '@/lib/audit';
import type { ActorRef } from '@/lib/domain/actor';
import { isUuid } from '@/lib/domain/ids';

const NOT_FOUND: ClaimOutcome = { ok: false, reason: 'not_found', assignedClinicianId: null, assigneeName: null, patientId: null };

type AssignmentRow = (tx: Db, caseId: string, clinicianId: string) => Promise<ClaimOutcome>;

/** One guarded assignment change: the conditional row update, its case event and its audit row in one transaction. */
async function changeAssignment(actor: ActorRef, caseId: string, change: AssignmentRow, kind: 'claimed' | 'released', action: string): Promise<ClaimOutcome> {
  if (!isUuid(caseId)) return NOT_FOUND;
  const db = await getDb();
  // No scope check here (CONTRACTS §4c scopes reads): a claim only ever takes a pool case, which every clinician
  // reads, and a release only the assignee's own case; the loser of a claim race must hear 409 with the winner
  // (CONTRACTS §4b) even though the case has just left the pool — and with it, perhaps, their scope.
  return db.transaction(async (tx) => {
    const r = await change(tx, caseId, actor.id);
    if (r.reason === 'not_found') return r;
    if (r.ok) await insertCaseEvent(tx, { caseId, actorId: actor.id, kind });
    await audit(
      {
        actor,
        action,
        resourceType: 'case',
        resourceId: caseId,
        patientId: r.patientId,
        outcome: r.ok ? 'allowed' : 'denied',
        details: r.ok ? undefined : { reason: r.reason, heldBy: r.assignedClinicianId },
      },
      tx,
    );
    return r;
  });
}

/** Claims a case from the pool (CONTRACTS §4b): exactly one of any number of concurrent claims wins. */
export function claimCase(actor: ActorRef, caseId: string): Promise<ClaimOutcome> {
  return changeAssignment(actor, caseId, claimCaseRow, 'claimed', 'case.claim');
}

/** The assignee hands the case back to the pool. */
export function releaseCase(actor: ActorRef, caseId: string): Promise<ClaimOutcome> {
  return changeAssignment(actor, caseId, releaseCaseRow, 'released', 'case.release');
}
