import { useId } from 'react';
import { calendarDayIn, formatCalendarDate, parseCalendarDate } from '@/lib/format/dates';
import type { PlanPhase, PsfsItem } from '@/lib/domain/outcomes';
import { psfsMean } from '@/lib/outcomes/thresholds';

/** One check-in as the chart reads it (rows or their JSON: dates as Date or ISO). */
export interface ChartCheckIn {
  dueAt: Date | string;
  submittedAt: Date | string | null;
  painNow: number | null;
  painWorst: number | null;
  psfs: readonly PsfsItem[] | null;
}

interface Point {
  day: number;
  date: string;
  painNow: number | null;
  painWorst: number | null;
  psfs: number | null;
  baseline?: boolean;
}

const DAY = 86_400_000;
// The drawing's own units; the SVG scales to its box (viewBox), so 360 px screens get the whole chart.
const W = 360;
const H = 240;
// Room on the right for the last week's label, which is centred on the plot's edge.
const M = { left: 26, right: 18, top: 22, bottom: 30 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;

const COLOURS = { painNow: '#b91c1c', painWorst: '#c2410c', psfs: '#1d4ed8' } as const;

const round1 = (n: number) => Math.round(n * 10) / 10;

function dayOf(value: Date | string, timeZone: string): number {
  return parseCalendarDate(calendarDayIn(new Date(value), timeZone))!;
}

/** The points in time order: the intake's pain first (at the plan's start), then each answered check-in. */
function pointsOf(checkIns: readonly ChartCheckIn[], baseline: { painNow: number; date: string } | null, timeZone: string): Point[] {
  const answered = checkIns
    .filter((c) => c.submittedAt !== null)
    .map((c) => {
      const date = calendarDayIn(new Date(c.dueAt), timeZone);
      const mean = psfsMean(c.psfs);
      return { day: dayOf(c.dueAt, timeZone), date, painNow: c.painNow, painWorst: c.painWorst, psfs: mean === null ? null : round1(mean) };
    })
    .sort((a, b) => a.day - b.day);
  if (!baseline || answered.length === 0) return answered;
  const day = Math.min(parseCalendarDate(baseline.date)!, answered[0]!.day);
  return [{ day, date: baseline.date, painNow: baseline.painNow, painWorst: null, psfs: null, baseline: true }, ...answered];
}

/** "Pain fell from 6 to 3 over 4 weeks; the activity score (PSFS) rose from 4 to 7.3." — the chart's text alternative. */
function describeTrend(points: readonly Point[]): string {
  const pain = points.filter((p) => p.painNow !== null);
  const psfs = points.filter((p) => p.psfs !== null);
  const parts: string[] = [];
  const move = (a: number, b: number, up: string, down: string) => (b > a ? `${up} from ${a} to ${b}` : b < a ? `${down} from ${a} to ${b}` : `stayed at ${a}`);
  const over = (a: Point, b: Point) => {
    const weeks = Math.round((b.day - a.day) / (7 * DAY));
    return weeks >= 1 ? ` over ${weeks} week${weeks === 1 ? '' : 's'}` : '';
  };
  if (pain.length >= 2) parts.push(`Pain now ${move(pain[0]!.painNow!, pain.at(-1)!.painNow!, 'rose', 'fell')} out of 10${over(pain[0]!, pain.at(-1)!)}`);
  else if (pain.length === 1) parts.push(`Pain now ${pain[0]!.painNow} out of 10`);
  if (psfs.length >= 2) parts.push(`the activity score (PSFS mean) ${move(psfs[0]!.psfs!, psfs.at(-1)!.psfs!, 'rose', 'fell')}`);
  else if (psfs.length === 1) parts.push(`activity score (PSFS mean) ${psfs[0]!.psfs}`);
  const text = parts.join('; ');
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : 'No scores yet.';
}

function polyline(points: readonly Point[], key: 'painNow' | 'painWorst' | 'psfs', x: (d: number) => number, y: (v: number) => number): string {
  return points
    .filter((p) => p[key] !== null)
    .map((p) => `${round1(x(p.day))},${round1(y(p[key]!))}`)
    .join(' ');
}

/**
 * Pain (now and worst this week) and the PSFS mean over time, server-rendered: an SVG with role="img" whose title and
 * description say the trend in words, the plan's phases shaded and numbered (named in the key below), the competition
 * day marked, and the same numbers as a real table behind "Show as table".
 */
export function OutcomeChart({
  checkIns,
  baselinePain,
  startsOn,
  phases,
  competitionDate,
  timeZone = 'UTC',
  heading = 'Pain and activity over time',
}: {
  checkIns: readonly ChartCheckIn[];
  /** The intake's pain now, drawn at the plan's start. */
  baselinePain: number | null;
  startsOn: string | null;
  phases: readonly PlanPhase[];
  competitionDate: string | null;
  timeZone?: string;
  heading?: string;
}) {
  const id = useId();
  const baseline = baselinePain !== null && startsOn ? { painNow: baselinePain, date: startsOn } : null;
  const points = pointsOf(checkIns, baseline, timeZone);
  if (points.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-line px-4 py-6 text-center text-muted" data-testid="outcome-chart-empty">
        No check-ins answered yet. The chart of pain and activity appears here after the first one.
      </p>
    );
  }

  const phaseDays = phases.map((p) => ({ ...p, fromDay: parseCalendarDate(p.from)!, toDay: parseCalendarDate(p.to)! + DAY }));
  const competitionDay = competitionDate ? parseCalendarDate(competitionDate) : null;
  const start = Math.min(points[0]!.day, ...(startsOn ? [parseCalendarDate(startsOn)!] : []));
  const end = Math.max(points.at(-1)!.day, ...(competitionDay !== null ? [competitionDay] : []), ...phaseDays.map((p) => p.toDay), start + 7 * DAY);
  const x = (d: number) => M.left + ((d - start) / (end - start)) * PLOT_W;
  const y = (v: number) => M.top + PLOT_H - (v / 10) * PLOT_H;
  const totalWeeks = Math.ceil((end - start) / (7 * DAY));
  const step = totalWeeks > 8 ? 4 : totalWeeks > 4 ? 2 : 1;
  const weekTicks = Array.from({ length: Math.floor(totalWeeks / step) + 1 }, (_, i) => i * step).filter((w) => start + w * 7 * DAY <= end);
  const summary = describeTrend(points);
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;

  return (
    <figure className="space-y-3" data-testid="outcome-chart">
      <figcaption className="font-medium">{heading}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} aria-describedby={descId} className="h-auto w-full max-w-lg" preserveAspectRatio="xMidYMid meet">
        <title id={titleId}>{heading}</title>
        <desc id={descId}>{summary}</desc>
        {phaseDays.map((p, i) => {
          const x1 = Math.max(x(p.fromDay), M.left);
          const x2 = Math.min(x(p.toDay), W - M.right);
          if (x2 <= x1) return null;
          return (
            <g key={`${p.from}-${i}`}>
              <rect x={x1} y={M.top} width={x2 - x1} height={PLOT_H} fill={i % 2 === 0 ? '#f1f5f9' : '#e2e8f0'} />
              <text x={(x1 + x2) / 2} y={M.top - 8} textAnchor="middle" fontSize="12" fill="#334155">
                {`P${i + 1}`}
              </text>
            </g>
          );
        })}
        {[0, 2, 4, 6, 8, 10].map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} stroke="#cbd5e1" strokeWidth="0.5" />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end" fontSize="12" fill="#334155">
              {v}
            </text>
          </g>
        ))}
        {weekTicks.map((w) => (
          <text key={w} x={x(start + w * 7 * DAY)} y={H - M.bottom + 14} textAnchor="middle" fontSize="12" fill="#334155">
            {w === 0 ? 'start' : `wk ${w}`}
          </text>
        ))}
        <text x={M.left + PLOT_W / 2} y={H - 3} textAnchor="middle" fontSize="11" fill="#475569">
          weeks since the plan started · scores 0–10
        </text>
        {competitionDay !== null && competitionDay >= start && competitionDay <= end && (
          <g>
            <line x1={x(competitionDay)} x2={x(competitionDay)} y1={M.top} y2={M.top + PLOT_H} stroke="#7c3aed" strokeWidth="2" strokeDasharray="4 3" />
            <text x={x(competitionDay) - 3} y={M.top + 12} textAnchor="end" fontSize="12" fontWeight="600" fill="#6d28d9">
              meet
            </text>
          </g>
        )}
        <polyline points={polyline(points, 'painWorst', x, y)} fill="none" stroke={COLOURS.painWorst} strokeWidth="2" strokeDasharray="6 4" />
        <polyline points={polyline(points, 'painNow', x, y)} fill="none" stroke={COLOURS.painNow} strokeWidth="2.5" />
        <polyline points={polyline(points, 'psfs', x, y)} fill="none" stroke={COLOURS.psfs} strokeWidth="2.5" strokeDasharray="2 3" />
        {points.map((p) => (
          <g key={`${p.day}-${p.baseline ? 'b' : 'c'}`}>
            {p.painWorst !== null && <circle cx={x(p.day)} cy={y(p.painWorst)} r="3" fill="#fff" stroke={COLOURS.painWorst} strokeWidth="1.5" />}
            {p.painNow !== null && <circle cx={x(p.day)} cy={y(p.painNow)} r="3.5" fill={COLOURS.painNow} />}
            {p.psfs !== null && <rect x={x(p.day) - 3.5} y={y(p.psfs) - 3.5} width="7" height="7" fill={COLOURS.psfs} />}
          </g>
        ))}
      </svg>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Key">
        <li className="flex items-center gap-2">
          <svg width="24" height="10" aria-hidden="true">
            <line x1="0" x2="24" y1="5" y2="5" stroke={COLOURS.painNow} strokeWidth="2.5" />
          </svg>
          Pain now
        </li>
        <li className="flex items-center gap-2">
          <svg width="24" height="10" aria-hidden="true">
            <line x1="0" x2="24" y1="5" y2="5" stroke={COLOURS.painWorst} strokeWidth="2" strokeDasharray="6 4" />
          </svg>
          Worst pain this week
        </li>
        <li className="flex items-center gap-2">
          <svg width="24" height="10" aria-hidden="true">
            <line x1="0" x2="24" y1="5" y2="5" stroke={COLOURS.psfs} strokeWidth="2.5" strokeDasharray="2 3" />
          </svg>
          Activities (PSFS mean, higher is better)
        </li>
        {competitionDate && (
          <li className="flex items-center gap-2">
            <svg width="24" height="10" aria-hidden="true">
              <line x1="12" x2="12" y1="0" y2="10" stroke="#7c3aed" strokeWidth="2" />
            </svg>
            Competition, {formatCalendarDate(competitionDate)}
          </li>
        )}
      </ul>
      {phases.length > 0 && (
        <ol className="space-y-0.5 text-sm text-muted" aria-label="Plan phases on the chart">
          {phases.map((p, i) => (
            <li key={`${p.from}-${i}`}>
              <span className="font-medium text-ink">P{i + 1}</span> {p.title} ({formatCalendarDate(p.from)} – {formatCalendarDate(p.to)})
            </li>
          ))}
        </ol>
      )}
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-brand-700">Show as table</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{heading}: scores from 0 to 10 by date</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-1 pr-3 font-semibold">
                  Date
                </th>
                <th scope="col" className="py-1 pr-3 font-semibold">
                  Pain now
                </th>
                <th scope="col" className="py-1 pr-3 font-semibold">
                  Worst pain this week
                </th>
                <th scope="col" className="py-1 font-semibold">
                  PSFS mean
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={`${p.day}-${p.baseline ? 'b' : 'c'}`} className="border-b border-line last:border-0">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {formatCalendarDate(p.date)}
                    {p.baseline ? ' (intake)' : ''}
                  </th>
                  <td className="py-1 pr-3">{p.painNow ?? '–'}</td>
                  <td className="py-1 pr-3">{p.painWorst ?? '–'}</td>
                  <td className="py-1">{p.psfs ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
