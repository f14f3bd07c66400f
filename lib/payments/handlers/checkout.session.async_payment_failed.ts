import type { CheckoutSessionEffects, EventHandler } from '@/lib/payments/context';
import type { Stripe } from '@/lib/payments/stripe-client';

export function handleAsyncPaymentFailed(effects: CheckoutSessionEffects): EventHandler {
  return async (event, ctx) => effects.release(ctx, event.data.object as Stripe.Checkout.Session, 'failed');
}
