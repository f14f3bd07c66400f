import type { EventHandler } from '../context';
import { releaseSession } from '../effects';
import type { Stripe } from '../stripe-client';

/** The patient abandoned the checkout (or it timed out): the hold is released if it is still a hold. */
export const handleCheckoutSessionExpired: EventHandler = async (event, ctx) => {
  return releaseSession(ctx, event.data.object as Stripe.Checkout.Session, 'expired');
};
