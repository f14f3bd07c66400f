/**
 * Cancellation and rescheduling rules (pure). A patient who cancels at least `fullRefundWindowHours` before the start
 * gets a full refund, later no refund; when the clinician cancels, the patient is always refunded in full.
 * A patient may reschedule while a full refund would still be possible; a clinician any time before the start.
 */
export type Actor = 'patient' | 'clinician';

export interface PolicyInput {
  actor: Actor;
  startsAt: number;
  now: number;
  fullRefundWindowHours: number;
  paidCents: number;
}

export interface CancelDecision {
  allowed: boolean;
  refundCents: number;
  reason: 'clinician_cancelled' | 'inside_refund_window' | 'outside_refund_window' | 'already_started';
}

export function refundDeadline(startsAt: number, fullRefundWindowHours: number): number {
  return startsAt - fullRefundWindowHours * 3_600_000;
}

export function decideCancellation(p: PolicyInput): CancelDecision {
  if (p.now >= p.startsAt) return { allowed: false, refundCents: 0, reason: 'already_started' };
  if (p.actor === 'clinician') return { allowed: true, refundCents: p.paidCents, reason: 'clinician_cancelled' };
  if (p.now <= refundDeadline(p.startsAt, p.fullRefundWindowHours)) {
    return { allowed: true, refundCents: p.paidCents, reason: 'inside_refund_window' };
  }
  return { allowed: true, refundCents: 0, reason: 'outside_refund_window' };
}

export function canReschedule(p: Omit<PolicyInput, 'paidCents'>): boolean {
  if (p.now >= p.startsAt) return false;
  return p.actor === 'clinician' || p.now <= refundDeadline(p.startsAt, p.fullRefundWindowHours);
}
