import type { Stripe } from './stripe-client';

/** The booking a Checkout Session points at (createCheckoutSession puts it in both places); proves nothing alone. */
export function bookingIdOf(session: Stripe.Checkout.Session): string | null {
  return session.client_reference_id ?? session.metadata?.bookingId ?? null;
}

export function paymentIntentOf(session: Stripe.Checkout.Session): string | null {
  const pi = session.payment_intent;
  return typeof pi === 'string' ? pi : (pi?.id ?? null);
}
