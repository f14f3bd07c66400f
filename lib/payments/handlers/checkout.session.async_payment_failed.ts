import type { EventHandler } from '../context';
import { releaseSession } from '../effects';
import type { Stripe } from '../stripe-client';

export const handleAsyncPaymentFailed: EventHandler = async (event, ctx) => {
  return releaseSession(ctx, event.data.object as Stripe.Checkout.Session, 'failed');
};
