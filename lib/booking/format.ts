/** Display helpers shared by pages, components and mails (pure; Intl only). */

export function formatInZone(ms: number | Date, timeZone: string, opts: { withZone?: boolean; dateStyle?: 'full' | 'medium' } = {}): string {
  const t = typeof ms === 'number' ? ms : ms.getTime();
  const date = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: opts.dateStyle === 'full' ? 'numeric' : undefined }).format(t);
  const time = formatTime(t, timeZone);
  return opts.withZone === false ? `${date}, ${time}` : `${date}, ${time} (${zoneLabel(t, timeZone)})`;
}

export function formatTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

/** "Tue 24 Nov" — compact, for day chips. */
export function formatShortDay(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(ms);
}

/** "Tue, 24 Nov 2026, 17:30–18:15 (Europe/Istanbul, GMT+3)". */
export function formatRangeInZone(start: Date, end: Date, timeZone: string): string {
  return `${formatInZone(start, timeZone, { withZone: false, dateStyle: 'full' })}–${formatTime(end.getTime(), timeZone)} (${zoneLabel(start.getTime(), timeZone)})`;
}

export function formatDay(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(ms);
}

/** "Europe/Istanbul, GMT+3" — the IANA name people recognise plus the offset at that instant. */
export function zoneLabel(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(ms);
  const offset = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  return `${timeZone.replace(/_/g, ' ')}, ${offset}`;
}

export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);
}

export function minutesToClock(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function clockToMinutes(s: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && v <= 1440 ? v : null;
}

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
