import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { POST } from '@/app/api/stripe/webhook/route';
import { holdSlot } from '@/lib/booking/hold';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { gridSlot, makeBookableClinician, makeConsultType } from '@/lib/testing/factories/booking';
import { makePatient } from '@/lib/testing/factories/people';
import { useStripeStandIn } from '@/lib/testing/paid-booking';
import { stripeEvent } from '@/lib/testing/stripe-stand-in';

/**
 * Issue 13: "Stripe events delivered three times each and shuffled: one effect per event, the right final state".
 * Every assertion is on the data — bookings, payments, refunds at Stripe, mails, audit rows — never on the
 * webhook's response label.
 */
const SECRET = 'whsec_shuffle_secret';
const signer = new Stripe('sk_test_signer');

function deliver(event: object): Promise<Response> {
  const payload = JSON.stringify(event);
  const header = signer.webhooks.generateTestHeaderString({ payload, secret: SECRET });
  return POST(new Request('http://test/api/stripe/webhook', { method: 'POST', body: payload, headers: { 'stripe-signature': header, 'content-type': 'application/json' } }));
}

/** A deterministic shuffle (mulberry32), so a failing order can be replayed from its seed. */
function shuffled<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe.each(testDbKinds())('Stripe events delivered three times each, shuffled (%s)', (kind) => {
  const t = useTestDb(kind);
  const pay = useStripeStandIn(SECRET);

  async function hold(day: number) {
    const patient = await makePatient(t.db);
    const clinician = await makeBookableClinician(t.db);
    const type = await makeConsultType(t.db);
    const held = await holdSlot(patient, { clinicianId: clinician.id, consultTypeId: type.id, startsAt: gridSlot(day) });
    return { patient, held, sessionId: new URL(held.checkoutUrl).pathname.split('/').pop()! };
  }
  async function state(bookingId: string) {
    const { rows } = await t.executeSql(
      `select b.status, p.status as payment, p.refunded_cents from bookings b join payments p on p.booking_id = b.id where b.id = $1`,
      [bookingId],
    );
    return rows[0];
  }
  async function subjects(email: string) {
    const { rows } = await t.executeSql(`select subject from outbox_messages where "to" = $1 order by subject`, [email]);
    return rows.map((r) => String(r.subject).replace(/:.*/, ''));
  }
  const auditCount = async (action: string, bookingId: string) =>
    Number((await t.executeSql(`select count(*)::int as n from audit_events where action = $1 and resource_id = $2`, [action, bookingId])).rows[0]?.n);

  for (const seed of [1, 2, 3]) {
    it(`four bookings' checkout events, each delivered 3× in shuffled order (seed ${seed}): one effect each, the right end state`, async () => {
      const paid = await hold(4); // paid at once
      const delayedOk = await hold(5); // a delayed method that succeeds
      const abandoned = await hold(6); // the session expires unpaid
      const delayedFail = await hold(7); // a delayed method that fails

      const paidSession = pay.stripe.complete(paid.sessionId);
      const okUnpaid = pay.stripe.complete(delayedOk.sessionId, { paymentStatus: 'unpaid' });
      const failUnpaid = pay.stripe.complete(delayedFail.sessionId, { paymentStatus: 'unpaid' });
      const events = [
        stripeEvent('checkout.session.completed', paidSession),
        stripeEvent('checkout.session.completed', okUnpaid),
        stripeEvent('checkout.session.async_payment_succeeded', { ...okUnpaid, payment_status: 'paid' }),
        stripeEvent('checkout.session.expired', { ...pay.stripe.sessions.get(abandoned.sessionId)!, status: 'expired' }),
        stripeEvent('checkout.session.completed', failUnpaid),
        stripeEvent('checkout.session.async_payment_failed', failUnpaid),
      ];
      for (const event of shuffled([...events, ...events, ...events], seed)) expect((await deliver(event)).status).toBe(200);

      expect(await state(paid.held.id)).toEqual({ status: 'confirmed', payment: 'paid', refunded_cents: 0 });
      expect(await state(delayedOk.held.id)).toEqual({ status: 'confirmed', payment: 'paid', refunded_cents: 0 });
      expect(await state(abandoned.held.id)).toEqual({ status: 'expired', payment: 'expired', refunded_cents: 0 });
      expect(await state(delayedFail.held.id)).toEqual({ status: 'expired', payment: 'failed', refunded_cents: 0 });
      expect(await subjects(paid.patient.email)).toEqual(['Booking confirmed']);
      expect(await subjects(delayedOk.patient.email)).toEqual(['Booking confirmed']);
      expect(await subjects(abandoned.patient.email)).toEqual([]);
      expect(await subjects(delayedFail.patient.email)).toEqual(['Payment failed']);
      for (const b of [paid, delayedOk]) expect(await auditCount('booking.confirm', b.held.id)).toBe(1);
      for (const b of [abandoned, delayedFail]) expect(await auditCount('booking.release', b.held.id)).toBe(1);
      expect(pay.stripe.refunds).toEqual([]);
      const recorded = await t.executeSql(`select id from stripe_events order by id`);
      expect(recorded.rows.map((r) => r.id)).toEqual(events.map((e) => e.id as string).sort());
    });
  }

  it('a refund that arrives before its checkout completion is applied when Stripe delivers it again', async () => {
    // Out of order: the dashboard refund's event comes first, while the payment's intent is not known yet. It must
    // not be recorded as seen (its redelivery would be dropped as a duplicate and the refund lost).
    const { held, sessionId } = await hold(6);
    const paid = pay.stripe.complete(sessionId);
    const refunded = stripeEvent('charge.refunded', {
      id: 'ch_early_1', object: 'charge', payment_intent: paid.payment_intent, amount: 9500, amount_refunded: 9500, refunded: true,
      refunds: { object: 'list', data: [{ id: 're_early_1', object: 'refund', amount: 9500 }] },
    });
    const early = await deliver(refunded);
    expect(early.status).toBe(503);
    await deliver(stripeEvent('checkout.session.completed', paid));
    await deliver(refunded);
    await deliver(refunded);
    expect(await state(held.id)).toEqual({ status: 'confirmed', payment: 'refunded', refunded_cents: 9500 });
  });

  it('a completion redelivered after the patient cancelled without a refund changes nothing: no refund, no mail', async () => {
    // Stripe resends an event whose 200 it did not see. Between the two deliveries the patient cancelled inside the
    // no-refund period, so the payment stays paid. Treating the resend as new would take it for a payment that
    // arrived for a cancelled booking and refund it in full. Only the event-id record stops that.
    const { patient, held, sessionId } = await hold(4);
    const completed = stripeEvent('checkout.session.completed', pay.stripe.complete(sessionId));
    await deliver(completed);
    await t.executeSql(`update bookings set status = 'cancelled', cancelled_at = now() where id = $1`, [held.id]);
    await deliver(completed);
    await deliver(completed);
    expect(await state(held.id)).toEqual({ status: 'cancelled', payment: 'paid', refunded_cents: 0 });
    expect(pay.stripe.refunds).toEqual([]);
    expect(await subjects(patient.email)).toEqual(['Booking confirmed']);
    expect(await auditCount('payment.refund', held.id)).toBe(0);
  });
});
