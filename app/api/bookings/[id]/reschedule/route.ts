import { NextResponse } from 'next/server';
import { rescheduleBooking } from '@/lib/booking/reschedule-booking';
import { rescheduleBookingSchema } from '@/lib/validation/booking';
import { changeBooking } from '../own-booking';
import { withDatabaseErrors } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Moves a confirmed booking → 200 {id,startsAt,endsAt}; 409 slot_unavailable / not_allowed. */
async function handlePost(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return changeBooking(req, params, rescheduleBookingSchema, async (user, id, input) => {
    const b = await rescheduleBooking(user, id, new Date(input.startsAt));
    return NextResponse.json({ id: b.id, status: b.status, startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString() });
  });
}

export const POST = withDatabaseErrors(handlePost);
