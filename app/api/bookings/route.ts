import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { getBookableClinician } from '@/db/queries/availability';
import { getConsultType } from '@/db/queries/consult-types';
import { listPatientBookings } from '@/db/queries/bookings';
import { apiGuard } from '@/lib/auth/guards';
import { audit } from '@/lib/audit';
import { findFreeSlots } from '@/lib/booking/availability';
import { BookingError } from '@/lib/booking/errors';
import { holdSlot, type HoldHooks } from '@/lib/booking/hold';
import { errorResponse, readJsonBody, refuseCrossSiteWrite, withDatabaseErrors } from '@/lib/http';
import { startIdempotentWrite, type StoredResponse } from '@/lib/idempotency';
import { createBookingSchema } from '@/lib/validation/booking';
import { rateLimitedResponse } from '@/lib/rate-limit/enforce';

export const dynamic = 'force-dynamic';

const MAX_BYTES = 4_000;
const asJson = (r: StoredResponse) => NextResponse.json(r.body, { status: r.status });

/**
 * CONTRACTS §5: 201 {id,status,holdExpiresAt,checkoutUrl} | 409 {"error":"slot_unavailable"} (+ fresh slots).
 * §4d: an `Idempotency-Key` replays the first 201 (one hold, whatever the retries); 422 for the key on another body.
 */
async function handlePost(req: Request) {
  const refused = refuseCrossSiteWrite(req);
  if (refused) return refused;
  const g = await apiGuard(['patient'], 'booking');
  if (!g.ok) return g.response;
  const idem = await startIdempotentWrite(req, { userId: g.user.id, scope: 'POST /api/bookings', maxBytes: MAX_BYTES, render: asJson });
  if (idem.kind === 'respond') return idem.response;
  const limited = await rateLimitedResponse('hold', g.user);
  if (limited) return limited;
  const body = await readJsonBody(req, createBookingSchema, { invalidError: 'invalid_booking', maxBytes: MAX_BYTES });
  if (!body.ok) return body.response;
  const input = body.data;
  try {
    return await idem.run(async (claim) => {
      const hold = { clinicianId: input.clinicianId, consultTypeId: input.consultTypeId, startsAt: new Date(input.startsAt), intakeId: input.intakeId, timezone: input.timezone, acknowledgeNoRefund: input.acknowledgeNoRefund };
      const hooks: HoldHooks = claim
        ? { onHold: (tx) => claim.record(tx, null), onCheckout: (tx, result) => claim.complete(tx, { status: 201, body: result }), onReleased: (tx) => claim.release(tx) }
        : {};
      return asJson({ status: 201, body: await holdSlot(g.user, hold, hooks) });
    });
  } catch (err) {
    if (!(err instanceof BookingError)) throw err;
    if (err.code === 'slot_unavailable') {
      return errorResponse(err, { slots: await freshSlots(input.clinicianId, input.consultTypeId, new Date(input.startsAt)) });
    }
    return errorResponse(err);
  }
}

/** The signed-in patient's own bookings. */
async function handleGet() {
  const g = await apiGuard(['patient'], 'booking');
  if (!g.ok) return g.response;
  const rows = await listPatientBookings(await getDb(), g.user.id);
  await audit({ actor: g.user, action: 'booking.list', resourceType: 'booking', patientId: g.user.id, details: { count: rows.length } });
  return NextResponse.json(
    rows.map((b) => ({
      id: b.id,
      status: b.status,
      startsAt: b.startsAt.toISOString(),
      endsAt: b.endsAt.toISOString(),
      clinicianId: b.clinicianId,
      clinicianName: b.clinicianName,
      consultTypeId: b.consultTypeId,
      consultTypeName: b.consultTypeName,
      holdExpiresAt: b.holdExpiresAt?.toISOString() ?? null,
      payment: b.payment ? { status: b.payment.status, amountCents: b.payment.amountCents, currency: b.payment.currency, refundedCents: b.payment.refundedCents } : null,
    })),
  );
}

/** The same day as the refused slot, so the patient can pick again without reloading. */
async function freshSlots(clinicianId: string, consultTypeId: string, around: Date) {
  try {
    const db = await getDb();
    const [clinician, type] = await Promise.all([getBookableClinician(db, clinicianId), getConsultType(db, consultTypeId)]);
    if (!clinician || !type) return [];
    const from = new Date(Math.max(Date.now(), around.getTime() - 12 * 3_600_000));
    const slots = await findFreeSlots(db, clinician, type, { from, to: new Date(from.getTime() + 7 * 86_400_000) });
    return slots.slice(0, 20).map((s) => ({ startsAt: new Date(s.startsAt).toISOString(), endsAt: new Date(s.endsAt).toISOString() }));
  } catch {
    return [];
  }
}

export const POST = withDatabaseErrors(handlePost);
export const GET = withDatabaseErrors(handleGet);
