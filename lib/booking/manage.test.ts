import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Stripe from 'stripe';
import { resetEnvCache } from '@/lib/env';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { makeBookableClinician, makeConsultType } from '@/lib/testing/factories/booking';
import { makePatient } from '@/lib/testing/factories/people';
import { startStripeStandIn, stripeEvent, type StripeStandIn } from '@/lib/testing/stripe-stand-in';
import { processStripeEvent } from '@/lib/payments/webhook';
import { holdSlot } from './hold';
import { cancelBooking, rescheduleBooking } from './manage';

const H = 3_600_000;
const hourFromNow = (h: number) => {
  const d = new Date(Date.now() + h * H);
  d.setUTCMinutes(0, 0, 0);
  return d;
};

describe.each(testDbKinds())('cancel, reschedule and refunds (%s)', (kind) => {
  const t = useTestDb(kind);
  let stripe: StripeStandIn;
  const saved = { ...process.env };
  beforeAll(async () => {
    stripe = await startStripeStandIn();
    Object.assign(process.env, { STRIPE_SECRET_KEY: 'sk_test_stand_in', STRIPE_API_BASE: stripe.url, STRIPE_WEBHOOK_SECRET: 'whsec_manage_test' });
    resetEnvCache();
  });
  afterAll(async () => {
    process.env = saved;
    resetEnvCache();
    await stripe.close();
  });

  async function confirmed(startsAt: Date) {
    const patient = await makePatient(t.db);
    const clinician = await makeBookableClinician(t.db);
    const type = await makeConsultType(t.db);
    // The patient ticks "no refund" for a slot inside the window (the booking page asks for it).
    const held = await holdSlot(patient, { clinicianId: clinician.id, consultTypeId: type.id, startsAt, acknowledgeNoRefund: true });
    const sessionId = new URL(held.checkoutUrl).pathname.split('/').pop()!;
    await processStripeEvent(stripeEvent('checkout.session.completed', stripe.complete(sessionId)) as unknown as Stripe.Event);
    return { patient, clinician, type, id: held.id, sessionId };
  }
  const row = async (id: string) =>
    (await t.executeSql(`select b.status, b.starts_at, p.status as payment, p.refunded_cents from bookings b join payments p on p.booking_id = b.id where b.id = $1`, [id])).rows[0];

  it('patient cancels more than 24 h ahead: full refund through Stripe, mail with a cancelling .ics', async () => {
    const b = await confirmed(hourFromNow(72));
    await expect(cancelBooking(b.patient, b.id)).resolves.toEqual({ status: 'cancelled', refundCents: 9500 });
    expect(await row(b.id)).toMatchObject({ status: 'cancelled', payment: 'refunded', refunded_cents: 9500 });
    expect(stripe.refunds.at(-1)).toMatchObject({ amount: 9500 });
    expect(stripe.requests.filter((r) => r.path === '/v1/refunds').at(-1)!.idempotencyKey).toBe(`cancel-refund:${b.id}`);
    const { rows } = await t.executeSql(`select subject, attachments from outbox_messages where "to" = $1 and subject like 'Cancelled%'`, [b.patient.email]);
    expect((rows[0]!.attachments as { content: string }[])[0]!.content).toContain('METHOD:CANCEL');
  });

  it('patient cancels inside 24 h: cancelled, no refund', async () => {
    const b = await confirmed(hourFromNow(5));
    await expect(cancelBooking(b.patient, b.id)).resolves.toEqual({ status: 'cancelled', refundCents: 0 });
    expect(await row(b.id)).toMatchObject({ status: 'cancelled', payment: 'paid', refunded_cents: 0 });
  });

  it('clinician cancels inside 24 h: always a full refund', async () => {
    const b = await confirmed(hourFromNow(5));
    await expect(cancelBooking(b.clinician, b.id)).resolves.toEqual({ status: 'cancelled', refundCents: 9500 });
  });

  it('a failed refund leaves the booking confirmed; the retry refunds once', async () => {
    const b = await confirmed(hourFromNow(72));
    stripe.failNext(/\/v1\/refunds/);
    await expect(cancelBooking(b.patient, b.id)).rejects.toMatchObject({ code: 'payment_provider_error' });
    expect(await row(b.id)).toMatchObject({ status: 'confirmed', payment: 'paid' });
    await expect(cancelBooking(b.patient, b.id)).resolves.toMatchObject({ refundCents: 9500 });
    await expect(cancelBooking(b.patient, b.id)).rejects.toMatchObject({ code: 'state_changed' });
  });

  it('refuses to hold a slot inside the no-refund period until the patient acknowledges it', async () => {
    const patient = await makePatient(t.db);
    const clinician = await makeBookableClinician(t.db);
    const type = await makeConsultType(t.db);
    await expect(holdSlot(patient, { clinicianId: clinician.id, consultTypeId: type.id, startsAt: hourFromNow(5) })).rejects.toMatchObject({ code: 'no_refund_not_acknowledged', status: 400 });
    await expect(holdSlot(patient, { clinicianId: clinician.id, consultTypeId: type.id, startsAt: hourFromNow(5), acknowledgeNoRefund: true })).resolves.toMatchObject({ status: 'pending_payment' });
    await expect(holdSlot(patient, { clinicianId: clinician.id, consultTypeId: type.id, startsAt: hourFromNow(30) })).resolves.toMatchObject({ status: 'pending_payment' });
  });

  it('cancelling a hold expires its Checkout Session through the API and frees the slot', async () => {
    const patient = await makePatient(t.db);
    const clinician = await makeBookableClinician(t.db);
    const type = await makeConsultType(t.db);
    const startsAt = hourFromNow(30);
    const held = await holdSlot(patient, { clinicianId: clinician.id, consultTypeId: type.id, startsAt });
    const sessionId = new URL(held.checkoutUrl).pathname.split('/').pop()!;
    await cancelBooking(patient, held.id);
    expect(stripe.sessions.get(sessionId)!.status).toBe('expired');
    expect(stripe.requests.some((r) => r.path === `/v1/checkout/sessions/${sessionId}/expire`)).toBe(true);
    await expect(holdSlot(await makePatient(t.db), { clinicianId: clinician.id, consultTypeId: type.id, startsAt })).resolves.toMatchObject({ status: 'pending_payment' });
  });

  it('someone else cannot see or cancel the booking (not_found)', async () => {
    const b = await confirmed(hourFromNow(72));
    const stranger = await makePatient(t.db);
    await expect(cancelBooking(stranger, b.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('reschedules to a free offered time, refuses a taken one with slot_unavailable, and the patient only outside 24 h', async () => {
    const b = await confirmed(hourFromNow(72));
    const moved = await rescheduleBooking(b.patient, b.id, hourFromNow(96));
    expect(moved.startsAt.toISOString()).toBe(hourFromNow(96).toISOString());
    const other = await holdSlot(await makePatient(t.db), { clinicianId: b.clinician.id, consultTypeId: b.type.id, startsAt: hourFromNow(100) });
    expect(other.status).toBe('pending_payment');
    await expect(rescheduleBooking(b.patient, b.id, hourFromNow(100))).rejects.toMatchObject({ code: 'slot_unavailable' });
    const soon = await confirmed(hourFromNow(5));
    await expect(rescheduleBooking(soon.patient, soon.id, hourFromNow(50))).rejects.toMatchObject({ code: 'not_allowed' });
    await expect(rescheduleBooking(soon.clinician, soon.id, hourFromNow(50))).resolves.toMatchObject({ status: 'confirmed' });
  });
});
