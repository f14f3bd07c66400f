import { getPaymentByIntent, recordRefund } from '@/db/queries/payments';
import type { EventHandler } from '@/lib/payments/context';
import type { Stripe } from '@/lib/payments/stripe-client';

/** Refunds made in the Stripe dashboard (or ours, echoed back) are reflected on the payment; amounts only grow. */
export const handleChargeRefunded: EventHandler = async (event, ctx) => {
  const charge = event.data.object as Stripe.Charge;
  const intent = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
  if (!intent) return 'ignored';
  const payment = await getPaymentByIntent(ctx.tx, intent);
  if (!payment) return 'ignored';
  const refundId = charge.refunds?.data?.[0]?.id ?? `charge:${charge.id}`;
  await recordRefund(ctx.tx, payment.id, refundId, Math.min(charge.amount_refunded, payment.amountCents));
  return 'processed';
};
