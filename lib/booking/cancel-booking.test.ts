import { describe, expect, it } from 'vitest';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { makeBookableClinician, makeConsultType } from '@/lib/testing/factories/booking';
import { makePatient } from '@/lib/testing/factories/people';
import { hourFromNow, makePaidBooking, useStripeStandIn } from '@/lib/testing/paid-booking';
import { cancelBooking } from './cancel-booking';
import { holdSlot } from './hold';

describe.each(testDbKinds())('cancel and refunds (%s)', (kind) => {
  const t = useTestDb(kind);
  const pay = useStripeStandIn('whsec_manage_test');
  const row = async (id: string) =>
    (await t.executeSql(`select b.status, b.starts_at, p.status as payment, p.refunded_cents from bookings b join payments p on p.booking_id = b.id where b.id = $1`, [id])).rows[0];

  it('patient cancels more than 24 h ahead: full refund through Stripe, mail with a cancelling .ics', async () => {
    const b = await makePaidBooking(t.db, pay.stripe, hourFromNow(72));
    await expect(cancelBooking(b.patient, b.id)).resolves.toEqual({ status: 'cancelled', refundCents: 9500 });
    expect(await row(b.id)).toMatchObject({ status: 'cancelled', payment: 'refunded', refunded_cents: 9500 });
    expect(pay.stripe.refunds.at(-1)).toMatchObject({ amount: 9500 });
    expect(pay.stripe.requests.filter((r) => r.path === '/v1/refunds').at(-1)!.idempotencyKey).toBe(`cancel-refund:${b.id}`);
    const { rows } = await t.executeSql(`select subject, attachments from outbox_messages where "to" = $1 and subject like 'Cancelled%'`, [b.patient.email]);
    expect((rows[0]!.attachments as { content: string }[])[0]!.content).toContain('METHOD:CANCEL');
  });

  it('patient cancels inside 24 h: cancelled, no refund', async () => {
    const b = await makePaidBooking(t.db, pay.stripe, hourFromNow(5));
    await expect(cancelBooking(b.patient, b.id)).resolves.toEqual({ status: 'cancelled', refundCents: 0 });
    expect(await row(b.id)).toMatchObject({ status: 'cancelled', payment: 'paid', refunded_cents: 0 });
  });

  it('clinician cancels inside 24 h: always a full refund', async () => {
    const b = await makePaidBooking(t.db, pay.stripe, hourFromNow(5));
    await expect(cancelBooking(b.clinician, b.id)).resolves.toEqual({ status: 'cancelled', refundCents: 9500 });
  });

  it('a failed refund leaves the booking confirmed; the retry refunds once', async () => {
    const b = await makePaidBooking(t.db, pay.stripe, hourFromNow(72));
    pay.stripe.failNext(/\/v1\/refunds/);
    await expect(cancelBooking(b.patient, b.id)).rejects.toMatchObject({ code: 'payment_provider_error' });
    expect(await row(b.id)).toMatchObject({ status: 'confirmed', payment: 'paid' });
    await expect(cancelBooking(b.patient, b.id)).resolves.toMatchObject({ refundCents: 9500 });
    await expect(cancelBooking(b.patient, b.id)).rejects.toMatchObject({ code: 'state_changed' });
  });

  it('cancelling a hold expires its Checkout Session through the API and frees the slot', async () => {
    const patient = await makePatient(t.db);
    const clinician = await makeBookableClinician(t.db);
    const type = await makeConsultType(t.db);
    const startsAt = hourFromNow(30);
    const held = await holdSlot(patient, { clinicianId: clinician.id, consultTypeId: type.id, startsAt });
    const sessionId = new URL(held.checkoutUrl).pathname.split('/').pop()!;
    await cancelBooking(patient, held.id);
    expect(pay.stripe.sessions.get(sessionId)!.status).toBe('expired');
    expect(pay.stripe.requests.some((r) => r.path === `/v1/checkout/sessions/${sessionId}/expire`)).toBe(true);
    await expect(holdSlot(await makePatient(t.db), { clinicianId: clinician.id, consultTypeId: type.id, startsAt })).resolves.toMatchObject({ status: 'pending_payment' });
  });

  it('someone else cannot see or cancel the booking (not_found)', async () => {
    const b = await makePaidBooking(t.db, pay.stripe, hourFromNow(72));
    const stranger = await makePatient(t.db);
    await expect(cancelBooking(stranger, b.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
