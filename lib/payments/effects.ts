import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getBookingView, transitionBooking, type Booking } from '@/db/queries/bookings';
import { getPaymentBySession, insertPayment, recordRefund, transitionPayment, type Payment } from '@/db/queries/payments';
import { bookings } from '@/db/schema';
import { audit } from '@/lib/audit';
import { isExclusionViolation } from '@/lib/booking/errors';
import { sendConfirmation, sendLatePaymentRefunded, sendPaymentFailed } from '@/lib/booking/notifications';
import { log } from '@/lib/log';
import type { HandlerContext } from './context';
import { refundPayment } from './gateway';
import type { Stripe } from './stripe-client';

const SYSTEM = { id: null, roles: [] } as const;

export function bookingIdOf(session: Stripe.Checkout.Session): string | null {
  return session.client_reference_id ?? session.metadata?.bookingId ?? null;
}

function paymentIntentOf(session: Stripe.Checkout.Session): string | null {
  const pi = session.payment_intent;
  return typeof pi === 'string' ? pi : (pi?.id ?? null);
}

/** The payment row of a session; created from the event when the request that opened it never stored it. */
async function paymentFor(ctx: HandlerContext, session: Stripe.Checkout.Session, booking: Booking): Promise<Payment> {
  const existing = await getPaymentBySession(ctx.tx, session.id);
  if (existing) return existing;
  return insertPayment(ctx.tx, {
    bookingId: booking.id,
    provider: session.id.startsWith('cs_demo_') ? 'demo' : 'stripe',
    checkoutSessionId: session.id,
    checkoutUrl: session.url ?? '',
    amountCents: session.amount_total ?? booking.priceCents,
    currency: session.currency ?? booking.currency,
  });
}

/**
 * Money arrived (checkout.session.completed with payment_status 'paid', or async_payment_succeeded).
 * pending_payment → confirmed; a hold that merely lapsed is honoured if its time is still free; if the time was
 * taken (23P01) or the patient cancelled meanwhile, the payment is refunded in full and the patient told.
 */
export async function settlePaidSession(ctx: HandlerContext, session: Stripe.Checkout.Session): Promise<void> {
  const bookingId = bookingIdOf(session);
  const booking = bookingId ? await getBookingView(ctx.tx, bookingId) : null;
  if (!booking) {
    log().warn({ session: session.id }, 'paid Checkout Session for an unknown booking; ignoring');
    return;
  }
  const payment = await paymentFor(ctx, session, booking);
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
    await audit({ actor: SYSTEM, action: 'booking.confirm', resourceType: 'booking', resourceId: booking.id, patientId: booking.patientId, details: { session: session.id } }, ctx.tx);
    return;
  }

  const [current] = await ctx.tx.select({ status: bookings.status }).from(bookings).where(eq(bookings.id, booking.id));
  if (current?.status === 'confirmed' || current?.status === 'completed') return; // an earlier event did it

  // Paid for a time we cannot give: refund at once (the idempotency key makes a retried event refund once).
  if (!paymentIntentId) throw new Error(`Paid session ${session.id} has no payment_intent; cannot refund`);
  const fresh = (await getPaymentBySession(ctx.tx, session.id))!;
  if (fresh.status === 'refunded') return;
  const refund = await refundPayment({ provider: fresh.provider, paymentIntentId, amountCents: fresh.amountCents, idempotencyKey: `late-payment-refund:${session.id}`, reason: 'duplicate' });
  await recordRefund(ctx.tx, fresh.id, refund.id, refund.amountCents);
  await sendLatePaymentRefunded(ctx.tx, booking, refund.amountCents, fresh.currency, current?.status === 'cancelled' ? 'cancelled' : 'slot_taken');
  await audit({ actor: SYSTEM, action: 'payment.refund', resourceType: 'booking', resourceId: booking.id, patientId: booking.patientId, details: { reason: 'late_payment', status: current?.status, refundCents: refund.amountCents } }, ctx.tx);
}

/** A delayed payment method is still processing: keep the slot held until the consult starts. */
export async function markProcessing(ctx: HandlerContext, session: Stripe.Checkout.Session): Promise<void> {
  const bookingId = bookingIdOf(session);
  const booking = bookingId ? await getBookingView(ctx.tx, bookingId) : null;
  if (!booking) return;
  const payment = await paymentFor(ctx, session, booking);
  await transitionPayment(ctx.tx, payment.id, ['open'], { status: 'processing', paymentIntentId: paymentIntentOf(session) });
  await ctx.tx
    .update(bookings)
    .set({ holdExpiresAt: sql`greatest(${bookings.holdExpiresAt}, ${bookings.startsAt})`, updatedAt: new Date() })
    .where(and(eq(bookings.id, booking.id), eq(bookings.status, 'pending_payment')));
}

/** The session expired (patient abandoned) or a delayed payment failed: release the hold if it is still one. */
export async function releaseSession(ctx: HandlerContext, session: Stripe.Checkout.Session, outcome: 'expired' | 'failed'): Promise<void> {
  const bookingId = bookingIdOf(session);
  const booking = bookingId ? await getBookingView(ctx.tx, bookingId) : null;
  if (!booking) return;
  const payment = await paymentFor(ctx, session, booking);
  await transitionPayment(ctx.tx, payment.id, ['open', 'processing'], { status: outcome });
  const released = await transitionBooking(ctx.tx, booking.id, 'pending_payment', { status: 'expired' });
  if (released) {
    if (outcome === 'failed') await sendPaymentFailed(ctx.tx, booking);
    await audit({ actor: SYSTEM, action: 'booking.release', resourceType: 'booking', resourceId: booking.id, patientId: booking.patientId, details: { session: session.id, outcome } }, ctx.tx);
  }
}
