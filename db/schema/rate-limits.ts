import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One counter row per (bucket, fixed time window), shared by every app instance: a request adds one to its row in a
 * single upsert, so two instances never both let the limit+1st request through. Rows past their window are swept.
 * `bucket` is "<rule>:<hash of the subject>" — no email address or IP is stored in clear.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    bucket: text('bucket').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] }), index('rate_limits_window_idx').on(t.windowStart)],
);
