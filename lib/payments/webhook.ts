import 'server-only';
import { getDb } from '@/db';
import { claimStripeEvent } from '@/db/queries/payments';
import { requestLog } from '@/lib/log';
import type { EventHandlers } from './context';
import { stripeWebhooks, webhookSecret, type Stripe } from './stripe-client';

export type VerifyResult = { ok: true; event: Stripe.Event } | { ok: false; status: 400 | 500; error: string; message: string };

/** Signature and timestamp check on the raw body (300 s tolerance, Stripe's default). */
export function verifyStripeEvent(rawBody: string, signature: string | null): VerifyResult {
  const secret = webhookSecret();
  if (!secret) return { ok: false, status: 500, error: 'webhook_not_configured', message: 'STRIPE_WEBHOOK_SECRET is not set.' };
  if (!signature) return { ok: false, status: 400, error: 'missing_signature', message: 'The stripe-signature header is missing.' };
  try {
    return { ok: true, event: stripeWebhooks.constructEvent(rawBody, signature, secret) };
  } catch (err) {
    return { ok: false, status: 400, error: 'invalid_signature', message: err instanceof Error ? err.message.split('\n')[0]! : 'Signature check failed.' };
  }
}

export type ProcessOutcome = 'processed' | 'duplicate' | 'ignored' | 'not_ready';

/** Thrown inside the transaction to undo the event-id record of an event that came too early. */
class NotReady extends Error {}

/**
 * Records the event id and applies its effect in ONE transaction: a duplicate delivery finds the id already there
 * and does nothing; a failure rolls both back so Stripe's retry starts clean. `handlers` come from
 * stripeEventHandlers (./handlers), composed by the webhook route with the effects of what was paid for.
 */
export async function processStripeEvent(event: Stripe.Event, handlers: EventHandlers): Promise<ProcessOutcome> {
  const handler = handlers[event.type];
  const after: (() => Promise<void>)[] = [];
  const db = await getDb();
  const logger = await requestLog();
  let outcome: ProcessOutcome;
  try {
    outcome = await db.transaction(async (tx): Promise<ProcessOutcome> => {
      if (!(await claimStripeEvent(tx, event.id, event.type))) return 'duplicate';
      if (!handler) return 'ignored';
      const handled = await handler(event, { tx, afterCommit: (fn) => after.push(fn) });
      if (handled === 'not_ready') throw new NotReady();
      return handled;
    });
  } catch (err) {
    if (!(err instanceof NotReady)) throw err;
    logger.info({ event: event.id, type: event.type }, 'stripe event refers to a payment not known yet: not recorded, Stripe will deliver it again');
    return 'not_ready';
  }
  for (const fn of after) {
    await fn().catch((err) => logger.error({ err, event: event.id }, 'post-commit webhook work failed'));
  }
  logger.info({ event: event.id, type: event.type, outcome }, 'stripe event');
  return outcome;
}
