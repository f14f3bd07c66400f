import type { CheckoutSessionEffects, EventHandlers } from '@/lib/payments/context';
import { handleChargeRefunded } from './charge.refunded';
import { handleAsyncPaymentFailed } from './checkout.session.async_payment_failed';
import { handleAsyncPaymentSucceeded } from './checkout.session.async_payment_succeeded';
import { handleCheckoutSessionCompleted } from './checkout.session.completed';
import { handleCheckoutSessionExpired } from './checkout.session.expired';

/** One handler file per event type; the Checkout Session ones apply `effects`, supplied by what the session paid for. */
export function stripeEventHandlers(effects: CheckoutSessionEffects): EventHandlers {
  return {
    'checkout.session.completed': handleCheckoutSessionCompleted(effects),
    'checkout.session.async_payment_succeeded': handleAsyncPaymentSucceeded(effects),
    'checkout.session.async_payment_failed': handleAsyncPaymentFailed(effects),
    'checkout.session.expired': handleCheckoutSessionExpired(effects),
    'charge.refunded': handleChargeRefunded,
  };
}
