import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiGuard } from '@/lib/auth/guards';
import { BookingError, bookingErrorResponse } from '@/lib/booking/errors';
import { rescheduleBooking } from '@/lib/booking/manage';
import { readJsonBody, refuseCrossSiteWrite } from '@/lib/http';
import { rescheduleBookingSchema } from '@/lib/validation/booking';

export const dynamic = 'force-dynamic';

/** Moves a confirmed booking → 200 {id,startsAt,endsAt}; 409 slot_unavailable / not_allowed. */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = refuseCrossSiteWrite(req);
  if (refused) return refused;
  const g = await apiGuard(['patient', 'clinician'], 'booking');
  if (!g.ok) return g.response;
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  const body = await readJsonBody(req, rescheduleBookingSchema, { maxBytes: 4_000 });
  if (!body.ok) return body.response;
  try {
    const b = await rescheduleBooking(g.user, id, new Date(body.data.startsAt));
    return NextResponse.json({ id: b.id, status: b.status, startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString() });
  } catch (err) {
    if (err instanceof BookingError) return bookingErrorResponse(err);
    throw err;
  }
}
