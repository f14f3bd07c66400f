import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db';
import { apiGuard } from '@/lib/auth/guards';
import { audit } from '@/lib/audit';
import { bookingForActor } from '@/lib/booking/manage';

export const dynamic = 'force-dynamic';

/** One booking for its patient or its clinician; 404 for anyone else (never 403). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const g = await apiGuard(['patient', 'clinician'], 'booking');
  if (!g.ok) return g.response;
  const { id } = await params;
  const found = z.uuid().safeParse(id).success ? await bookingForActor(await getDb(), g.user, id) : null;
  if (!found) {
    await audit({ actor: g.user, action: 'booking.view', resourceType: 'booking', resourceId: id, outcome: 'denied' });
    return NextResponse.json({ error: 'not_found' }, { status: 404 });
  }
  const b = found.view;
  await audit({ actor: g.user, action: 'booking.view', resourceType: 'booking', resourceId: id, patientId: b.patientId });
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
