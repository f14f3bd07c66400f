import 'server-only';
import { randomBytes } from 'node:crypto';
import { bookingPagePath, demoCheckoutPath } from '@/lib/urls';
import { isDemoPayments, stripeClient } from './stripe-client';
import { absoluteUrl } from '@/lib/env';

/** Stripe's minimum Checkout Session lifetime; the hold lasts exactly as long as the session. */
export const CHECKOUT_LIFETIME_MS = 30 * 60_000;
/** Headroom so `expires_at` is still ≥ 30 minutes ahead when Stripe receives the request. */
export const CHECKOUT_CLOCK_MARGIN_MS = 60_000;

export interface CheckoutRequest {
  bookingId: string;
  patientId: string;
  customerEmail: string;
  productName: string;
  description: string;
  amountCents: number;
  currency: string;
  expiresAt: Date;
}

export interface CheckoutSessionRef {
  provider: 'stripe' | 'demo';
  id: string;
  url: string;
}

export interface RefundResult {
  id: string;
  amountCents: number;
}

/**
 * Creates the Checkout Session for a booking: client_reference_id and metadata carry the booking id, expires_at
 * ends the hold, the idempotency key makes a retried request return the same session.
 */
export async function createCheckoutSession(req: CheckoutRequest): Promise<CheckoutSessionRef> {
  if (isDemoPayments()) {
    const id = `cs_demo_${randomBytes(16).toString('hex')}`;
    return { provider: 'demo', id, url: absoluteUrl(demoCheckoutPath(id)) };
  }
  const session = await stripeClient().checkout.sessions.create(
    {
      mode: 'payment',
      client_reference_id: req.bookingId,
      customer_email: req.customerEmail,
      expires_at: Math.floor(req.expiresAt.getTime() / 1000),
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: req.currency,
            unit_amount: req.amountCents,
            product_data: { name: req.productName, description: req.description },
          },
        },
      ],
      metadata: { bookingId: req.bookingId, patientId: req.patientId },
      payment_intent_data: { metadata: { bookingId: req.bookingId } },
      success_url: `${absoluteUrl(bookingPagePath(req.bookingId))}?paid=1`,
      cancel_url: `${absoluteUrl(bookingPagePath(req.bookingId))}?cancelled=1`,
    },
    { idempotencyKey: `checkout:${req.bookingId}` },
  );
  if (!session.url) throw new Error('Stripe returned a Checkout Session without a URL');
  return { provider: 'stripe', id: session.id, url: session.url };
}

/** Ends an open Checkout Session (a hold cancelled in the app). Demo sessions live only in our database. */
export async function expireCheckoutSession(provider: 'stripe' | 'demo', sessionId: string): Promise<void> {
  if (provider === 'demo') return;
  await stripeClient().checkout.sessions.expire(sessionId);
}

/** Refunds a payment; the idempotency key makes a retry (or a second cancel click) refund once. */
export async function refundPayment(opts: {
  provider: 'stripe' | 'demo';
  paymentIntentId: string;
  amountCents: number;
  idempotencyKey: string;
  reason?: 'requested_by_customer' | 'duplicate';
}): Promise<RefundResult> {
  if (opts.provider === 'demo') return { id: `re_demo_${randomBytes(12).toString('hex')}`, amountCents: opts.amountCents };
  const refund = await stripeClient().refunds.create(
    { payment_intent: opts.paymentIntentId, amount: opts.amountCents, reason: opts.reason ?? 'requested_by_customer', metadata: { source: 'triage-consult' } },
    { idempotencyKey: opts.idempotencyKey },
  );
  return { id: refund.id, amountCents: refund.amount };
}
