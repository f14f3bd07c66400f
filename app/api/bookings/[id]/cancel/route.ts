import { NextResponse } from 'next/server';
import { cancelBooking } from '@/lib/booking/cancel-booking';
import { cancelBookingSchema } from '@/lib/validation/booking';
import { changeBooking } from '../own-booking';
import { withDatabaseErrors } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Patient or clinician cancels by policy → 200 {status:"cancelled", refundCents}. */
async function handlePost(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return changeBooking(req, params, cancelBookingSchema, async (user, id, input) => NextResponse.json(await cancelBooking(user, id, input.reason)));
}

export const POST = withDatabaseErrors(handlePost);
