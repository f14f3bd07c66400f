/**
 * Cancellation and rescheduling rules (pure). A patient who cancels at least `fullRefundWindowHours` before the start
 * gets a full refund, later no refund; when the clinician cancels, the patient is always refunded in full.
 * A patient may reschedule while a full refund would still be possible; a clinician any time before the start.
 */
export type BookingSide = 'patient' | 'clinician';

export interface PolicyInput {
  actor: BookingSide;
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

function refundDeadline(startsAt: number, fullRefundWindowHours: number): number {
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

/**
 * How long a patient may take to pay after holding a slot (the Checkout Session's lifetime plus its clock margin;
 * `lib/payments/gateway.ts` sets the hold from the same figures). A refund deadline that can pass while the patient
 * is still paying is treated as already passed, so the promise made before paying is never broken by the payment.
 */
export const PAYMENT_WINDOW_MS = 31 * 60_000;

export interface SlotRefundTerms {
  /** A patient who cancels before `deadline` gets a full refund. False: no refund and no moving it. */
  refundable: boolean;
  deadline: number;
  /** The deadline is already behind `now` (the slot starts within the window). */
  deadlinePassed: boolean;
  windowHours: number;
}

/** The ONE refund policy of a slot booked (or paid) at `now`: the booking pages, the mails and the API use it. */
export function refundTermsForSlot(p: { startsAt: number; now: number; fullRefundWindowHours: number; payWithinMs?: number }): SlotRefundTerms {
  const deadline = refundDeadline(p.startsAt, p.fullRefundWindowHours);
  return { refundable: p.now + (p.payWithinMs ?? 0) <= deadline, deadline, deadlinePassed: p.now > deadline, windowHours: p.fullRefundWindowHours };
}

/**
 * The policy in one sentence for a patient; `when` formats the deadline in the reader's zone. Used before paying
 * (`stage: 'quote'`), and in the confirmation mail and on the booking page (`'booked'`), so all of them say the same.
 */
export function describeRefundTerms(t: SlotRefundTerms, when: (ms: number) => string, stage: 'quote' | 'booked'): string {
  if (!t.refundable) {
    const why =
      stage === 'quote' && !t.deadlinePassed
        ? `Full refunds end ${t.windowHours} hours before the start (${when(t.deadline)}), and for this time that is before your payment can go through`
        : `This time is less than ${t.windowHours} hours away, inside the no-refund period`;
    return `${why}: if you cancel or miss it, you are not refunded, and it cannot be moved.`;
  }
  return `Free to cancel or move until ${when(t.deadline)} (${t.windowHours} hours before the start) with a full refund; after that, cancelling is not refunded.`;
}
