/** "24 Nov 2026, 10:42" in the reader's own time zone (falls back to UTC for an unknown zone). */
export function formatDateTime(date: Date, timeZone: string): string {
  try {
    return date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
  } catch {
    return date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
  }
}
