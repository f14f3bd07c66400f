/**
 * The clinically important change of each outcome measure, in ONE place, with its source (shared/CLINICAL.md,
 * "Outcome measures after the decision"). Pure: no I/O, so the check-in service, the chart and the admin's outcome
 * figures all read the same numbers.
 */
import type { OutcomeTrend, PsfsItem } from '@/lib/domain/outcomes';

interface Threshold {
  /** The smallest change, in points, read as clinically important. */
  points: number;
  source: string;
}

/**
 * Numeric pain rating scale (0–10): about 2 points (or ~30 %) is a clinically important change.
 * Farrar et al., Pain 2001;94:149–158; Childs, Piva, Fritz, Spine 2005;30:1331–1334 (low back pain: 2 points).
 */
const PAIN_NPRS: Threshold = {
  points: 2,
  source: 'Farrar et al., Pain 2001;94:149–158; Childs, Piva & Fritz, Spine 2005;30:1331–1334',
};

/**
 * Patient-Specific Functional Scale (mean of the patient's activities, each 0–10): about 2 points on the mean
 * (Abbott & Schmitt, JOSPT 2014;44:560–564: small 1.3, medium 2.3, large 2.7). Stratford et al., Physiotherapy
 * Canada 1995;47:258–263 for the scale itself.
 */
const PSFS_MEAN: Threshold = {
  points: 2,
  source: 'Abbott & Schmitt, JOSPT 2014;44:560–564; Stratford et al., Physiotherapy Canada 1995;47:258–263',
};

/**
 * Global rating of change (−7 … +7, "compared with when you first contacted us"): ±3 or more is read as a
 * meaningful change, so −3 or lower is "much worse" and +3 or higher "improved". Kamper, Maher & Mackay,
 * J Man Manip Ther 2009;17:163–170.
 */
const GLOBAL_CHANGE = {
  muchWorseAtOrBelow: -3,
  improvedAtOrAbove: 3,
  source: 'Kamper, Maher & Mackay, J Man Manip Ther 2009;17:163–170',
} as const;

/** The scores of one check-in (or of the intake's baseline, which has pain only) that the rules compare. */
export interface OutcomeScores {
  painNow?: number | null;
  psfs?: readonly PsfsItem[] | null;
  globalChange?: number | null;
}

/** The mean PSFS score, or null without any activity scored. */
export function psfsMean(psfs: readonly PsfsItem[] | null | undefined): number | null {
  if (!psfs || psfs.length === 0) return null;
  return psfs.reduce((sum, p) => sum + p.score, 0) / psfs.length;
}

export type WorseReason = 'pain_up' | 'psfs_down' | 'global_much_worse';
type BetterReason = 'pain_down' | 'psfs_up' | 'global_improved';

const num = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Why `current` is worse than `previous` by a clinically important amount (empty: it is not): pain now up by ≥ 2,
 * the PSFS mean down by ≥ 2, or a global rating of "much worse" (≤ −3, which needs no previous answer: the question
 * itself compares with the start). `previous` is the last submitted check-in, or the intake's pain as baseline.
 */
export function worseReasons(previous: OutcomeScores | null, current: OutcomeScores): WorseReason[] {
  const reasons: WorseReason[] = [];
  if (previous && num(previous.painNow) && num(current.painNow) && current.painNow - previous.painNow >= PAIN_NPRS.points) reasons.push('pain_up');
  const before = psfsMean(previous?.psfs);
  const now = psfsMean(current.psfs);
  if (before !== null && now !== null && before - now >= PSFS_MEAN.points) reasons.push('psfs_down');
  if (num(current.globalChange) && current.globalChange <= GLOBAL_CHANGE.muchWorseAtOrBelow) reasons.push('global_much_worse');
  return reasons;
}

/** `current` is worse than `previous` by a clinically important amount on any measure. */
export function isWorse(previous: OutcomeScores | null, current: OutcomeScores): boolean {
  return worseReasons(previous, current).length > 0;
}

/** Pain now fell by a clinically important amount (≥ 2 points) from `before` to `after`: the admin's "improved". */
export function painImproved(before: number, after: number): boolean {
  return before - after >= PAIN_NPRS.points;
}

/** The mirror of worseReasons: pain down ≥ 2, PSFS mean up ≥ 2, or a global rating of +3 or more. */
function betterReasons(previous: OutcomeScores | null, current: OutcomeScores): BetterReason[] {
  const reasons: BetterReason[] = [];
  if (previous && num(previous.painNow) && num(current.painNow) && previous.painNow - current.painNow >= PAIN_NPRS.points) reasons.push('pain_down');
  const before = psfsMean(previous?.psfs);
  const now = psfsMean(current.psfs);
  if (before !== null && now !== null && now - before >= PSFS_MEAN.points) reasons.push('psfs_up');
  if (num(current.globalChange) && current.globalChange >= GLOBAL_CHANGE.improvedAtOrAbove) reasons.push('global_improved');
  return reasons;
}

export interface TrendCheckIn extends OutcomeScores {
  dueAt: Date | string;
  submittedAt: Date | string | null;
}

/**
 * The case's direction so far: the latest submitted check-in against the first one — its pain against the intake's
 * when `baseline` is given (the intake stands before every check-in; it has no PSFS). 'worse' wins over 'better' when the measures disagree (the
 * team should look); null before any check-in is submitted.
 */
export function trend(checkIns: readonly TrendCheckIn[], baseline: OutcomeScores | null = null): OutcomeTrend | null {
  const submitted = checkIns
    .filter((c) => c.submittedAt !== null)
    .sort((a, b) => new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime());
  const latest = submitted.at(-1);
  if (!latest) return null;
  const firstCheckIn = submitted.length > 1 ? submitted[0]! : null;
  // Pain is compared with the intake's when given; the PSFS only exists from the first check-in on.
  const first: OutcomeScores | null =
    baseline || firstCheckIn ? { painNow: baseline?.painNow ?? firstCheckIn?.painNow, psfs: firstCheckIn?.psfs ?? baseline?.psfs } : null;
  if (isWorse(first, latest)) return 'worse';
  if (betterReasons(first, latest).length > 0) return 'better';
  return 'same';
}
