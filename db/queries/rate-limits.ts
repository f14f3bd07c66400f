import { lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { rateLimits } from '../schema';

/**
 * Adds one hit to the bucket's counter for the window starting at `windowStart` and returns the new count. One
 * atomic upsert: concurrent requests on any instance each see a distinct count.
 */
export async function addRateLimitHit(db: Db, bucket: string, windowStart: Date): Promise<number> {
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
