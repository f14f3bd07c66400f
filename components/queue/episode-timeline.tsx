import { timelinePoints, type Episode } from '@/lib/cases/timeline';

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
