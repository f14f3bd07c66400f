import 'server-only';
import type { Db } from '@/db';
import { saveCheckInDraft as saveDraftRow } from '@/db/queries/outcomes';
import { audit } from '@/lib/audit';
import type { ActorRef } from '@/lib/domain/actor';
import type { CheckInDraft } from '@/lib/validation/outcomes';

/**
 * The check-in form's autosave: the patient's unsent answers to one check-in of their own case, while it is open and
 * not submitted. Null (404) for anyone else's check-in, one not open yet or one already sent. The write and its audit
 * row (allowed or denied) share one transaction.
 */
export async function saveCheckInDraft(db: Db, patient: ActorRef, checkInId: string, draft: CheckInDraft, now: Date = new Date()): Promise<{ savedAt: Date } | null> {
  return db.transaction(async (tx) => {
    const savedAt = await saveDraftRow(tx, checkInId, patient.id, draft, now);
    await audit(
      {
        actor: patient,
        action: 'check_in_draft.save',
        resourceType: 'check_in',
        resourceId: checkInId.slice(0, 100),
        patientId: savedAt ? patient.id : null,
        outcome: savedAt ? 'allowed' : 'denied',
      },
      tx,
    );
    return savedAt ? { savedAt } : null;
  });
}
