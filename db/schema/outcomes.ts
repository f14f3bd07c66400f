import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PlanExercise, PlanPhase, PsfsItem, TemplatePhase, TrainingStatus } from '@/lib/domain/outcomes';
import { cases } from './cases';
import { users } from './users';

/**
 * A return-to-training plan, one row per VERSION: setting a new plan adds version n + 1 and the highest version is
 * the current one. Earlier versions are kept because each check-in is read against the plan the patient was
 * following when it was due (check_ins.plan_id), and the clinical record must show what the patient was told when.
 */
export const rehabPlans = pgTable(
  'rehab_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    version: integer('version').notNull(),
    /** The day the plan starts (week 1 begins here); check-ins fall due whole weeks after it. */
    startsOn: date('starts_on').notNull(),
    phases: jsonb('phases').$type<PlanPhase[]>().notNull(),
    exercises: jsonb('exercises').$type<PlanExercise[]>().notNull(),
    stopIf: text('stop_if').notNull(),
    competitionDate: date('competition_date'),
    checkInWeeks: smallint('check_in_weeks').array().notNull(),
    templateId: uuid('template_id').references(() => rehabPlanTemplates.id, { onDelete: 'set null' }),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rehab_plans_case_version_uq').on(t.caseId, t.version)],
);

/** Plans to start from, kept by an admin like the advice templates: phases in weeks from the start, not dates. */
export const rehabPlanTemplates = pgTable('rehab_plan_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull().unique(),
  phases: jsonb('phases').$type<TemplatePhase[]>().notNull(),
  exercises: jsonb('exercises').$type<PlanExercise[]>().notNull(),
  stopIf: text('stop_if').notNull(),
  checkInWeeks: smallint('check_in_weeks').array().notNull(),
  active: boolean('active').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One scheduled check-in of a case and, once submitted, the patient's answers. Unique per case and due time. The
 * jobs claim `sent_at` and `reminded_at` with conditional updates (each mail once); `submitted_at` is claimed the
 * same way (a second submission is refused). `worse` records that this check-in crossed a worsening threshold
 * (lib/outcomes/thresholds.ts): the queue's "worse" badge is an open case whose latest check-in is worse.
 */
export const checkIns = pgTable(
  'check_ins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => rehabPlans.id),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    painNow: smallint('pain_now'),
    painWorst: smallint('pain_worst'),
    psfs: jsonb('psfs').$type<PsfsItem[]>(),
    globalChange: smallint('global_change'),
    trainingStatus: text('training_status').$type<TrainingStatus>(),
    redFlags: jsonb('red_flags').$type<Record<string, boolean>>(),
    worse: boolean('worse').notNull().default(false),
    /** The patient's unsent answers (autosaved, lib/validation/outcomes.ts checkInDraftSchema); cleared on submit. */
    draft: jsonb('draft').$type<Record<string, unknown>>(),
    draftSavedAt: timestamp('draft_saved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('check_ins_case_due_uq').on(t.caseId, t.dueAt),
    index('check_ins_case_submitted_idx').on(t.caseId, t.submittedAt),
    // The jobs scan only what is still to send or to remind.
    index('check_ins_unsent_idx').on(t.dueAt).where(sql`sent_at is null`),
    index('check_ins_unreminded_idx').on(t.dueAt).where(sql`submitted_at is null and reminded_at is null`),
    check('check_ins_pain_ck', sql`(${t.painNow} is null or ${t.painNow} between 0 and 10) and (${t.painWorst} is null or ${t.painWorst} between 0 and 10)`),
    check('check_ins_global_change_ck', sql`${t.globalChange} is null or ${t.globalChange} between -7 and 7`),
    check(
      'check_ins_submitted_ck',
      sql`${t.submittedAt} is null or (${t.painNow} is not null and ${t.painWorst} is not null and ${t.psfs} is not null and ${t.globalChange} is not null and ${t.trainingStatus} is not null and ${t.redFlags} is not null)`,
    ),
  ],
);
