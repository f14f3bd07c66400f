import type { CheckoutSessionEffects, EventHandler } from '@/lib/payments/context';
import type { Stripe } from '@/lib/payments/stripe-client';

export function handleAsyncPaymentSucceeded(effects: CheckoutSessionEffects): EventHandler {
  return async (event, ctx) => effects.settlePaid(ctx, event.data.object as Stripe.Checkout.Session);
}
