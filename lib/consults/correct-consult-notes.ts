import 'server-only';
import { getDb } from '@/db';
import { getBookingView } from '@/db/queries/bookings';
import { insertCaseEvent } from '@/db/queries/cases';
import { getLatestConsultNotes, insertConsultNotesRevision, lockCompletedBookingOfClinician } from '@/db/queries/consult-notes';
import { audit } from '@/lib/audit';
import type { ConsultNotesInput } from '@/lib/validation/consult-notes';
import { BookingError } from '@/lib/booking/errors';
import { sendConsultSummary } from '@/lib/booking/notifications';
import { findOwnConsult } from './own-consult';
import type { Actor } from '@/lib/domain/actor';

export interface CorrectConsultNotesResult {
  revision: number;
  summaryChanged: boolean;
}

/**
 * A correction by the clinician who completed the consult: a new revision (notes are append-only, see the schema),
 * a case event and an audit row, and a mail to the patient only when the summary they read changed to a new text.
 * The booking row is locked for the transaction, so concurrent corrections get consecutive revisions.
 */
export async function correctConsultNotes(user: Actor, bookingId: string, input: ConsultNotesInput): Promise<CorrectConsultNotesResult> {
  const db = await getDb();
  const view = await findOwnConsult(db, user, bookingId, 'consult_notes.correct');
  if (!view) throw new BookingError('not_found', 'Booking not found.');
  return db.transaction(async (tx) => {
    const row = await lockCompletedBookingOfClinician(tx, view.id, user.id);
    if (!row) throw new BookingError('not_allowed', 'Only the notes of a completed consult can be corrected. Complete the consult first.');
    const previous = await getLatestConsultNotes(tx, row.id);
    const revision = (previous?.revision ?? 0) + 1;
    await insertConsultNotesRevision(tx, { bookingId: row.id, revision, authorId: user.id, clinicalNotes: input.clinicalNotes, patientSummary: input.patientSummary });
    const summaryChanged = (previous?.patientSummary ?? null) !== input.patientSummary;
    if (row.caseId) await insertCaseEvent(tx, { caseId: row.caseId, actorId: user.id, kind: 'consult.notes_corrected', payload: { bookingId: row.id, revision, summaryChanged } });
    if (summaryChanged && input.patientSummary !== null) await sendConsultSummary(tx, (await getBookingView(tx, row.id))!, { updated: true });
    await audit({ actor: user, action: 'consult_notes.correct', resourceType: 'booking', resourceId: row.id, patientId: row.patientId, details: { revision, summaryChanged } }, tx);
    return { revision, summaryChanged };
  });
}
