import 'server-only';
import { getDb } from '@/db';
import type { BookingView } from '@/db/queries/bookings';
import { getLatestConsultNotes, type ConsultNotesRevision } from '@/db/queries/consult-notes';
import { audit } from '@/lib/audit';
import { findOwnConsult } from './own-consult';
import type { Actor } from '@/lib/domain/actor';

export interface ClinicianConsultNotes {
  booking: BookingView;
  notes: ConsultNotesRevision | null;
}

/** The notes page's read, for the booking's own clinician only (null → 404), with its audit row. */
export async function readConsultNotesForClinician(user: Actor, bookingId: string): Promise<ClinicianConsultNotes | null> {
  const db = await getDb();
  const booking = await findOwnConsult(db, user, bookingId, 'consult_notes.view');
  if (!booking) return null;
  const notes = await getLatestConsultNotes(db, booking.id);
  await audit({ actor: user, action: 'consult_notes.view', resourceType: 'booking', resourceId: booking.id, patientId: booking.patientId, details: { revision: notes?.revision ?? null } });
  return { booking, notes };
}
