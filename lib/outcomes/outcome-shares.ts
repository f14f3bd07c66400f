import 'server-only';
import type { Db } from '@/db';
import { listOutcomeMeasurePoints, type OutcomeMeasurePoint } from '@/db/queries/outcomes';
import { parseCalendarDate } from '@/lib/format/dates';
import { painImproved } from './thresholds';

/**
 * "Improved at 4 weeks / at 12 weeks", defined ONCE here for the admin's team figures: for each case, the answered
 * check-in due NEAREST to week N after its first plan started (day 7·N), counted only within the window (week 4:
 * ±7 days, so days 21–35; week 12: ±14 days, days 70–98: later check-ins are further apart). Improved: pain now at
 * that check-in is at least the clinically important 2 points below the intake's pain now (lib/outcomes/thresholds.ts,
 * NPRS). A case without intake pain or without a check-in in the window is not counted (n says how many were).
 * Ties go to the earlier check-in.
 */
const MILESTONES = [
  { week: 4, windowDays: 7 },
  { week: 12, windowDays: 14 },
] as const;
type Milestone = (typeof MILESTONES)[number]['week'];

const DAY = 86_400_000;

export interface Share {
  n: number;
  improved: number;
}
type Shares = Record<Milestone, Share>;

export interface TeamOutcomeShares {
  overall: Shares;
  /** Keyed by the case's assignee (null: no assignee). */
  byClinician: Map<string | null, Shares>;
}

const emptyShares = (): Shares => ({ 4: { n: 0, improved: 0 }, 12: { n: 0, improved: 0 } });

/** The check-in of `points` (one case's) that stands for week `week`, or null when none falls in its window. */
function pointAt(points: readonly OutcomeMeasurePoint[], week: number, windowDays: number): OutcomeMeasurePoint | null {
  let best: { p: OutcomeMeasurePoint; off: number } | null = null;
  for (const p of points) {
    const start = parseCalendarDate(p.planStartedOn);
    if (start === null) continue;
    const off = Math.abs((p.dueAt.getTime() - start) / DAY - week * 7);
    if (off <= windowDays && (!best || off < best.off)) best = { p, off };
  }
  return best?.p ?? null;
}

/** Pure: the shares from the answered check-ins (any order). */
function outcomeSharesOf(points: readonly OutcomeMeasurePoint[]): TeamOutcomeShares {
  const byCase = new Map<string, OutcomeMeasurePoint[]>();
  for (const p of points) byCase.set(p.caseId, [...(byCase.get(p.caseId) ?? []), p]);
  const overall = emptyShares();
  const byClinician = new Map<string | null, Shares>();
  for (const casePoints of byCase.values()) {
    const { baselinePain, clinicianId } = casePoints[0]!;
    if (baselinePain === null) continue;
    for (const m of MILESTONES) {
      const at = pointAt(casePoints, m.week, m.windowDays);
      if (!at) continue;
      const mine = byClinician.get(clinicianId) ?? emptyShares();
      byClinician.set(clinicianId, mine);
      const better = painImproved(baselinePain, at.painNow) ? 1 : 0;
      for (const s of [overall[m.week], mine[m.week]]) {
        s.n += 1;
        s.improved += better;
      }
    }
  }
  return { overall, byClinician };
}

/** The team's outcome shares now (the caller, an admin page, has checked the role and writes the audit row). */
export async function teamOutcomeShares(db: Db): Promise<TeamOutcomeShares> {
  return outcomeSharesOf(await listOutcomeMeasurePoints(db));
}
