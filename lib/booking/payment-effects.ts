import 'server-only';
import { getBookingStatus, getBookingView, holdUntilStart, transitionBooking, type BookingView } from '@/db/queries/bookings';
import { getPaymentByBooking, getPaymentBySession, recordRefund, transitionPayment, type Payment } from '@/db/queries/payments';
import { audit } from '@/lib/audit';
import { isUuid } from '@/lib/domain/ids';
import { requestLog } from '@/lib/log';
import { bookingIdOf, paymentIntentOf } from '@/lib/payments/checkout-session';
import type { CheckoutSessionEffects, HandlerContext, HandlerOutcome } from '@/lib/payments/context';
import { refundPayment } from '@/lib/payments/gateway';
import type { Stripe } from '@/lib/payments/stripe-client';
import { isExclusionViolation } from './errors';
import { sendConfirmation, sendLatePaymentRefunded, sendPaymentFailed } from './notifications';

/** Why an event's Checkout Session was not acted on. */
type SessionMismatch = 'unknown_booking' | 'session_mismatch' | 'amount_mismatch' | 'currency_mismatch';

interface PaidFor {
  booking: BookingView;
  payment: Payment;
}

/**
 * The booking and payment a Checkout Session stands for — only when the session is the very one we opened for that
 * booking and charges exactly the booking's price. client_reference_id and metadata only point at a booking; they
 * prove nothing (anyone with a Stripe account can put our booking id on a session of their own, for 1 cent). A
 * mismatch is logged (ids and amounts, no patient data) and acknowledged, so Stripe does not retry it forever.
 */
async function sessionPaysFor(ctx: HandlerContext, session: Stripe.Checkout.Session): Promise<PaidFor | null> {
  const bookingId = bookingIdOf(session);
  const booking = bookingId && isUuid(bookingId) ? await getBookingView(ctx.tx, bookingId) : null;
  const payment = booking ? await getPaymentByBooking(ctx.tx, booking.id) : null;
  let reason: SessionMismatch | null = null;
  if (!booking) reason = 'unknown_booking';
  else if (!payment || payment.checkoutSessionId !== session.id) reason = 'session_mismatch';
  else if (session.amount_total !== booking.priceCents) reason = 'amount_mismatch';
  else if ((session.currency ?? '').toLowerCase() !== booking.currency.toLowerCase()) reason = 'currency_mismatch';
  if (reason || !booking || !payment) {
    (await requestLog()).warn(
      {
        session: session.id,
        booking: booking?.id ?? null,
        reason,
        amount: session.amount_total ?? null,
        currency: session.currency ?? null,
        expectedAmount: booking?.priceCents ?? null,
        expectedCurrency: booking?.currency ?? null,
      },
      'Checkout Session does not match its booking; event ignored',
    );
    return null;
  }
  return { booking, payment };
}

/**
 * Money arrived (checkout.session.completed with payment_status 'paid', or async_payment_succeeded).
 * pending_payment → confirmed; a hold that merely lapsed is honoured if its time is still free; if the time was
 * taken (23P01) or the patient cancelled meanwhile, the payment is refunded in full and the patient told.
 */
async function settlePaidSession(ctx: HandlerContext, session: Stripe.Checkout.Session): Promise<HandlerOutcome> {
  const paid = await sessionPaysFor(ctx, session);
  if (!paid) return 'ignored';
  const { booking, payment } = paid;
  const paymentIntentId = paymentIntentOf(session);
  await transitionPayment(ctx.tx, payment.id, ['open', 'processing', 'expired', 'failed'], { status: 'paid', paymentIntentId, paidAt: new Date() });

  const confirmedFields = { status: 'confirmed' as const, confirmedAt: new Date() };
  let confirmed = await transitionBooking(ctx.tx, booking.id, 'pending_payment', confirmedFields);
  if (!confirmed && booking.status === 'expired') {
    // A savepoint: if the time was taken meanwhile the constraint refuses, and the outer transaction carries on.
    try {
      confirmed = await ctx.tx.transaction((sp) => transitionBooking(sp, booking.id, 'expired', confirmedFields));
    } catch (err) {
      if (!isExclusionViolation(err)) throw err;
    }
  }
  if (confirmed) {
    const view = (await getBookingView(ctx.tx, booking.id))!;
    await sendConfirmation(ctx.tx, view);
    await audit({ actor: null, action: 'booking.confirm', resourceType: 'booking', resourceId: booking.id, patientId: booking.patientId, details: { session: session.id } }, ctx.tx);
    return 'processed';
  }

  const current = await getBookingStatus(ctx.tx, booking.id);
  if (current === 'confirmed' || current === 'completed') return 'processed'; // an earlier event did it

  // Paid for a time we cannot give: refund at once (the idempotency key makes a retried event refund once).
  if (!paymentIntentId) throw new Error(`Paid session ${session.id} has no payment_intent; cannot refund`);
  const fresh = (await getPaymentBySession(ctx.tx, session.id))!;
  if (fresh.status === 'refunded') return 'processed';
  const refund = await refundPayment({ provider: fresh.provider, paymentIntentId, amountCents: fresh.amountCents, idempotencyKey: `late-payment-refund:${session.id}`, reason: 'duplicate' });
  await recordRefund(ctx.tx, fresh.id, refund.id, refund.amountCents);
  await sendLatePaymentRefunded(ctx.tx, booking, refund.amountCents, fresh.currency, current === 'cancelled' ? 'cancelled' : 'slot_taken');
  await audit({ actor: null, action: 'payment.refund', resourceType: 'booking', resourceId: booking.id, patientId: booking.patientId, details: { reason: 'late_payment', status: current ?? undefined, refundCents: refund.amountCents } }, ctx.tx);
  return 'processed';
}

/** A delayed payment method is still processing: keep the slot held until the consult starts. */
async function markProcessing(ctx: HandlerContext, session: Stripe.Checkout.Session): Promise<HandlerOutcome> {
  const paid = await sessionPaysFor(ctx, session);
  if (!paid) return 'ignored';
  const { booking, payment } = paid;
  await transitionPayment(ctx.tx, payment.id, ['open'], { status: 'processing', paymentIntentId: paymentIntentOf(session) });
  await holdUntilStart(ctx.tx, booking.id);
  return 'processed';
}

/** The session expired (patient abandoned) or a delayed payment failed: release the hold if it is still one. */
async function releaseSession(ctx: HandlerContext, session: Stripe.Checkout.Session, outcome: 'expired' | 'failed'): Promise<HandlerOutcome> {
  const paid = await sessionPaysFor(ctx, session);
  if (!paid) return 'ignored';
  const { booking, payment } = paid;
  await transitionPayment(ctx.tx, payment.id, ['open', 'processing'], { status: outcome });
  const released = await transitionBooking(ctx.tx, booking.id, 'pending_payment', { status: 'expired' });
  if (released) {
    if (outcome === 'failed') await sendPaymentFailed(ctx.tx, booking);
    await audit({ actor: null, action: 'booking.release', resourceType: 'booking', resourceId: booking.id, patientId: booking.patientId, details: { session: session.id, outcome } }, ctx.tx);
  }
  return 'processed';
}

/**
 * What a booking's Checkout Session does to the booking: the booking side of the Stripe webhook. The webhook route
 * hands it to stripeEventHandlers, so the handlers in lib/payments/handlers reach booking without importing it.
 */
export const bookingCheckoutEffects: CheckoutSessionEffects = {
  settlePaid: settlePaidSession,
  markProcessing,
  release: releaseSession,
};
