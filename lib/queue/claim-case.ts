import 'server-only';
import { getDb } from '@/db';
import { claimCaseRow, insertCaseEvent, releaseCaseRow, type ClaimOutcome } from '@/db/queries/cases';
import { audit } from '@/lib/audit';
import { isCaseId, type Actor } from './types';

const NOT_FOUND: ClaimOutcome = { ok: false, reason: 'not_found', assignedClinicianId: null, assigneeName: null, patientId: null };

/** Claims a case from the pool (CONTRACTS §4b): exactly one of any number of concurrent claims wins. */
export async function claimCase(actor: Actor, caseId: string): Promise<ClaimOutcome> {
  if (!isCaseId(caseId)) return NOT_FOUND;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const r = await claimCaseRow(tx, caseId, actor.id);
    if (r.reason === 'not_found') return r;
    if (r.ok) await insertCaseEvent(tx, { caseId, actorId: actor.id, kind: 'claimed' });
    await audit(
      {
        actor,
        action: 'case.claim',
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

/** The assignee hands the case back to the pool. */
export async function releaseCase(actor: Actor, caseId: string): Promise<ClaimOutcome> {
  if (!isCaseId(caseId)) return NOT_FOUND;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const r = await releaseCaseRow(tx, caseId, actor.id);
    if (r.reason === 'not_found') return r;
    if (r.ok) await insertCaseEvent(tx, { caseId, actorId: actor.id, kind: 'released' });
    await audit(
      {
        actor,
        action: 'case.release',
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
