/**
 * The app's one way to write dates (en-GB everywhere, pure Intl, safe in server and client components) and to count
 * calendar days. Stored values are ISO ('YYYY-MM-DD', 'YYYY-MM', instants); people read "12 Mar 1994".
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Midnight UTC of a real calendar date 'YYYY-MM-DD', or null ('1994-02-30', '', a half-typed draft value). */
export function parseCalendarDate(value: string): number | null {
  const m = ISO_DAY.exec(value);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === value ? ms : null;
}

/** 'YYYY-MM-DD' of the calendar day `at` falls on in `timeZone` (en-CA writes dates as ISO), e.g. to group slots by day. */
export function calendarDayIn(at: Date | number, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * "24 Nov 2026, 10:42" in the reader's time zone. Without a zone (clinician and admin pages, which show UTC) or with
 * one this runtime does not know, the time is written in UTC and says so, so a reader never takes it for local time.
 */
export function formatDateTime(at: Date | string, timeZone?: string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (timeZone) {
    try {
      return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
    } catch {
      // An unknown zone (a stale profile value) falls through to UTC rather than failing the page.
    }
  }
  return `${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`;
}

/** "12 Mar 1994" for a calendar date 'YYYY-MM-DD'; anything else is returned unchanged (a half-typed draft value). */
export function formatCalendarDate(value: string): string {
  const ms = parseCalendarDate(value);
  if (ms === null) return value;
  return new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** "Sept 2018" for a month 'YYYY-MM' (episodes, prior care: the patient rarely knows the day). */
export function formatCalendarMonth(value: string): string {
  const m = ISO_MONTH.exec(value);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return value;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/**
 * Whole weeks from the calendar day of `now` (in `timeZone`) until a 'YYYY-MM-DD' date: negative once it has passed,
 * null when it is not a date. Counted in calendar days, not from the current instant, so the patient's wizard and the
 * clinician's case view say the same number all day (49 days away is "7 weeks" at 09:00 as at 18:00).
 */
export function weeksUntil(date: string, now: Date = new Date(), timeZone = 'UTC'): number | null {
  const target = parseCalendarDate(date);
  if (target === null) return null;
  const today = parseCalendarDate(calendarDayIn(now, timeZone));
  if (today === null) return null;
  return Math.floor(Math.round((target - today) / DAY_MS) / 7);
}
