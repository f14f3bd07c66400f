import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db';
import { apiGuard } from '@/lib/auth/guards';
import { audit } from '@/lib/audit';
import { bookingForActor } from '@/lib/booking/manage';
import { calendarFileFor } from '@/lib/booking/notifications';

export const dynamic = 'force-dynamic';

/** The booking's calendar file (same UID as the emailed one), for its patient or clinician. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await apiGuard(['patient', 'clinician'], 'booking');
  if (!g.ok) return g.response;
  const { id } = await params;
  const found = z.uuid().safeParse(id).success ? await bookingForActor(await getDb(), g.user, id) : null;
  if (!found || found.view.status !== 'confirmed') return NextResponse.json({ error: 'not_found' }, { status: 404 });
  await audit({ actor: g.user, action: 'booking.ics', resourceType: 'booking', resourceId: id, patientId: found.view.patientId });
  const file = calendarFileFor(found.view);
  return new NextResponse(file.content, { headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="${file.filename}"` } });
}
