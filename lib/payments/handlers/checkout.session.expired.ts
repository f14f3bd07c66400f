import type { CheckoutSessionEffects, EventHandler } from '@/lib/payments/context';
import type { Stripe } from '@/lib/payments/stripe-client';

/** The patient abandoned the checkout (or it timed out): the hold is released if it is still a hold. */
export function handleCheckoutSessionExpired(effects: CheckoutSessionEffects): EventHandler {
  return async (event, ctx) => effects.release(ctx, event.data.object as Stripe.Checkout.Session, 'expired');
}
