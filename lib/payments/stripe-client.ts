import 'server-only';
import { createHash } from 'node:crypto';
import Stripe from 'stripe';
import { env } from '@/lib/env';

/**
 * Demo payments only in explicit demo mode (DEMO_MODE=true from `npm run demo`) without STRIPE_SECRET_KEY: the local
 * demo checkout sends signed events through the same webhook route. A production server without keys is not a demo.
 */
export function isDemoPayments(): boolean {
  const e = env();
  return e.DEMO_MODE && !e.STRIPE_SECRET_KEY;
}

/** Booking can take payment: real Stripe keys, or the demo checkout in demo mode. */
export function paymentsConfigured(): boolean {
  return Boolean(env().STRIPE_SECRET_KEY) || isDemoPayments();
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
 * The secret webhook signatures are checked with: STRIPE_WEBHOOK_SECRET, or for demo payments one derived from
 * AUTH_SECRET (the demo generates it per machine; the demo checkout signs with it on the server). Anything else →
 * null, and the webhook refuses every event: live keys without a webhook secret, no demo mode, or no AUTH_SECRET
 * (never a secret derived from a public constant).
 */
export function webhookSecret(): string | null {
  const e = env();
  if (e.STRIPE_WEBHOOK_SECRET) return e.STRIPE_WEBHOOK_SECRET;
  if (isDemoPayments() && e.AUTH_SECRET) {
    return `whsec_demo_${createHash('sha256').update(`stripe-demo-webhook:${e.AUTH_SECRET}`).digest('hex').slice(0, 32)}`;
  }
  return null;
}

export type { Stripe };
