import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiGuard } from '@/lib/auth/guards';
import { findBookingForActor, type BookingForActor } from '@/lib/booking/booking-for-actor';
import { BookingError } from '@/lib/booking/errors';
import type { Actor } from '@/lib/domain/actor';
import { errorResponse, readJsonBody, refuseCrossSiteWrite } from '@/lib/http';

/**
 * What every change a patient or clinician makes to one booking goes through (cancel, reschedule): a same-site write,
 * either side signed in, an id that can name a booking, a small JSON body; a BookingError is answered as JSON.
 */
export async function changeBooking<S extends z.ZodType>(
  req: Request,
  params: Promise<{ id: string }>,
  schema: S,
  change: (user: Actor, id: string, input: z.output<S>) => Promise<NextResponse>,
): Promise<NextResponse> {
  const refused = refuseCrossSiteWrite(req);
  if (refused) return refused;
  const g = await apiGuard(['patient', 'clinician'], 'booking');
  if (!g.ok) return g.response;
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  const body = await readJsonBody(req, schema, { maxBytes: 4_000 });
  if (!body.ok) return body.response;
  try {
    return await change(g.user, id, body.data);
  } catch (err) {
    if (err instanceof BookingError) return errorResponse(err);
    throw err;
  }
}

type OwnBookingRead =
  | { ok: false; response: NextResponse }
  | { ok: true; user: Actor; id: string; found: BookingForActor | null };

/** The booking of the URL for its patient or its clinician (`found` null for anyone else: answer 404, never 403). */
export async function readOwnBooking(params: Promise<{ id: string }>): Promise<OwnBookingRead> {
  const g = await apiGuard(['patient', 'clinician'], 'booking');
  if (!g.ok) return g;
  const { id } = await params;
  return { ok: true, user: g.user, id, found: await findBookingForActor(g.user, id) };
}
