import 'server-only';
import { getDb } from '@/db';
import { getBookableClinician } from '@/db/queries/availability';
import { expireLapsedHoldsInRange, getBookingView, moveConfirmedBooking, type BookingView } from '@/db/queries/bookings';
import { getConsultType } from '@/db/queries/consult-types';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/domain/actor';
import { isBookableTime } from './availability';
import { bookingForActor } from './booking-for-actor';
import { BookingError, isExclusionViolation, SLOT_TAKEN_MESSAGE } from './errors';
import { sendRescheduled } from './notifications';
import { canReschedule } from './policy';

/** Moves a confirmed booking to another offered time of the same clinician; the exclusion constraint guards it. */
export async function rescheduleBooking(user: Actor, id: string, newStartsAt: Date): Promise<BookingView> {
  const db = await getDb();
  const found = await bookingForActor(db, user, id);
  if (!found) throw new BookingError('not_found', 'Booking not found.');
  const { view, as } = found;
  if (view.status !== 'confirmed') throw new BookingError('state_changed', 'Only a confirmed booking can be moved.');
  if (!canReschedule({ actor: as, startsAt: view.startsAt.getTime(), now: Date.now(), fullRefundWindowHours: view.fullRefundWindowHours })) {
    throw new BookingError('not_allowed', `Moving is possible up to ${view.fullRefundWindowHours} hours before the start. Please contact the clinician.`);
  }
  const [clinician, type] = await Promise.all([getBookableClinician(db, view.clinicianId), getConsultType(db, view.consultTypeId)]);
  if (!clinician || !type) throw new BookingError('not_found', 'This clinician or consult type can no longer be booked.');
  if (!(await isBookableTime(db, clinician, type, newStartsAt))) throw new BookingError('slot_unavailable', 'That time is not offered. Please pick one of the listed slots.');
  const endsAt = new Date(newStartsAt.getTime() + type.durationMinutes * 60_000);
  const blockedUntil = new Date(endsAt.getTime() + type.bufferAfterMinutes * 60_000);
  try {
    return await db.transaction(async (tx) => {
      await expireLapsedHoldsInRange(tx, view.clinicianId, newStartsAt, blockedUntil);
      const moved = await moveConfirmedBooking(tx, id, { startsAt: newStartsAt, endsAt, blockedUntil });
      if (!moved) throw new BookingError('state_changed', 'This booking changed a moment ago — reload to see its status.');
      const fresh = (await getBookingView(tx, id))!;
      await sendRescheduled(tx, fresh, view.startsAt);
      await audit({ actor: user, action: 'booking.reschedule', resourceType: 'booking', resourceId: id, patientId: view.patientId, details: { by: as, from: view.startsAt.toISOString(), to: newStartsAt.toISOString() } }, tx);
      return fresh;
    });
  } catch (err) {
    if (isExclusionViolation(err)) throw new BookingError('slot_unavailable', SLOT_TAKEN_MESSAGE);
    throw err;
  }
}
