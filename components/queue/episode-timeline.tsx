interface Episode {
  startedOn: string;
  resolvedOn?: string;
  notes?: string;
}

interface Point {
  when: string;
  title: string;
  notes?: string;
  tone: 'start' | 'resolved' | 'current';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export function monthText(ym: string): string {
  const [y, m] = ym.split('-').map(Number);
  return m >= 1 && m <= 12 ? `${MONTHS[m - 1]} ${y}` : ym;
}

/** First episode → resolved → recurrence → …, oldest first; the last open episode is "ongoing". */
export function timelinePoints(episodes: Episode[], onsetDate?: string): Point[] {
  const sorted = [...episodes].sort((a, b) => a.startedOn.localeCompare(b.startedOn));
  const points: Point[] = [];
  sorted.forEach((e, i) => {
    points.push({ when: monthText(e.startedOn), title: i === 0 ? 'First episode began' : `Recurrence ${i > 1 ? `(${i})` : ''}`.trim(), notes: e.notes, tone: 'start' });
    if (e.resolvedOn) points.push({ when: monthText(e.resolvedOn), title: 'Settled', tone: 'resolved' });
  });
  const last = sorted[sorted.length - 1];
  if (last && !last.resolvedOn) points.push({ when: 'Now', title: 'Ongoing', tone: 'current' });
  if (sorted.length === 0 && onsetDate) {
    points.push({ when: onsetDate, title: 'Pain began', tone: 'start' }, { when: 'Now', title: 'Ongoing', tone: 'current' });
  }
  return points;
}

const DOT = { start: 'bg-amber-500', resolved: 'bg-emerald-600', current: 'bg-red-600' } as const;

export function EpisodeTimeline({ episodes, onsetDate }: { episodes: Episode[]; onsetDate?: string }) {
  const points = timelinePoints(episodes, onsetDate);
  if (points.length === 0) return <p className="text-sm text-muted">No earlier episodes were reported.</p>;
  return (
    <ol className="relative ml-2 border-l-2 border-line" aria-label="Episode timeline">
      {points.map((p, i) => (
        <li key={i} className="relative pb-4 pl-5 last:pb-0">
          <span aria-hidden className={`absolute -left-[7px] top-1.5 h-3 w-3 rounded-full ring-2 ring-white ${DOT[p.tone]}`} />
          <p className="text-sm">
            <span className="font-semibold">{p.when}</span> — {p.title}
          </p>
          {p.notes && <p className="text-sm text-muted">{p.notes}</p>}
        </li>
      ))}
    </ol>
  );
}
