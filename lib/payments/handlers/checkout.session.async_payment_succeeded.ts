import type { EventHandler } from '../context';
import { settlePaidSession } from '../effects';
import type { Stripe } from '../stripe-client';

export const handleAsyncPaymentSucceeded: EventHandler = async (event, ctx) => {
  return settlePaidSession(ctx, event.data.object as Stripe.Checkout.Session);
};
