import { formatCalendarDate, formatCalendarMonth } from '@/lib/format/dates';

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

/** First episode → settled → recurrence → …, oldest first; an episode that has not settled ends in "Ongoing". */
export function timelinePoints(episodes: readonly Episode[], onsetDate?: string): TimelinePoint[] {
  const sorted = [...episodes].sort((a, b) => a.startedOn.localeCompare(b.startedOn));
  const points: TimelinePoint[] = [];
  sorted.forEach((e, i) => {
    points.push({ when: formatCalendarMonth(e.startedOn), title: i === 0 ? 'First episode began' : i === 1 ? 'Recurrence' : `Recurrence (${i})`, notes: e.notes, tone: 'start' });
    if (e.resolvedOn) points.push({ when: formatCalendarMonth(e.resolvedOn), title: 'Settled', tone: 'resolved' });
  });
  const last = sorted[sorted.length - 1];
  if (last && !last.resolvedOn) points.push({ when: 'Now', title: 'Ongoing', tone: 'current' });
  if (sorted.length === 0 && onsetDate) {
    points.push({ when: formatCalendarDate(onsetDate), title: 'Pain began', tone: 'start' }, { when: 'Now', title: 'Ongoing', tone: 'current' });
  }
  return points;
}
