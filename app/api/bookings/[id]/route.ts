import { NextResponse } from 'next/server';
import { audit } from '@/lib/audit';
import { readOwnBooking } from './own-booking';
import { withDatabaseErrors } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** One booking for its patient or its clinician; 404 for anyone else (never 403). */
async function handleGet(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const read = await readOwnBooking(params);
  if (!read.ok) return read.response;
  const { user, id, found } = read;
  if (!found) {
    await audit({ actor: user, action: 'booking.view', resourceType: 'booking', resourceId: id, outcome: 'denied' });
    return NextResponse.json({ error: 'not_found' }, { status: 404 });
  }
  const b = found.view;
  await audit({ actor: user, action: 'booking.view', resourceType: 'booking', resourceId: id, patientId: b.patientId });
  return NextResponse.json({
    id: b.id,
    status: b.status,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    holdExpiresAt: b.holdExpiresAt?.toISOString() ?? null,
    clinicianId: b.clinicianId,
    clinicianName: b.clinicianName,
    clinicianTimezone: b.clinicianTimezone,
    consultTypeId: b.consultTypeId,
    consultTypeName: b.consultTypeName,
    caseId: b.caseId,
    payment: b.payment ? { status: b.payment.status, amountCents: b.payment.amountCents, currency: b.payment.currency, refundedCents: b.payment.refundedCents } : null,
  });
}

export const GET = withDatabaseErrors(handleGet);
