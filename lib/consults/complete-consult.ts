import 'server-only';
import { getDb } from '@/db';
import { getBookingView } from '@/db/queries/bookings';
import { insertCaseEvent } from '@/db/queries/cases';
import { completeBookingRow, insertConsultNotesRevision } from '@/db/queries/consult-notes';
import { audit } from '@/lib/audit';
import type { ConsultNotesInput } from '@/lib/validation/consult-notes';
import { nowMs } from '@/lib/booking/clock';
import { BookingError } from '@/lib/booking/errors';
import { formatInZone } from '@/lib/booking/format';
import { sendConsultSummary } from '@/lib/booking/notifications';
import { findOwnConsult } from './own-consult';
import type { Actor } from '@/lib/domain/actor';

export interface CompleteConsultResult {
  status: 'completed';
  revision: number;
  summaryShared: boolean;
}

/**
 * The clinician who held a confirmed consult writes the notes after its start and marks it completed, in one
 * transaction: the forward-only status change (guarded in the UPDATE's WHERE, so a replay or ten concurrent requests
 * complete it once), notes revision 1, a case event when the booking belongs to a case, the summary mail when a
 * summary is shared, and the audit row. Anyone but that clinician gets not_found.
 */
export async function completeConsult(user: Actor, bookingId: string, input: ConsultNotesInput): Promise<CompleteConsultResult> {
  const db = await getDb();
  const view = await findOwnConsult(db, user, bookingId, 'consult.complete');
  if (!view) throw new BookingError('not_found', 'Booking not found.');
  const now = nowMs();
  if (view.status === 'completed') throw new BookingError('state_changed', 'This consult is already completed. Open it again to correct the notes.');
  if (view.status !== 'confirmed') throw new BookingError('not_allowed', `This booking is ${view.status.replace('_', ' ')}, so there is no consult to complete.`);
  if (view.startsAt.getTime() > now) {
    throw new BookingError('not_allowed', `The consult starts at ${formatInZone(view.startsAt, view.clinicianTimezone)}; notes can be written once it has started.`);
  }

  return db.transaction(async (tx) => {
    const row = await completeBookingRow(tx, view.id, user.id, new Date(now));
    if (!row) throw new BookingError('state_changed', 'This consult changed a moment ago (it may already be completed) — reload to see it.');
    await insertConsultNotesRevision(tx, { bookingId: row.id, revision: 1, authorId: user.id, clinicalNotes: input.clinicalNotes, patientSummary: input.patientSummary });
    const summaryShared = input.patientSummary !== null;
    if (row.caseId) {
      await insertCaseEvent(tx, { caseId: row.caseId, actorId: user.id, kind: 'consult.completed', payload: { bookingId: row.id, revision: 1, summaryShared } });
    }
    if (summaryShared) await sendConsultSummary(tx, (await getBookingView(tx, row.id))!, { updated: false });
    await audit({ actor: user, action: 'consult.complete', resourceType: 'booking', resourceId: row.id, patientId: row.patientId, details: { revision: 1, summaryShared, caseId: row.caseId } }, tx);
    return { status: 'completed' as const, revision: 1, summaryShared };
  });
}
