/**
 * A clinician's working time as stored and as the slot engine reads it. Pure: imports nothing, so the data layer
 * (db/queries/availability) and the engine (lib/booking/slots) share the words without depending on each other.
 */

export interface WeeklyRule {
  weekday: number; // 0 = Sunday
  startMinute: number;
  endMinute: number;
}

/** Replaces the weekly rules for that local date; null start/end = not working that day. */
export interface DateOverride {
  date: string; // YYYY-MM-DD in the clinician's zone
  startMinute: number | null;
  endMinute: number | null;
}

/** A half-open span of instants [start, end) in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}
