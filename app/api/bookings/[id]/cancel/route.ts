import { NextResponse } from 'next/server';
import { cancelBooking } from '@/lib/booking/cancel-booking';
import { cancelBookingSchema } from '@/lib/validation/booking';
import { changeBooking } from '../own-booking';

export const dynamic = 'force-dynamic';

/** Patient or clinician cancels by policy → 200 {status:"cancelled", refundCents}. */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return changeBooking(req, params, cancelBookingSchema, async (user, id, input) => NextResponse.json(await cancelBooking(user, id, input.reason)));
}
