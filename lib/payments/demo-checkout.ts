import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { Payment } from '@/db/queries/payments';
import { appUrl } from '@/lib/env';
import { stripeWebhooks, webhookSecret } from './stripe-client';

export type DemoOutcome = 'paid' | 'abandoned';

/** The Checkout Session object Stripe would send for this demo payment. */
function demoSession(payment: Payment, outcome: DemoOutcome) {
  const paid = outcome === 'paid';
  return {
    id: payment.checkoutSessionId,
    object: 'checkout.session',
    mode: 'payment',
    client_reference_id: payment.bookingId,
    metadata: { bookingId: payment.bookingId },
    amount_total: payment.amountCents,
    currency: payment.currency,
    status: paid ? 'complete' : 'expired',
    payment_status: paid ? 'paid' : 'unpaid',
    // Stable per session: paying twice is one payment, as with Stripe.
    payment_intent: paid ? `pi_demo_${createHash('sha256').update(payment.checkoutSessionId).digest('hex').slice(0, 24)}` : null,
    url: null,
  };
}

/**
 * Demo mode only: signs the event Stripe would send (stripe.webhooks.generateTestHeaderString with the webhook
 * secret) and POSTs it to our own /api/stripe/webhook, so the demo runs exactly the production code path.
 */
export async function sendDemoCheckoutEvent(payment: Payment, outcome: DemoOutcome): Promise<void> {
  const secret = webhookSecret();
  if (!secret || payment.provider !== 'demo') throw new Error('Demo checkout is only available in demo mode for demo payments');
  const event = {
    id: `evt_demo_${randomBytes(12).toString('hex')}`,
    object: 'event',
    api_version: null,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: outcome === 'paid' ? 'checkout.session.completed' : 'checkout.session.expired',
    data: { object: demoSession(payment, outcome) },
  };
  const payload = JSON.stringify(event);
  const signature = stripeWebhooks.generateTestHeaderString({ payload, secret });
  const res = await fetch(`${appUrl()}/api/stripe/webhook`, {
    method: 'POST',
    body: payload,
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    cache: 'no-store',
  });
  if (!res.ok) throw new Error(`The webhook answered ${res.status}: ${await res.text()}`);
}
