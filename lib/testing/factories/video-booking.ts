/**
 * Test and e2e factory: a confirmed booking between a fresh patient and a fresh clinician at a chosen time, inserted
 * directly (no checkout), so video tests do not depend on the booking journey.
 */
import type { Db } from '@/db/client';
import { bookings } from '@/db/schema';
import { makeBookableClinician, makeConsultType } from './booking';
import { makePatient } from './people';

export async function makeConfirmedBooking(
  db: Db,
  o: { startsAt: Date; durationMinutes?: number; patientEmail?: string; patientTimezone?: string; clinicianTimezone?: string; status?: 'confirmed' | 'pending_payment' | 'cancelled' | 'completed' },
) {
  const duration = o.durationMinutes ?? 45;
  // No profile: callers that need one (e2e routes, the access world) add their own.
  const patient = await makePatient(db, { name: 'Test Patient', email: o.patientEmail, timezone: o.patientTimezone ?? 'Europe/London', profile: false });
  const clinician = await makeBookableClinician(db, { timezone: o.clinicianTimezone ?? 'Europe/London' });
  const type = await makeConsultType(db, { durationMinutes: duration });
  const endsAt = new Date(o.startsAt.getTime() + duration * 60_000);
  const status = o.status ?? 'confirmed';
  const [b] = await db
    .insert(bookings)
    .values({
      patientId: patient.id,
      clinicianId: clinician.id,
      consultTypeId: type.id,
      status,
      startsAt: o.startsAt,
      endsAt,
      blockedUntil: new Date(endsAt.getTime() + type.bufferAfterMinutes * 60_000),
      holdExpiresAt: status === 'pending_payment' ? new Date(Date.now() + 15 * 60_000) : null,
      priceCents: type.priceCents,
      currency: type.currency,
      patientTimezone: patient.timezone,
      confirmedAt: status === 'confirmed' ? new Date() : null,
    })
    .returning();
  return { booking: b!, patient, clinician };
}
