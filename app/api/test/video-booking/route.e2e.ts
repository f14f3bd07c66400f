import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db';
import { readJsonBody } from '@/lib/http';
import { refuseFactoryRequest } from '@/lib/testing/factory-route';
import { isValidTimeZone } from '@/lib/booking/zoned-time';
import { makeConfirmedBooking } from '@/lib/testing/factories/video-booking';
import { makeCase } from '@/lib/testing/factories/queue-case';
import { bookings, patientProfiles } from '@/db/schema';
import { eq } from 'drizzle-orm';

export const dynamic = 'force-dynamic';

const body = z.object({
  startsInMinutes: z.number().min(-24 * 60).max(7 * 24 * 60),
  durationMinutes: z.number().int().min(5).max(480).default(45),
  timezone: z.string().refine(isValidTimeZone, 'Unknown time zone').default('Europe/London'),
  /** Books it on a fresh case of the patient (consult recommended by the clinician), as the queue's decisions do. */
  withCase: z.boolean().default(false),
  /** The patient's "about you" answers from an intake (their profile): the name clinicians see and how to reach them. */
  patientProfile: z.object({ name: z.string().min(1).max(200), phone: z.string().regex(/^\+[1-9]\d{6,14}$/), mayCall: z.boolean() }).optional(),
});

/**
 * E2E factory (404 unless E2E_FACTORIES): a confirmed (paid) booking between a fresh patient and a fresh clinician
 * starting `startsInMinutes` from now, for the video room tests. Both sign in through the magic link by email.
 */
export async function POST(req: Request) {
  const refused = refuseFactoryRequest(req);
  if (refused) return refused;
  const parsed = await readJsonBody(req, body);
  if (!parsed.ok) return parsed.response;
  const { startsInMinutes, durationMinutes, timezone, withCase, patientProfile } = parsed.data;
  const db = await getDb();
  const { booking, patient, clinician } = await makeConfirmedBooking(db, {
    startsAt: new Date(Date.now() + startsInMinutes * 60_000),
    durationMinutes,
    patientTimezone: timezone,
    clinicianTimezone: timezone,
  });
  if (patientProfile) {
    await db.insert(patientProfiles).values({ userId: patient.id, dateOfBirth: '1990-05-01', timezone, ...patientProfile });
  }
  let caseId: string | null = null;
  if (withCase) {
    caseId = (await makeCase(db, { patientId: patient.id, status: 'consult_recommended', assignedClinicianId: clinician.id })).id;
    await db.update(bookings).set({ caseId }).where(eq(bookings.id, booking.id));
  }
  return NextResponse.json(
    { bookingId: booking.id, caseId, startsAt: booking.startsAt.toISOString(), patientEmail: patient.email, clinicianEmail: clinician.email, clinicianName: clinician.name, timezone },
    { status: 201 },
  );
}
