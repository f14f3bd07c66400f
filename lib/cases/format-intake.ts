/** "24 Nov 2026, 10:42" in the reader's own time zone (falls back to UTC for an unknown zone). */
export function formatDateTime(date: Date, timeZone: string): string {
  try {
    return date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
  } catch {
    return date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
  }
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/**
 * "12 Mar 1994" for a calendar date 'YYYY-MM-DD' — the one way the app writes a day (same style as formatDateTime),
 * never the ISO string the API stores. Anything else is returned unchanged (a half-typed draft value).
 */
export function formatCalendarDate(value: string): string {
  const m = ISO_DAY.exec(value);
  if (!m) return value;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.toISOString().slice(0, 10) !== value) return value;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** "Sept 2018" (en-GB, like every date in the app) for a month 'YYYY-MM' (episodes, prior care: the patient rarely knows the day). */
export function formatCalendarMonth(value: string): string {
  const m = ISO_MONTH.exec(value);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return value;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}
