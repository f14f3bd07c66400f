import { describe, expect, it } from 'vitest';
import { nextStepForCase, type CaseBookingForStep } from './next-step';

const now = Date.parse('2026-05-10T10:00:00Z');
const M = 60_000;
const booking = (status: CaseBookingForStep['status'], startsInMin: number, over: Partial<CaseBookingForStep> = {}): CaseBookingForStep => ({
  id: `b-${status}-${startsInMin}`,
  status,
  startsAt: new Date(now + startsInMin * M),
  endsAt: new Date(now + (startsInMin + 45) * M),
  holdExpiresAt: null,
  ...over,
});

describe('the next step on a patient case page', () => {
  it('waits while the case is in the queue or being read', () => {
    expect(nextStepForCase('submitted', [], now)).toEqual({ kind: 'waiting', reviewing: false });
    expect(nextStepForCase('in_review', [], now)).toEqual({ kind: 'waiting', reviewing: true });
  });

  it('offers Book when a consult is recommended and none is booked (a cancelled one does not count)', () => {
    expect(nextStepForCase('consult_recommended', [], now).kind).toBe('book');
    expect(nextStepForCase('consult_recommended', [booking('cancelled', 600), booking('expired', 300)], now).kind).toBe('book');
  });

  it('leads with the booking once booked, and the room once it opens', () => {
    expect(nextStepForCase('consult_recommended', [booking('confirmed', 600)], now)).toMatchObject({ kind: 'join', roomOpen: false });
    expect(nextStepForCase('consult_recommended', [booking('confirmed', 5)], now)).toMatchObject({ kind: 'join', roomOpen: true });
    // Even while the case still says "submitted" (a booking made without a decision), the booking leads.
    expect(nextStepForCase('submitted', [booking('confirmed', 600)], now).kind).toBe('join');
  });

  it('asks to finish paying for a live hold, not for a lapsed one', () => {
    const live = booking('pending_payment', 600, { holdExpiresAt: new Date(now + 20 * M) });
    expect(nextStepForCase('consult_recommended', [live], now)).toMatchObject({ kind: 'finish_payment', bookingId: live.id });
    const lapsed = booking('pending_payment', 600, { holdExpiresAt: new Date(now - M) });
    expect(nextStepForCase('consult_recommended', [lapsed], now).kind).toBe('book');
  });

  it('after the consult, points to it instead of asking to book again', () => {
    expect(nextStepForCase('consult_recommended', [booking('completed', -120)], now)).toMatchObject({ kind: 'consult_done' });
  });

  it('advice, referral and closed each have their own step', () => {
    expect(nextStepForCase('advice_sent', [], now).kind).toBe('read_advice');
    expect(nextStepForCase('referred', [], now).kind).toBe('follow_referral');
    expect(nextStepForCase('closed', [], now).kind).toBe('closed');
  });
});
