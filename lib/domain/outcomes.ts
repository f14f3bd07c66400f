/**
 * The words of outcome tracking after the decision (CONTRACTS §6), defined once: the schema types its columns with
 * them, validation checks against them, the UI labels them. Pure: imports nothing.
 */

export const TRAINING_STATUSES = ['none', 'modified', 'full'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

/** Weeks after the plan's start at which a check-in is due, unless the clinician chooses others (issue #15). */
export const DEFAULT_CHECK_IN_WEEKS: readonly number[] = [1, 2, 4, 8, 12];

/** The Patient-Specific Functional Scale asks for up to three activities here (Stratford 1995 allows 3–5). */
export const PSFS_MAX_ACTIVITIES = 3;

export interface PsfsItem {
  activity: string;
  /** 0 = unable to perform the activity, 10 = able to perform it at the level before the problem. */
  score: number;
}

export interface PlanPhase {
  title: string;
  /** Calendar dates, YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  notes?: string;
}

export interface PlanExercise {
  name: string;
  sets?: number;
  reps?: string;
  loadNotes?: string;
}

/** A template's phase: weeks from the plan's start instead of dates (week 1 starts on the start day). */
export interface TemplatePhase {
  title: string;
  fromWeek: number;
  toWeek: number;
  notes?: string;
}

export type OutcomeTrend = 'better' | 'same' | 'worse';

/** A mailed check-in unanswered this many days after it fell due is overdue: the queue's "needs attention" (db/queries/attention.ts). */
export const CHECK_IN_OVERDUE_DAYS = 3;
