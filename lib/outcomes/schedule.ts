/**
 * The plan's calendar, pure: when each check-in falls due, a template turned into dated phases, and the activities
 * the Patient-Specific Functional Scale asks about. No I/O, so the plan editor can preview what the service stores.
 */
import { addDays, formatLocalDate, parseLocalDate, zonedToUtc } from '@/lib/booking/zoned-time';
import { PSFS_MAX_ACTIVITIES, type PlanPhase, type TemplatePhase } from '@/lib/domain/outcomes';

/** Check-ins fall due at this local time of the patient, so the mail arrives in the morning. */
const DUE_MINUTE_OF_DAY = 9 * 60;

/**
 * The instants at which the check-ins of a plan starting on `startsOn` fall due: `weeks` whole weeks after the start,
 * 09:00 in the patient's time zone (UTC without one). Only those after `after` (e.g. now: a plan set late does not
 * schedule check-ins in the past).
 */
export function checkInDueTimes(startsOn: string, weeks: readonly number[], timeZone: string | null, after?: Date): Date[] {
  const start = parseLocalDate(startsOn);
  if (!start) throw new Error(`Not a calendar date: ${startsOn}`);
  return weeks
    .map((w) => new Date(zonedToUtc(addDays(start, w * 7), DUE_MINUTE_OF_DAY, timeZone ?? 'UTC')))
    .filter((d) => !after || d > after);
}

/** A template's phases as dates of a plan starting on `startsOn`: week n runs from day 7(n−1) to day 7n − 1. */
export function datedPhases(phases: readonly TemplatePhase[], startsOn: string): PlanPhase[] {
  const start = parseLocalDate(startsOn);
  if (!start) throw new Error(`Not a calendar date: ${startsOn}`);
  return phases.map((p) => ({
    title: p.title,
    from: formatLocalDate(addDays(start, (p.fromWeek - 1) * 7)),
    to: formatLocalDate(addDays(start, p.toWeek * 7 - 1)),
    ...(p.notes ? { notes: p.notes } : {}),
  }));
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : [];
}

/**
 * The activities a check-in's PSFS scores, from the intake's answers: the three the patient named for it
 * (training.psfsActivities); else the lifts they marked as affected (the first three); else their goal, as one
 * activity. Empty when the intake gives none of these.
 */
export function psfsActivitiesOf(submission: unknown): string[] {
  const training = record(record(submission).training);
  const named = strings(training.psfsActivities);
  if (named.length) return named.slice(0, PSFS_MAX_ACTIVITIES);
  const lifts = strings(training.affectedLifts);
  if (lifts.length) return lifts.slice(0, PSFS_MAX_ACTIVITIES);
  const goal = typeof training.goals === 'string' ? training.goals.trim() : '';
  return goal ? [goal.length > 100 ? `${goal.slice(0, 99)}…` : goal] : [];
}

/** The competition date the patient gave at intake (YYYY-MM-DD), or null. */
export function competitionDateOf(submission: unknown): string | null {
  const d = record(record(submission).training).nextCompetitionDate;
  return typeof d === 'string' && parseLocalDate(d) ? d : null;
}

/** The intake's pain now, the baseline the first check-in is compared with; null when the intake has none. */
export function baselinePainOf(submission: unknown): number | null {
  const p = record(record(submission).complaint).painNow;
  return typeof p === 'number' ? p : null;
}
