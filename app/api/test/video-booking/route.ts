import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db';
import { env } from '@/lib/env';
import { readJsonBody } from '@/lib/http';
import { isValidTimeZone } from '@/lib/booking/zoned-time';
import { makeConfirmedBooking } from '@/lib/video/testing-factory';

export const dynamic = 'force-dynamic';

const body = z.object({
  startsInMinutes: z.number().min(-24 * 60).max(7 * 24 * 60),
  durationMinutes: z.number().int().min(5).max(480).default(45),
  timezone: z.string().refine(isValidTimeZone, 'Unknown time zone').default('Europe/London'),
});

/**
 * E2E factory (404 unless E2E_FACTORIES): a confirmed (paid) booking between a fresh patient and a fresh clinician
 * starting `startsInMinutes` from now, for the video room tests. Both sign in through the magic link by email.
 */
export async function POST(req: Request) {
  if (!env().E2E_FACTORIES) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  const parsed = await readJsonBody(req, body);
  if (!parsed.ok) return parsed.response;
  const { startsInMinutes, durationMinutes, timezone } = parsed.data;
  const { booking, patient, clinician } = await makeConfirmedBooking(await getDb(), {
    startsAt: new Date(Date.now() + startsInMinutes * 60_000),
    durationMinutes,
    patientTimezone: timezone,
    clinicianTimezone: timezone,
  });
  return NextResponse.json(
    { bookingId: booking.id, startsAt: booking.startsAt.toISOString(), patientEmail: patient.email, clinicianEmail: clinician.email, clinicianName: clinician.name, timezone },
    { status: 201 },
  );
}
