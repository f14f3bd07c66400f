import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * Append-only: a trigger (migration 0001) refuses UPDATE and DELETE on this table on every database.
 * Every read or change of patient data and every denied access writes one row (lib/audit).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: text('actor_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id'),
    patientId: text('patient_id'),
    outcome: text('outcome').$type<'allowed' | 'denied'>().notNull(),
    requestId: text('request_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_patient_idx').on(t.patientId, t.at),
    index('audit_events_actor_idx').on(t.actorId, t.at),
    // "Which clinicians were shown case X?": the queue rows name the shown cases in details.caseIds (lib/audit/queue).
    index('audit_events_shown_cases_idx')
      .using('gin', sql`(${t.details} -> 'caseIds')`)
      .where(sql`${t.action} = 'queue.view'`),
  ],
);

/**
 * What the queue last disclosed to one clinician in one view (filter + page): a digest of the shown case ids and when
 * it was recorded. A queue read writes an audit row only when the digest differs or the mark is older than the
 * refresh interval (lib/audit/queue.ts), so a tab polling an unchanged queue every 10 s writes nothing per poll.
 * Not append-only: one row per (user, view), overwritten; the audit rows themselves stay in audit_events.
 */
export const queueViewMarks = pgTable(
  'queue_view_marks',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    viewKey: text('view_key').notNull(),
    digest: text('digest').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.viewKey] })],
);
