/** Pure formatting shared by server and client components of the queue. */

/** "3 d 4 h", "2 h 5 min", "12 min", "under a minute". */
export function formatSpan(ms: number): string {
  const min = Math.floor(Math.abs(ms) / 60_000);
  if (min < 1) return 'under a minute';
  const d = Math.floor(min / 1440);
  const h = Math.floor((min % 1440) / 60);
  const m = min % 60;
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return `${m} min`;
}

export interface SlaState {
  breached: boolean;
  /** "due in 3 h 10 min" / "overdue by 25 min" */
  text: string;
  /** Due within the next hour (and not breached yet). */
  soon: boolean;
}

export function slaState(slaDueAt: Date | string, now: number): SlaState {
  const due = typeof slaDueAt === 'string' ? Date.parse(slaDueAt) : slaDueAt.getTime();
  const left = due - now;
  if (left < 0) return { breached: true, soon: false, text: `overdue by ${formatSpan(left)}` };
  return { breached: false, soon: left < 3600_000, text: `due in ${formatSpan(left)}` };
}
