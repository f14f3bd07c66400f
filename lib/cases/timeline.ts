import { formatCalendarDate, formatCalendarMonth } from '@/lib/cases/format-intake';

export interface Episode {
  startedOn: string;
  resolvedOn?: string;
  notes?: string;
}

export interface TimelinePoint {
  when: string;
  title: string;
  notes?: string;
  tone: 'start' | 'resolved' | 'current';
}

/** 'YYYY-MM' → 'Sept 2018': the app's one month format, en-GB like every other date (lib/cases/format-intake). */
export const monthText = formatCalendarMonth;

/** First episode → settled → recurrence → …, oldest first; an episode that has not settled ends in "Ongoing". */
export function timelinePoints(episodes: readonly Episode[], onsetDate?: string): TimelinePoint[] {
  const sorted = [...episodes].sort((a, b) => a.startedOn.localeCompare(b.startedOn));
  const points: TimelinePoint[] = [];
  sorted.forEach((e, i) => {
    points.push({ when: monthText(e.startedOn), title: i === 0 ? 'First episode began' : i === 1 ? 'Recurrence' : `Recurrence (${i})`, notes: e.notes, tone: 'start' });
    if (e.resolvedOn) points.push({ when: monthText(e.resolvedOn), title: 'Settled', tone: 'resolved' });
  });
  const last = sorted[sorted.length - 1];
  if (last && !last.resolvedOn) points.push({ when: 'Now', title: 'Ongoing', tone: 'current' });
  if (sorted.length === 0 && onsetDate) {
    points.push({ when: formatCalendarDate(onsetDate), title: 'Pain began', tone: 'start' }, { when: 'Now', title: 'Ongoing', tone: 'current' });
  }
  return points;
}

/** Whole weeks from `now` until a YYYY-MM-DD date (negative when it has passed). */
export function weeksUntil(date: string, now: number): number {
  return Math.floor((Date.parse(`${date}T00:00:00Z`) - now) / (7 * 86_400_000));
}
