import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CaseStatus, Urgency } from '@/lib/domain/case';
import { users } from './users';

/** One case per submitted intake: the queue's unit of work (owner or pool, status, due date). */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: text('patient_id')
      .notNull()
      .references(() => users.id),
    status: text('status').$type<CaseStatus>().notNull().default('submitted'),
    urgency: text('urgency').$type<Urgency>().notNull(),
    urgencyRank: smallint('urgency_rank').notNull(),
    assignedClinicianId: text('assigned_clinician_id').references(() => users.id),
    regions: text('regions').array().notNull(),
    areas: text('areas').array().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    slaDueAt: timestamp('sla_due_at', { withTimezone: true }).notNull(),
    currentVersion: integer('current_version').notNull().default(1),
    breachAlertedAt: timestamp('breach_alerted_at', { withTimezone: true }),
    /** Sent from the safety step as an emergency before the rest of the intake: only contact and safety answers. */
    incomplete: boolean('incomplete').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cases_queue_idx').on(t.urgencyRank, t.slaDueAt, t.id),
    index('cases_assignee_queue_idx').on(t.assignedClinicianId, t.urgencyRank, t.slaDueAt, t.id),
    index('cases_status_queue_idx').on(t.status, t.urgencyRank, t.slaDueAt, t.id),
    index('cases_patient_idx').on(t.patientId, t.submittedAt),
    // The queue's facet counts (polled by every open queue page) group by status and urgency rank within an assignee
    // scope: an index-only scan of this instead of reading the whole table (at 100,000 cases: ~13 ms vs ~120 ms).
    index('cases_counts_idx').on(t.assignedClinicianId, t.status, t.urgencyRank),
    // The queue's default views (open cases: new and in review) scan these partial indexes in order, however much
    // decided history the table holds. The queue query inlines the same status list so the planner can use them.
    index('cases_open_queue_idx')
      .on(t.urgencyRank, t.slaDueAt, t.id)
      .where(sql`status in ('submitted', 'in_review')`),
    index('cases_open_assignee_queue_idx')
      .on(t.assignedClinicianId, t.urgencyRank, t.slaDueAt, t.id)
      .where(sql`status in ('submitted', 'in_review')`),
  ],
);

/** The patient's answers exactly as submitted (IntakeSubmission JSON). Immutable: a trigger refuses UPDATE/DELETE. */
export const intakeVersions = pgTable(
  'intake_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    version: integer('version').notNull(),
    submission: jsonb('submission').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('intake_versions_case_version_uq').on(t.caseId, t.version)],
);

/** What the triage engine derived from one intake version, stored beside the raw answers. */
export const triageAssessments = pgTable('triage_assessments', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id')
    .notNull()
    .references(() => cases.id),
  intakeVersionId: uuid('intake_version_id')
    .notNull()
    .unique()
    .references(() => intakeVersions.id),
  urgency: text('urgency').$type<Urgency>().notNull(),
  reasons: jsonb('reasons').notNull(),
  mriFindings: jsonb('mri_findings').notNull(),
  /**
   * Sentences of the MRI report that name spinal anatomy or pathology but gave no finding (CONTRACTS §3 v2
   * `unreadMri`: evidence with its offsets). Assessments stored before the engine reported them hold [].
   */
  unreadMri: jsonb('unread_mri').notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
},
// The queue reads the latest assessment per case (LATERAL … ORDER BY created_at DESC LIMIT 1).
(t) => [index('triage_assessments_case_idx').on(t.caseId, t.createdAt)],
);

/** One draft per patient; never shown to clinicians. `revision` guards against stale autosaves. */
export const intakeDrafts = pgTable('intake_drafts', {
  patientId: text('patient_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  data: jsonb('data').notNull(),
  step: text('step').notNull().default('about'),
  revision: integer('revision').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  /** The incomplete emergency case this draft already raised; submitting the draft completes that case. */
  emergencyCaseId: uuid('emergency_case_id').references(() => cases.id, { onDelete: 'set null' }),
  /** Server time each red-flag answer was last given or changed ({code: ISO}), stamped on autosave. */
  redFlagsAnsweredAt: jsonb('red_flags_answered_at').$type<Record<string, string>>().notNull().default({}),
});

/** Every status change and decision on a case: who, when, what. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    actorId: text('actor_id').references(() => users.id),
    kind: text('kind').notNull(),
    fromStatus: text('from_status').$type<CaseStatus>(),
    toStatus: text('to_status').$type<CaseStatus>(),
    payload: jsonb('payload').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.createdAt)],
);

/** The private thread per case. `internal` notes are never shown to the patient. */
export const caseMessages = pgTable(
  'case_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    internal: boolean('internal').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_messages_case_idx').on(t.caseId, t.createdAt)],
);

export const adviceTemplates = pgTable('advice_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull().unique(),
  body: text('body').notNull(),
  active: boolean('active').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** SLA minutes per urgency (defaults: 60 / 1440 / 4320), editable by an admin. */
export const slaPolicies = pgTable('sla_policies', {
  urgency: text('urgency').$type<Urgency>().primaryKey(),
  minutes: integer('minutes').notNull(),
});
