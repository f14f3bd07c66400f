import { describe, expect, it } from 'vitest';
import { canReschedule, decideCancellation, describeRefundTerms, PAYMENT_WINDOW_MS, refundTermsForSlot } from './policy';

const H = 3_600_000;
const startsAt = Date.parse('2026-05-10T10:00:00Z');

describe('cancellation policy', () => {
  it('refunds a patient in full up to the window (24 h) before the start', () => {
    expect(decideCancellation({ actor: 'patient', startsAt, now: startsAt - 25 * H, fullRefundWindowHours: 24, paidCents: 9500 })).toEqual({
      allowed: true,
      refundCents: 9500,
      reason: 'inside_refund_window',
    });
    expect(decideCancellation({ actor: 'patient', startsAt, now: startsAt - 24 * H, fullRefundWindowHours: 24, paidCents: 9500 }).refundCents).toBe(9500);
  });

  it('refunds nothing when the patient cancels later', () => {
    const d = decideCancellation({ actor: 'patient', startsAt, now: startsAt - 23 * H, fullRefundWindowHours: 24, paidCents: 9500 });
    expect(d).toEqual({ allowed: true, refundCents: 0, reason: 'outside_refund_window' });
  });

  it('always refunds in full when the clinician cancels, even an hour before', () => {
    const d = decideCancellation({ actor: 'clinician', startsAt, now: startsAt - H, fullRefundWindowHours: 24, paidCents: 6000 });
    expect(d.refundCents).toBe(6000);
  });

  it('refuses to cancel a consult that has started', () => {
    expect(decideCancellation({ actor: 'clinician', startsAt, now: startsAt, fullRefundWindowHours: 24, paidCents: 6000 }).allowed).toBe(false);
  });

  it('lets the patient reschedule only inside the window; the clinician until the start', () => {
    expect(canReschedule({ actor: 'patient', startsAt, now: startsAt - 30 * H, fullRefundWindowHours: 24 })).toBe(true);
    expect(canReschedule({ actor: 'patient', startsAt, now: startsAt - 2 * H, fullRefundWindowHours: 24 })).toBe(false);
    expect(canReschedule({ actor: 'clinician', startsAt, now: startsAt - 2 * H, fullRefundWindowHours: 24 })).toBe(true);
  });
});

describe('refund terms of a slot (one policy for the booking page, the API, the mail and the cancel dialog)', () => {
  const M = 60_000;
  const when = (ms: number) => new Date(ms).toISOString();

  it('a slot more than the window (plus the time to pay) ahead is refundable until the deadline', () => {
    const t = refundTermsForSlot({ startsAt, now: startsAt - 48 * H, fullRefundWindowHours: 24, payWithinMs: PAYMENT_WINDOW_MS });
    expect(t).toEqual({ refundable: true, deadline: startsAt - 24 * H, deadlinePassed: false, windowHours: 24 });
    expect(describeRefundTerms(t, when, 'quote')).toBe(
      'Free to cancel or move until 2026-05-09T10:00:00.000Z (24 hours before the start) with a full refund; after that, cancelling is not refunded.',
    );
  });

  it('a slot that opens 2 h ahead is inside the no-refund period before paying, and says so', () => {
    const t = refundTermsForSlot({ startsAt, now: startsAt - 2 * H, fullRefundWindowHours: 24, payWithinMs: PAYMENT_WINDOW_MS });
    expect(t.refundable).toBe(false);
    expect(describeRefundTerms(t, when, 'quote')).toBe('This time is less than 24 hours away, inside the no-refund period: if you cancel or miss it, you are not refunded, and it cannot be moved.');
    expect(describeRefundTerms(t, when, 'quote')).not.toMatch(/full refund;/);
  });

  it('a deadline that passes while the patient is still paying counts as passed', () => {
    const now = startsAt - 24 * H - 10 * M;
    const quote = refundTermsForSlot({ startsAt, now, fullRefundWindowHours: 24, payWithinMs: PAYMENT_WINDOW_MS });
    expect(quote.refundable).toBe(false);
    expect(describeRefundTerms(quote, when, 'quote')).toMatch(/^Full refunds end 24 hours before the start \(2026-05-09T10:00:00.000Z\), and for this time that is before your payment can go through: if you cancel/);
    // Once booked (nothing left to pay), the same moment still has ten minutes of full refund, as decideCancellation says.
    expect(refundTermsForSlot({ startsAt, now, fullRefundWindowHours: 24 }).refundable).toBe(true);
    expect(decideCancellation({ actor: 'patient', startsAt, now, fullRefundWindowHours: 24, paidCents: 100 }).refundCents).toBe(100);
  });

  it('agrees with decideCancellation at every minute around the deadline once booked', () => {
    for (let m = -90; m <= 90; m++) {
      const now = startsAt - 24 * H + m * M;
      const terms = refundTermsForSlot({ startsAt, now, fullRefundWindowHours: 24 });
      expect(terms.refundable).toBe(decideCancellation({ actor: 'patient', startsAt, now, fullRefundWindowHours: 24, paidCents: 100 }).refundCents > 0);
      expect(terms.refundable).toBe(canReschedule({ actor: 'patient', startsAt, now, fullRefundWindowHours: 24 }));
    }
  });

  it('after booking, inside the window the page and the mail say no refund', () => {
    const t = refundTermsForSlot({ startsAt, now: startsAt - 3 * H, fullRefundWindowHours: 24 });
    expect(describeRefundTerms(t, when, 'booked')).toBe(
      'This time is less than 24 hours away, inside the no-refund period: if you cancel or miss it, you are not refunded, and it cannot be moved.',
    );
  });
});
