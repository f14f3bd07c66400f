import 'server-only';
import { createHash } from 'node:crypto';
import Stripe from 'stripe';
import { env } from '@/lib/env';

/** Demo mode: no STRIPE_SECRET_KEY → the local demo checkout sends signed events through the same webhook route. */
export function isDemoPayments(): boolean {
  return !env().STRIPE_SECRET_KEY;
}

const g = globalThis as unknown as { __tcStripe?: { key: string; base: string | undefined; client: Stripe } };

/**
 * The Stripe SDK client. STRIPE_API_BASE (tests) points it at a local stand-in through host/port/protocol; the SDK
 * and its request encoding stay real. Retries are off against the stand-in so tests see failures at once.
 */
export function stripeClient(): Stripe {
  const e = env();
  const key = e.STRIPE_SECRET_KEY;
  if (!key) throw new Error('STRIPE_SECRET_KEY is not set (demo mode has no Stripe client)');
  if (g.__tcStripe && g.__tcStripe.key === key && g.__tcStripe.base === e.STRIPE_API_BASE) return g.__tcStripe.client;
  let config: ConstructorParameters<typeof Stripe>[1] = { maxNetworkRetries: 2, timeout: 20_000, appInfo: { name: 'triage-consult' } };
  if (e.STRIPE_API_BASE) {
    const u = new URL(e.STRIPE_API_BASE);
    config = {
      ...config,
      host: u.hostname,
      port: u.port || (u.protocol === 'https:' ? 443 : 80),
      protocol: u.protocol === 'https:' ? 'https' : 'http',
      maxNetworkRetries: 0,
      telemetry: false,
    };
  }
  const client = new Stripe(key, config);
  g.__tcStripe = { key, base: e.STRIPE_API_BASE, client };
  return client;
}

/** Signature helpers need no API key; this instance never makes a request. */
const verifier = new Stripe('sk_test_signature_verification_only');
export const stripeWebhooks = verifier.webhooks;

/**
 * The secret webhook signatures are checked with: STRIPE_WEBHOOK_SECRET, or in demo mode one derived from
 * AUTH_SECRET (the demo checkout signs with it on the server). Live keys without a webhook secret → null (refuse).
 */
export function webhookSecret(): string | null {
  const e = env();
  if (e.STRIPE_WEBHOOK_SECRET) return e.STRIPE_WEBHOOK_SECRET;
  if (!e.STRIPE_SECRET_KEY) {
    const seed = e.AUTH_SECRET ?? 'triage-consult-demo';
    return `whsec_demo_${createHash('sha256').update(`stripe-demo-webhook:${seed}`).digest('hex').slice(0, 32)}`;
  }
  return null;
}

export type { Stripe };
