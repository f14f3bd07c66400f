import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { users } from './users';

/**
 * Break-the-glass: a clinician opened a case outside their scope, giving a reason. Each row is a time-limited read
 * grant (until `expiresAt`) and the lead's record of who looked at what and why. Rows are never changed.
 */
export const caseAccessGrants = pgTable(
  'case_access_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('case_access_grants_reason_ck', sql`char_length(${t.reason}) >= 10`),
    check('case_access_grants_window_ck', sql`${t.expiresAt} > ${t.createdAt}`),
    index('case_access_grants_user_idx').on(t.userId, t.expiresAt),
    index('case_access_grants_created_idx').on(t.createdAt),
  ],
);
