/**
 * The words of a case, defined once: the schema types its columns with them, validation and the engine check
 * against them, the UI labels them. Pure: imports nothing.
 */

export const CASE_STATUSES = [
  'submitted',
  'in_review',
  'advice_sent',
  'consult_recommended',
  'referred',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const URGENCIES = ['emergency', 'urgent', 'routine'] as const;
export type Urgency = (typeof URGENCIES)[number];
/** Stored beside urgency so the queue orders and pages by one indexed integer. */
export const URGENCY_RANK: Record<Urgency, number> = { emergency: 0, urgent: 1, routine: 2 };

/**
 * A case's status only moves forward along this order. A decision may repeat at its own rank (a second piece
 * of advice) but never moves a case back (advice after a referral is refused). `closed` is terminal.
 */
const STATUS_RANK: Record<CaseStatus, number> = {
  submitted: 0,
  in_review: 1,
  advice_sent: 2,
  consult_recommended: 3,
  referred: 4,
  closed: 5,
};

/** Cases still waiting for the team's first answer: these count against the SLA. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['submitted', 'in_review'];

export const STATUS_LABELS: Record<CaseStatus, string> = {
  submitted: 'New',
  in_review: 'In review',
  advice_sent: 'Advice sent',
  consult_recommended: 'Consult recommended',
  referred: 'Referred',
  closed: 'Closed',
};

export const URGENCY_LABELS: Record<Urgency, string> = {
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
