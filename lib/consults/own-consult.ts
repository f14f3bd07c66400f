import 'server-only';
import { z } from 'zod';
import type { Db } from '@/db';
import { getClinicianBooking, type BookingView } from '@/db/queries/bookings';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/domain/actor';

/**
 * The booking when `user` is the clinician who holds it (scoped in the query's WHERE clause); otherwise an audit row
 * for the denied `action` and null, which callers answer as not found — a patient or another clinician cannot even
 * learn that the booking exists.
 */
export async function findOwnConsult(db: Db, user: Actor, bookingId: string, action: string): Promise<BookingView | null> {
  const view = user.roles.includes('clinician') && z.uuid().safeParse(bookingId).success ? await getClinicianBooking(db, user.id, bookingId) : null;
  if (!view) await audit({ actor: user, action, resourceType: 'booking', resourceId: bookingId, outcome: 'denied' }, db);
  return view;
}
