import type { EventHandler } from '../context';
import { handleChargeRefunded } from './charge.refunded';
import { handleAsyncPaymentFailed } from './checkout.session.async_payment_failed';
import { handleAsyncPaymentSucceeded } from './checkout.session.async_payment_succeeded';
import { handleCheckoutSessionCompleted } from './checkout.session.completed';
import { handleCheckoutSessionExpired } from './checkout.session.expired';

/** One handler file per event type; anything else is acknowledged and recorded, never acted on. */
export const EVENT_HANDLERS: Record<string, EventHandler> = {
  'checkout.session.completed': handleCheckoutSessionCompleted,
  'checkout.session.async_payment_succeeded': handleAsyncPaymentSucceeded,
  'checkout.session.async_payment_failed': handleAsyncPaymentFailed,
  'checkout.session.expired': handleCheckoutSessionExpired,
  'charge.refunded': handleChargeRefunded,
};
