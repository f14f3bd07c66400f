import { describe, expect, it } from 'vitest';
import { canReschedule, decideCancellation } from './policy';

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
