import { NextResponse } from 'next/server';
import { audit } from '@/lib/audit';
import { calendarFileFor } from '@/lib/booking/notifications';
import { readOwnBooking } from '../own-booking';
import { withDatabaseErrors } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The booking's calendar file (same UID as the emailed one), for its patient or clinician. */
async function handleGet(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const read = await readOwnBooking(params);
  if (!read.ok) return read.response;
  const { user, id, found } = read;
  if (!found || found.view.status !== 'confirmed') return NextResponse.json({ error: 'not_found' }, { status: 404 });
  await audit({ actor: user, action: 'booking.ics', resourceType: 'booking', resourceId: id, patientId: found.view.patientId });
  const file = calendarFileFor(found.view);
  return new NextResponse(file.content, { headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="${file.filename}"` } });
}

export const GET = withDatabaseErrors(handleGet);
