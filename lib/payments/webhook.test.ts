import { afterEach, describe, expect, it, vi } from 'vitest';
import Stripe from 'stripe';
import { log } from '@/lib/log';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { gridSlot, makeBookableClinician, makeConsultType } from '@/lib/testing/factories/booking';
import { makePatient } from '@/lib/testing/factories/people';
import { useStripeStandIn } from '@/lib/testing/paid-booking';
import { stripeEvent } from '@/lib/testing/stripe-stand-in';
import { holdSlot } from '@/lib/booking/hold';
import { POST } from '@/app/api/stripe/webhook/route';

const SECRET = 'whsec_test_stand_in_secret';
const signer = new Stripe('sk_test_signer');

function deliver(event: object, opts: { secret?: string; timestamp?: number } = {}): Promise<Response> {
  const payload = JSON.stringify(event);
  const header = signer.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? SECRET, timestamp: opts.timestamp });
  return POST(new Request('http://test/api/stripe/webhook', { method: 'POST', body: payload, headers: { 'stripe-signature': header, 'content-type': 'application/json' } }));
}

describe.each(testDbKinds())('Stripe webhook with the real SDK against a local stand-in (%s)', (kind) => {
  const t = useTestDb(kind);
  const pay = useStripeStandIn(SECRET);

  async function bookingStatus(id: string) {
    const { rows } = await t.executeSql(
      `select b.status, p.status as payment, p.refunded_cents, p.payment_intent_id from bookings b left join payments p on p.booking_id = b.id where b.id = $1`,
      [id],
    );
    return rows[0] as { status: string; payment: string; refunded_cents: number; payment_intent_id: string | null };
  }
  async function mailsTo(email: string, subject: RegExp) {
    const { rows } = await t.executeSql(`select subject, attachments from outbox_messages where "to" = $1 order by created_at`, [email]);
    return (rows as { subject: string; attachments: { content: string }[] }[]).filter((m) => subject.test(m.subject));
  }
  async function hold(days = 4) {
    const patient = await makePatient(t.db);
    const clinician = await makeBookableClinician(t.db);
    const type = await makeConsultType(t.db);
    const startsAt = gridSlot(days);
    const held = await holdSlot(patient, { clinicianId: clinician.id, consultTypeId: type.id, startsAt });
    const sessionId = new URL(held.checkoutUrl).pathname.split('/').pop()!;
    return { patient, clinician, type, startsAt, held, sessionId };
  }

  it('creates the Checkout Session with client_reference_id, metadata, expires_at ≥ 30 min, the price and an idempotency key', async () => {
    const { held, sessionId } = await hold();
    const req = pay.stripe.requests.find((r) => r.path === '/v1/checkout/sessions')!;
    expect(req.idempotencyKey).toBe(`checkout:${held.id}`);
    const p = req.params as { client_reference_id: string; metadata: { bookingId: string }; expires_at: string; line_items: { price_data: { unit_amount: string; currency: string } }[] };
    expect(p.client_reference_id).toBe(held.id);
    expect(p.metadata.bookingId).toBe(held.id);
    expect(Number(p.expires_at) * 1000).toBeGreaterThanOrEqual(Date.now() + 30 * 60_000 - 5_000);
    expect(Number(p.expires_at) * 1000).toBe(Math.floor(Date.parse(held.holdExpiresAt) / 1000) * 1000);
    expect(p.line_items[0]!.price_data).toMatchObject({ unit_amount: '9500', currency: 'gbp' });
    expect(held.checkoutUrl).toBe(`https://checkout.stripe.test/c/pay/${sessionId}`);
  });

  it('releases the hold at once when Stripe cannot create the session (nothing charged, slot free)', async () => {
    const patient = await makePatient(t.db);
    const clinician = await makeBookableClinician(t.db);
    const type = await makeConsultType(t.db);
    const startsAt = gridSlot(9);
    pay.stripe.failNext(/^\/v1\/checkout\/sessions$/);
    await expect(holdSlot(patient, { clinicianId: clinician.id, consultTypeId: type.id, startsAt })).rejects.toMatchObject({ code: 'payment_provider_error' });
    const { rows } = await t.executeSql(`select status from bookings where clinician_id = $1`, [clinician.id]);
    expect(rows).toEqual([{ status: 'expired' }]);
    await expect(holdSlot(await makePatient(t.db), { clinicianId: clinician.id, consultTypeId: type.id, startsAt })).resolves.toMatchObject({ status: 'pending_payment' });
  });

  it('rejects a bad signature and a stale timestamp with 400, changing nothing', async () => {
    const { held, sessionId } = await hold();
    const event = stripeEvent('checkout.session.completed', pay.stripe.complete(sessionId));
    expect((await deliver(event, { secret: 'whsec_wrong' })).status).toBe(400);
    expect((await deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(400);
    const unsigned = await POST(new Request('http://test/api/stripe/webhook', { method: 'POST', body: JSON.stringify(event) }));
    expect(unsigned.status).toBe(400);
    expect((await bookingStatus(held.id)).status).toBe('pending_payment');
  });

  it('confirms on a paid completion; the same event twice has one effect (one confirmation mail)', async () => {
    const { held, sessionId, patient } = await hold();
    const event = stripeEvent('checkout.session.completed', pay.stripe.complete(sessionId));
    const first = await deliver(event);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ outcome: 'processed' });
    const second = await deliver(event);
    expect(await second.json()).toMatchObject({ outcome: 'duplicate' });
    expect(await bookingStatus(held.id)).toMatchObject({ status: 'confirmed', payment: 'paid' });
    const mails = await mailsTo(patient.email, /Booking confirmed/);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.attachments[0]!.content).toContain('BEGIN:VCALENDAR');
    // A different event id carrying the same completion (Stripe may resend) still confirms once.
    await deliver(stripeEvent('checkout.session.completed', pay.stripe.sessions.get(sessionId)!));
    expect(await mailsTo(patient.email, /Booking confirmed/)).toHaveLength(1);
  });

  it('reversed order: an expiry arriving after the completion leaves the booking confirmed', async () => {
    const { held, sessionId } = await hold();
    const paid = pay.stripe.complete(sessionId);
    await deliver(stripeEvent('checkout.session.completed', paid, { created: 200 }));
    await deliver(stripeEvent('checkout.session.expired', { ...paid, status: 'expired' }, { created: 100 }));
    expect(await bookingStatus(held.id)).toMatchObject({ status: 'confirmed', payment: 'paid' });
  });

  it('reversed order: async success before the unpaid completion ends confirmed and paid', async () => {
    const { held, sessionId } = await hold();
    const unpaid = pay.stripe.complete(sessionId, { paymentStatus: 'unpaid' });
    const succeeded = { ...unpaid, payment_status: 'paid' };
    await deliver(stripeEvent('checkout.session.async_payment_succeeded', succeeded));
    await deliver(stripeEvent('checkout.session.completed', unpaid));
    expect(await bookingStatus(held.id)).toMatchObject({ status: 'confirmed', payment: 'paid' });
  });

  it('an unpaid completion does not confirm; async failure releases the slot and tells the patient', async () => {
    const { held, sessionId, patient } = await hold();
    const unpaid = pay.stripe.complete(sessionId, { paymentStatus: 'unpaid' });
    await deliver(stripeEvent('checkout.session.completed', unpaid));
    expect(await bookingStatus(held.id)).toMatchObject({ status: 'pending_payment', payment: 'processing' });
    await deliver(stripeEvent('checkout.session.async_payment_failed', unpaid));
    expect(await bookingStatus(held.id)).toMatchObject({ status: 'expired', payment: 'failed' });
    expect(await mailsTo(patient.email, /Payment failed/)).toHaveLength(1);
  });

  it('checkout.session.expired releases the hold so the time can be booked again', async () => {
    const { held, sessionId, clinician, type, startsAt } = await hold();
    await deliver(stripeEvent('checkout.session.expired', { ...pay.stripe.sessions.get(sessionId)!, status: 'expired' }));
    expect(await bookingStatus(held.id)).toMatchObject({ status: 'expired', payment: 'expired' });
    const other = await makePatient(t.db);
    await expect(holdSlot(other, { clinicianId: clinician.id, consultTypeId: type.id, startsAt })).resolves.toMatchObject({ status: 'pending_payment' });
  });

  it('a payment completing after the hold lapsed and the slot was taken is refunded in full and the patient told', async () => {
    const { held, sessionId, clinician, type, startsAt, patient } = await hold();
    await t.executeSql(`update bookings set hold_expires_at = now() - interval '1 second' where id = $1`, [held.id]);
    const other = await makePatient(t.db);
    await holdSlot(other, { clinicianId: clinician.id, consultTypeId: type.id, startsAt });
    const res = await deliver(stripeEvent('checkout.session.completed', pay.stripe.complete(sessionId)));
    expect(res.status).toBe(200);
    const after = await bookingStatus(held.id);
    expect(after).toMatchObject({ status: 'expired', payment: 'refunded', refunded_cents: 9500 });
    expect(pay.stripe.refunds).toEqual([expect.objectContaining({ amount: 9500, payment_intent: after.payment_intent_id })]);
    expect(await mailsTo(patient.email, /Payment refunded/)).toHaveLength(1);
  });

  it('a payment completing after the hold lapsed but with the time still free is honoured', async () => {
    const { held, sessionId } = await hold();
    await t.executeSql(`update bookings set hold_expires_at = now() - interval '1 second', status = 'expired' where id = $1`, [held.id]);
    await deliver(stripeEvent('checkout.session.completed', pay.stripe.complete(sessionId)));
    expect(await bookingStatus(held.id)).toMatchObject({ status: 'confirmed', payment: 'paid' });
  });

  it('charge.refunded (e.g. a refund made in the Stripe dashboard) marks the payment refunded, once', async () => {
    const { held, sessionId } = await hold();
    const paid = pay.stripe.complete(sessionId);
    await deliver(stripeEvent('checkout.session.completed', paid));
    const charge = { id: 'ch_test_1', object: 'charge', payment_intent: paid.payment_intent, amount: 9500, amount_refunded: 9500, refunded: true, refunds: { object: 'list', data: [{ id: 're_dashboard_1', object: 'refund', amount: 9500 }] } };
    const event = stripeEvent('charge.refunded', charge);
    await deliver(event);
    await deliver(event);
    expect(await bookingStatus(held.id)).toMatchObject({ status: 'confirmed', payment: 'refunded', refunded_cents: 9500 });
  });

  describe('finding 9: webhook checks what it is paid for', () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    async function paymentRow(bookingId: string) {
      const { rows } = await t.executeSql(`select status, payment_intent_id, checkout_session_id from payments where booking_id = $1`, [bookingId]);
      return rows;
    }

    it('ignores (200, no effect, logged without patient data) a session that is not the booking\'s, or charges another amount or currency', async () => {
      const { held, sessionId, patient } = await hold();
      const other = await hold(5);
      const warn = vi.spyOn(log(), 'warn');
      const paid = pay.stripe.complete(sessionId);
      const paymentsBefore = await paymentRow(held.id);
      const forged = [
        // Someone's own session (here: another booking's) pointing at this booking through client_reference_id/metadata.
        { reason: 'session_mismatch', session: { ...pay.stripe.complete(other.sessionId), client_reference_id: held.id, metadata: { bookingId: held.id } } },
        { reason: 'session_mismatch', session: { ...paid, id: 'cs_test_not_ours' } },
        { reason: 'amount_mismatch', session: { ...paid, amount_total: 1 } },
        { reason: 'currency_mismatch', session: { ...paid, currency: 'usd' } },
      ];
      for (const { reason, session } of forged) {
        for (const type of ['checkout.session.completed', 'checkout.session.async_payment_succeeded', 'checkout.session.expired']) {
          const res = await deliver(stripeEvent(type, session));
          expect(res.status, `${type} ${reason}`).toBe(200);
          expect(await res.json()).toMatchObject({ outcome: 'ignored' });
          expect(warn).toHaveBeenLastCalledWith(expect.objectContaining({ reason, session: session.id }), expect.stringMatching(/does not match/));
        }
      }
      expect(await bookingStatus(held.id)).toMatchObject({ status: 'pending_payment', payment: 'open' });
      expect(await bookingStatus(other.held.id)).toMatchObject({ status: 'pending_payment', payment: 'open' });
      expect(await paymentRow(held.id)).toEqual(paymentsBefore);
      expect(await mailsTo(patient.email, /./)).toEqual([]);
      const logged = JSON.stringify(warn.mock.calls);
      expect(logged).not.toContain(patient.email);
      expect(logged).not.toContain(patient.name ?? patient.email);
      // The genuine event still confirms: nothing above damaged the booking.
      expect(await (await deliver(stripeEvent('checkout.session.completed', paid))).json()).toMatchObject({ outcome: 'processed' });
      expect(await bookingStatus(held.id)).toMatchObject({ status: 'confirmed', payment: 'paid' });
    });

    it('acknowledges a session for an unknown booking with 200 instead of a retry storm of 500s', async () => {
      const { sessionId } = await hold();
      const warn = vi.spyOn(log(), 'warn');
      const paid = pay.stripe.complete(sessionId);
      for (const ref of ['not-a-booking-id', '00000000-0000-4000-8000-000000000000']) {
        const session = { ...paid, client_reference_id: ref, metadata: { bookingId: ref } };
        const res = await deliver(stripeEvent('checkout.session.completed', session));
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ outcome: 'ignored' });
        expect(warn).toHaveBeenLastCalledWith(expect.objectContaining({ reason: 'unknown_booking' }), expect.any(String));
      }
      const { rows } = await t.executeSql(`select count(*)::int as n from bookings where status <> 'pending_payment'`);
      expect(rows[0]?.n).toBe(0);
    });
  });

  it('answers 500 when the effect fails (Stripe retries) and applies it once on the retry', async () => {
    const { held, sessionId, clinician, type, startsAt } = await hold();
    await t.executeSql(`update bookings set hold_expires_at = now() - interval '1 second' where id = $1`, [held.id]);
    await holdSlot(await makePatient(t.db), { clinicianId: clinician.id, consultTypeId: type.id, startsAt });
    const event = stripeEvent('checkout.session.completed', pay.stripe.complete(sessionId));
    pay.stripe.failNext(/\/v1\/refunds/);
    expect((await deliver(event)).status).toBe(500);
    const { rows } = await t.executeSql(`select count(*)::int as n from stripe_events where id = $1`, [event.id]);
    expect(rows[0]?.n).toBe(0);
    expect((await deliver(event)).status).toBe(200);
    expect((await deliver(event)).status).toBe(200);
    expect(pay.stripe.refunds.filter((r) => r.payment_intent === pay.stripe.sessions.get(sessionId)!.payment_intent)).toHaveLength(1);
  });
});
