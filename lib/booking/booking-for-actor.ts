import 'server-only';
import { getDb, type Db } from '@/db';
import { getClinicianBooking, getPatientBooking, type BookingView } from '@/db/queries/bookings';
import type { Actor } from '@/lib/domain/actor';
import { isUuid } from '@/lib/domain/ids';
import type { BookingSide } from './policy';

/** A booking and the side (patient or clinician) from which the signed-in user acts on it. */
export interface BookingForActor {
  view: BookingView;
  as: BookingSide;
}

/** The booking as this user may act on it: their own as a patient, or one of theirs as the clinician; else 404. */
export async function bookingForActor(db: Db, user: Actor, id: string): Promise<BookingForActor | null> {
  if (user.roles.includes('patient')) {
    const view = await getPatientBooking(db, user.id, id);
    if (view) return { view, as: 'patient' };
  }
  if (user.roles.includes('clinician')) {
    const view = await getClinicianBooking(db, user.id, id);
    if (view) return { view, as: 'clinician' };
  }
  return null;
}

/** The same for an id straight from a URL: anything that is not a uuid is not found either. */
export async function findBookingForActor(user: Actor, id: string): Promise<BookingForActor | null> {
  return isUuid(id) ? bookingForActor(await getDb(), user, id) : null;
}
