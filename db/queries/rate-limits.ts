import { createHash } from 'node:crypto';
import { lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { rateLimits } from '../schema';

/** A rule's subject (an email, an IP, a user id) is hashed into the bucket name: the table holds no address. */
export function rateLimitBucket(rule: string, subject: string): string {
  return `${rule}:${createHash('sha256').update(`${rule}\n${subject.toLowerCase()}`).digest('hex').slice(0, 32)}`;
}

export type RateLimitVerdict =
  | { ok: true }
  | { ok: false; retryAfterSeconds: number; limit: number; windowSeconds: number; /** true once per bucket and window */ firstDenial: boolean };

/**
 * Counts one attempt of `subject` under `rule` in the fixed window containing `now` and says whether it is within
 * `limit`. Here rather than in lib/rate-limit so that lib/audit can cap its own anonymous writes without importing
 * the feature that audits its denials.
 */
export async function countRateLimitHit(
  db: Db,
  rule: string,
  subject: string,
  window: { limit: number; windowSeconds: number },
  now: number,
): Promise<RateLimitVerdict> {
  const { limit, windowSeconds } = window;
  const windowMs = windowSeconds * 1000;
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const hits = await addRateLimitHit(db, rateLimitBucket(rule, subject), new Date(windowStart));
  if (hits <= limit) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)), limit, windowSeconds, firstDenial: hits === limit + 1 };
}

/**
 * Adds one hit to the bucket's counter for the window starting at `windowStart` and returns the new count. One
 * atomic upsert: concurrent requests on any instance each see a distinct count.
 */
async function addRateLimitHit(db: Db, bucket: string, windowStart: Date): Promise<number> {
  const [row] = await db
    .insert(rateLimits)
    .values({ bucket, windowStart, hits: 1 })
    .onConflictDoUpdate({ target: [rateLimits.bucket, rateLimits.windowStart], set: { hits: sql`${rateLimits.hits} + 1` } })
    .returning({ hits: rateLimits.hits });
  return row!.hits;
}

/** Drops counters of windows that started before `before` (they can no longer refuse anything). */
export async function deleteRateLimitWindowsBefore(db: Db, before: Date): Promise<number> {
  const rows = await db.delete(rateLimits).where(lt(rateLimits.windowStart, before)).returning({ bucket: rateLimits.bucket });
  return rows.length;
}
