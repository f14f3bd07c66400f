/**
 * Wall-clock ↔ instant conversion for IANA time zones with the platform Intl API (no library, no I/O).
 * Semantics follow Temporal's "compatible" disambiguation: a wall time that occurs twice (autumn) maps to the
 * earlier instant; a wall time skipped by a spring-forward gap maps to the same distance after the gap.
 */

export interface LocalDate {
  year: number;
  month: number; // 1-12
  day: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY_MS = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `tz` is an IANA zone this runtime knows. */
export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

interface WallParts extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

function wallParts(ms: number, timeZone: string): WallParts {
  const out: WallParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatter(timeZone).formatToParts(ms)) {
    switch (p.type) {
      case 'year':
        out.year = Number(p.value);
        break;
      case 'month':
        out.month = Number(p.value);
        break;
      case 'day':
        out.day = Number(p.value);
        break;
      case 'hour':
        out.hour = Number(p.value) % 24;
        break;
      case 'minute':
        out.minute = Number(p.value);
        break;
      case 'second':
        out.second = Number(p.value);
        break;
    }
  }
  return out;
}

// Offsets change at most a few times a year; caching per zone and 15-minute bucket keeps slot computation fast.
const offsetCache = new Map<string, Map<number, number>>();
const BUCKET = 15 * MINUTE;

/** Empties the offset cache (benchmarks measure the uncached cost with it). */
export function clearOffsetCache(): void {
  offsetCache.clear();
}

/** The zone's UTC offset in minutes at instant `ms` (e.g. +60 for London in summer, -300 for New York in winter). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const bucket = Math.floor(ms / BUCKET);
  let zoneCache = offsetCache.get(timeZone);
  if (!zoneCache) {
    zoneCache = new Map();
    offsetCache.set(timeZone, zoneCache);
  }
  const hit = zoneCache.get(bucket);
  if (hit !== undefined) return hit;
  // Real-world offsets are whole minutes and transitions fall on 15-minute boundaries, so one value per bucket holds.
  const probe = bucket * BUCKET;
  const p = wallParts(probe, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const value = Math.round((asUtc - probe) / MINUTE);
  if (zoneCache.size > 50_000) zoneCache.clear();
  zoneCache.set(bucket, value);
  return value;
}

/** The local calendar date of an instant in `timeZone`. */
export function localDateOf(ms: number, timeZone: string): LocalDate {
  const shifted = ms + offsetMinutes(ms, timeZone) * MINUTE;
  const d = new Date(shifted);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Minutes after local midnight of an instant in `timeZone`. */
export function localMinuteOf(ms: number, timeZone: string): number {
  const shifted = ms + offsetMinutes(ms, timeZone) * MINUTE;
  return Math.floor((((shifted % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE);
}

/** The instant of local wall time `minuteOfDay` (0-1440) on `date` in `timeZone`. */
export function zonedToUtc(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE;
  const before = offsetMinutes(wall - 12 * HOUR, timeZone);
  const after = offsetMinutes(wall + 12 * HOUR, timeZone);
  if (before === after) return wall - before * MINUTE;
  // A transition lies within ±12 h: try both offsets, keep the valid ones, prefer the earlier instant.
  const candidates = [wall - before * MINUTE, wall - after * MINUTE]
    .filter((t) => t + offsetMinutes(t, timeZone) * MINUTE === wall)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return candidates[0]!;
  // In a spring-forward gap: keep the pre-transition offset, which lands as far past the gap as the wall time was in it.
  return wall - before * MINUTE;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function formatLocalDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export function parseLocalDate(s: string): LocalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const back = addDays(date, 0);
  return back.year === date.year && back.month === date.month && back.day === date.day ? date : null;
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day);
}
