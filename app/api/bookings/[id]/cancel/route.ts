import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiGuard } from '@/lib/auth/guards';
import { BookingError, bookingErrorResponse } from '@/lib/booking/errors';
import { cancelBooking } from '@/lib/booking/manage';
import { readJsonBody, refuseCrossSiteWrite } from '@/lib/http';
import { cancelBookingSchema } from '@/lib/validation/booking';

export const dynamic = 'force-dynamic';

/** Patient or clinician cancels by policy → 200 {status:"cancelled", refundCents}. */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = refuseCrossSiteWrite(req);
  if (refused) return refused;
  const g = await apiGuard(['patient', 'clinician'], 'booking');
  if (!g.ok) return g.response;
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  const body = await readJsonBody(req, cancelBookingSchema, { maxBytes: 4_000 });
  if (!body.ok) return body.response;
  try {
    return NextResponse.json(await cancelBooking(g.user, id, body.data.reason));
  } catch (err) {
    if (err instanceof BookingError) return bookingErrorResponse(err);
    throw err;
  }
}
