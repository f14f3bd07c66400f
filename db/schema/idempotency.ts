import { index, integer, json, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * CONTRACTS §4d: one row per (user, Idempotency-Key) of a write that took effect. The row is written in the same
 * transaction as the effect (a case, a hold), so a committed effect always has its key and a rolled-back one never
 * does; the primary key makes a concurrent duplicate wait for the first and then find its result. `status` and
 * `body` are the response replayed to a retry (json, not jsonb: the body comes back as it was, keys in order); they
 * stay null while an effect finishes in a second step (a hold's Checkout Session). `requestHash` tells a retry from
 * a different request reusing the key. Swept after 24 hours.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status'),
    body: json('body').$type<unknown>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
