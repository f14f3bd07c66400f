import type { CaseStatus, CaseUrgency } from '@/db/schema';

/**
 * A case's status only moves forward along this order. A decision may repeat at its own rank (a second piece
 * of advice) but never moves a case back (advice after a referral is refused). `closed` is terminal.
 */
export const STATUS_RANK: Record<CaseStatus, number> = {
  submitted: 0,
  in_review: 1,
  advice_sent: 2,
  consult_recommended: 3,
  referred: 4,
  closed: 5,
};

/** Cases still waiting for the team's first answer: these count against the SLA. */
export const OPEN_STATUSES: CaseStatus[] = ['submitted', 'in_review'];

export const STATUS_LABELS: Record<CaseStatus, string> = {
  submitted: 'New',
  in_review: 'In review',
  advice_sent: 'Advice sent',
  consult_recommended: 'Consult recommended',
  referred: 'Referred',
  closed: 'Closed',
};

export const URGENCY_LABELS: Record<CaseUrgency, string> = {
  emergency: 'Emergency',
  urgent: 'Urgent',
  routine: 'Routine',
};

/** Statuses from which a case may move to `target` (same rank allowed for repeatable decisions, never backwards). */
export function statusesAllowedBefore(target: CaseStatus, opts: { allowSame: boolean }): CaseStatus[] {
  const rank = STATUS_RANK[target];
  return (Object.keys(STATUS_RANK) as CaseStatus[]).filter((s) =>
    s !== 'closed' && (opts.allowSame ? STATUS_RANK[s] <= rank : STATUS_RANK[s] < rank),
  );
}
