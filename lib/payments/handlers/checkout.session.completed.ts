import type { EventHandler } from '../context';
import { markProcessing, settlePaidSession } from '../effects';
import type { Stripe } from '../stripe-client';

/** Confirms only when the money is there; a delayed method (payment_status 'unpaid') waits for async_payment_*. */
export const handleCheckoutSessionCompleted: EventHandler = async (event, ctx) => {
  const session = event.data.object as Stripe.Checkout.Session;
  if (session.payment_status === 'paid' || session.payment_status === 'no_payment_required') return settlePaidSession(ctx, session);
  return markProcessing(ctx, session);
};
