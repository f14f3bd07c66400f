import type { Db } from '@/db';
import type { Stripe } from './stripe-client';

/** What a webhook event handler gets: the transaction that also recorded the event id, and post-commit work. */
export interface HandlerContext {
  tx: Db;
  /** Work that must not run inside the transaction (network calls that may be retried safely). */
  afterCommit(fn: () => Promise<void>): void;
}

/**
 * 'ignored': acknowledged and recorded, no effect (e.g. a session that does not match its booking).
 * 'not_ready': the event refers to something this database does not know yet (Stripe delivers out of order); nothing
 * is recorded and the webhook answers 503, so Stripe delivers it again later.
 */
export type HandlerOutcome = 'processed' | 'ignored' | 'not_ready';

export type EventHandler = (event: Stripe.Event, ctx: HandlerContext) => Promise<HandlerOutcome>;

/** The event handlers by Stripe event type; a type without one is acknowledged and recorded, never acted on. */
export type EventHandlers = Record<string, EventHandler>;

/**
 * What a Checkout Session's outcome does to the thing it paid for. Payments knows sessions, not bookings: the
 * booking feature supplies these, and the webhook route hands them to the handlers (lib/payments never imports it).
 */
export interface CheckoutSessionEffects {
  /** The money arrived. */
  settlePaid(ctx: HandlerContext, session: Stripe.Checkout.Session): Promise<HandlerOutcome>;
  /** Completed with a delayed payment method: the money is still on its way. */
  markProcessing(ctx: HandlerContext, session: Stripe.Checkout.Session): Promise<HandlerOutcome>;
  /** The session expired, or its delayed payment failed. */
  release(ctx: HandlerContext, session: Stripe.Checkout.Session, outcome: 'expired' | 'failed'): Promise<HandlerOutcome>;
}
