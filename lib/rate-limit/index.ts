import 'server-only';
import { getDb, type Db } from '@/db';
import { countRateLimitHit, type RateLimitVerdict } from '@/db/queries/rate-limits';
import { env, type Env } from '@/lib/env';

export { rateLimitBucket, type RateLimitVerdict } from '@/db/queries/rate-limits';

/**
 * Fixed-window rate limits kept in the database (table rate_limits), so every app instance counts against the same
 * rows. A rule's subject (an email, an IP, a user id) is hashed into the bucket name: the table holds no address.
 * Denials only grow the counter — the caller writes at most one audit row per bucket and window (`firstDenial`).
 */
export const RATE_LIMIT_RULES = {
  'signin.email': 'RATE_LIMIT_SIGNIN_EMAIL',
  'signin.ip': 'RATE_LIMIT_SIGNIN_IP',
  message: 'RATE_LIMIT_MESSAGES',
  intake: 'RATE_LIMIT_INTAKES',
  hold: 'RATE_LIMIT_HOLDS',
  upload: 'RATE_LIMIT_UPLOADS',
  'audit.anonymous': 'RATE_LIMIT_ANONYMOUS_AUDIT',
} as const satisfies Record<string, keyof Env>;
export type RateLimitRule = keyof typeof RATE_LIMIT_RULES;

/** Counts one attempt of `subject` under `rule` and says whether it is within the limit. */
export async function consumeRateLimit(rule: RateLimitRule, subject: string, opts: { db?: Db; now?: number } = {}): Promise<RateLimitVerdict> {
  const now = opts.now ?? Date.now();
  const window = env()[RATE_LIMIT_RULES[rule]];
  return countRateLimitHit(opts.db ?? (await getDb()), rule, subject, window, now);
}

/** "about 12 minutes" / "about 40 seconds", for messages a person reads. */
export function waitPhrase(seconds: number): string {
  if (seconds < 90) return `about ${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 90 ? `about ${minutes} minutes` : `about ${Math.ceil(minutes / 60)} hours`;
}
