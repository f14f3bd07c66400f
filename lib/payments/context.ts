import type { Db } from '@/db';
import type { Stripe } from './stripe-client';

/** What a webhook event handler gets: the transaction that also recorded the event id, and post-commit work. */
export interface HandlerContext {
  tx: Db;
  /** Work that must not run inside the transaction (network calls that may be retried safely). */
  afterCommit(fn: () => Promise<void>): void;
}

/** 'ignored': acknowledged and recorded, no effect (e.g. a session that does not match its booking). */
export type EventHandler = (event: Stripe.Event, ctx: HandlerContext) => Promise<'processed' | 'ignored'>;
