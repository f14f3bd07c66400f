import type { CheckoutSessionEffects, EventHandler } from '@/lib/payments/context';
import type { Stripe } from '@/lib/payments/stripe-client';

/** Confirms only when the money is there; a delayed method (payment_status 'unpaid') waits for async_payment_*. */
export function handleCheckoutSessionCompleted(effects: CheckoutSessionEffects): EventHandler {
  return async (event, ctx) => {
    const session = event.data.object as Stripe.Checkout.Session;
    if (session.payment_status === 'paid' || session.payment_status === 'no_payment_required') return effects.settlePaid(ctx, session);
    return effects.markProcessing(ctx, session);
  };
}
