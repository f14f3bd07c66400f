import { getPaymentByIntent, recordRefund } from '@/db/queries/payments';
import type { EventHandler } from '@/lib/payments/context';
import type { Stripe } from '@/lib/payments/stripe-client';

/**
 * A refund may arrive before the checkout completion that tells us its payment intent; Stripe retries an
 * unacknowledged event for days, so for this long an unknown intent is "not yet", after it "not ours".
 */
const WAIT_FOR_PAYMENT_MS = 24 * 60 * 60_000;

/** Refunds made in the Stripe dashboard (or ours, echoed back) are reflected on the payment; amounts only grow. */
export const handleChargeRefunded: EventHandler = async (event, ctx) => {
  const charge = event.data.object as Stripe.Charge;
  const intent = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
  if (!intent) return 'ignored';
  const payment = await getPaymentByIntent(ctx.tx, intent);
  if (!payment) return Date.now() - event.created * 1000 < WAIT_FOR_PAYMENT_MS ? 'not_ready' : 'ignored';
  const refundId = charge.refunds?.data?.[0]?.id ?? `charge:${charge.id}`;
  await recordRefund(ctx.tx, payment.id, refundId, Math.min(charge.amount_refunded, payment.amountCents));
  return 'processed';
};
