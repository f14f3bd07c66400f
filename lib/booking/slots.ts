/**
 * Free slots for one clinician and one consult type: pure, no I/O, all instants in epoch milliseconds (UTC).
 * Working hours are wall-clock minutes in the clinician's IANA zone, so "09:00-17:00 on Mondays" stays 09:00 local
 * across daylight-saving changes while its UTC instants move.
 */
import {
  addDays,
  compareLocalDates,
  formatLocalDate,
  localDateOf,
  weekdayOf,
  zonedToUtc,
  type LocalDate,
} from './zoned-time';
import type { DateOverride, Interval, WeeklyRule } from '@/lib/domain/availability';

const MINUTE = 60_000;

export interface SlotPolicy {
  durationMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  /** Distance between slot starts; default: duration + buffer rounded up to 15 minutes. */
  stepMinutes?: number;
}

export interface SlotInput extends SlotPolicy {
  timezone: string;
  rules: WeeklyRule[];
  overrides: DateOverride[];
  /** Intervals already taken: live bookings and holds as [startsAt, blockedUntil), and time off. Any order. */
  busy: Interval[];
  from: number;
  to: number;
  now: number;
}

export interface Slot {
  startsAt: number;
  endsAt: number;
}

export function defaultStepMinutes(p: Pick<SlotPolicy, 'durationMinutes' | 'bufferAfterMinutes'>): number {
  return Math.ceil((p.durationMinutes + p.bufferAfterMinutes) / 15) * 15;
}

/** Working windows as UTC intervals for every local date touching [from, to), sorted. */
export function workingWindows(input: Pick<SlotInput, 'timezone' | 'rules' | 'overrides' | 'from' | 'to'>): Interval[] {
  const { timezone, from, to } = input;
  if (!(to > from)) return [];
  const overridesByDate = new Map<string, { startMinute: number; endMinute: number }[]>();
  for (const o of input.overrides) {
    const list = overridesByDate.get(o.date) ?? [];
    if (o.startMinute !== null && o.endMinute !== null && o.startMinute < o.endMinute) {
      list.push({ startMinute: o.startMinute, endMinute: o.endMinute });
    }
    overridesByDate.set(o.date, list);
  }
  const rulesByWeekday: { startMinute: number; endMinute: number }[][] = [[], [], [], [], [], [], []];
  for (const r of input.rules) {
    if (r.weekday >= 0 && r.weekday <= 6 && r.startMinute < r.endMinute) rulesByWeekday[r.weekday]!.push(r);
  }

  const out: Interval[] = [];
  const last: LocalDate = addDays(localDateOf(to, timezone), 1);
  for (let date = addDays(localDateOf(from, timezone), -1); compareLocalDates(date, last) <= 0; date = addDays(date, 1)) {
    const windows = overridesByDate.get(formatLocalDate(date)) ?? rulesByWeekday[weekdayOf(date)]!;
    for (const w of windows) {
      const start = zonedToUtc(date, w.startMinute, timezone);
      const end = w.endMinute >= 1440 ? zonedToUtc(addDays(date, 1), 0, timezone) : zonedToUtc(date, w.endMinute, timezone);
      if (end > from && start < to && end > start) out.push({ start, end });
    }
  }
  out.sort((a, b) => a.start - b.start);
  // Overlapping rules merge into one window, so slot starts only move forward (computeSlots relies on it).
  const merged: Interval[] = [];
  for (const w of out) {
    const prev = merged[merged.length - 1];
    if (prev && w.start < prev.end) prev.end = Math.max(prev.end, w.end);
    else merged.push({ ...w });
  }
  return merged;
}

/**
 * Slot starts on a grid from each window's start; a slot fits when the consult ends inside the window, starts after
 * the minimum notice and before the horizon, and [start, end + buffer) overlaps nothing busy — the same interval the
 * database's exclusion constraint checks.
 */
export function computeSlots(input: SlotInput): Slot[] {
  const duration = input.durationMinutes * MINUTE;
  const blocked = (input.durationMinutes + input.bufferAfterMinutes) * MINUTE;
  const step = (input.stepMinutes ?? defaultStepMinutes(input)) * MINUTE;
  const earliest = Math.max(input.from, input.now + input.minNoticeMinutes * MINUTE);
  const latest = Math.min(input.to, input.now + input.horizonDays * 24 * 60 * MINUTE);
  if (!(latest > earliest) || duration <= 0 || step <= 0) return [];

  const busy = input.busy.filter((b) => b.end > b.start).sort((a, b) => a.start - b.start);
  const windows = workingWindows(input);
  const slots: Slot[] = [];
  let bi = 0; // busy intervals ending at or before the current slot start can never matter again
  for (const w of windows) {
    for (let start = w.start; start + duration <= w.end; start += step) {
      if (start < earliest) continue;
      if (start >= latest) break;
      const blockEnd = start + blocked;
      while (bi < busy.length && busy[bi]!.end <= start) bi++;
      let free = true;
      for (let j = bi; j < busy.length && busy[j]!.start < blockEnd; j++) {
        if (busy[j]!.end > start) {
          free = false;
          break;
        }
      }
      if (free) slots.push({ startsAt: start, endsAt: start + duration });
    }
  }
  return slots;
}

/** Whether `startsAt` is one of the free slots (used to refuse hand-made requests for times that were never offered). */
export function isOfferedSlot(input: Omit<SlotInput, 'from' | 'to'>, startsAt: number): boolean {
  const slots = computeSlots({ ...input, from: startsAt, to: startsAt + 1 });
  return slots.some((s) => s.startsAt === startsAt);
}
