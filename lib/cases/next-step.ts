/**
 * The one thing a patient should do next on their case page (pure). It follows the case's status AND its bookings,
 * so a case whose consult is booked never reads "waiting in our queue", and a recommended consult always comes with
 * a Book button. Emergencies are not here: their panel comes first on the page whatever the status.
 */
import type { BookingStatus } from '@/lib/domain/booking';
import { roomPhase, roomWindow } from '@/lib/domain/room-window';
import type { CaseStatus } from '@/lib/domain/case';

export interface CaseBookingForStep {
  id: string;
  status: BookingStatus;
  startsAt: Date;
  endsAt: Date;
  holdExpiresAt: Date | null;
}

export type NextStep =
  | { kind: 'waiting'; reviewing: boolean }
  | { kind: 'book' }
  | { kind: 'finish_payment'; bookingId: string; holdExpiresAt: Date }
  | { kind: 'join'; bookingId: string; startsAt: Date; roomOpen: boolean }
  | { kind: 'consult_done'; bookingId: string }
  | { kind: 'read_advice' }
  | { kind: 'follow_referral' }
  | { kind: 'closed' };

export function nextStepForCase(status: CaseStatus, bookings: readonly CaseBookingForStep[], now: number): NextStep {
  // A booked consult leads whatever the status says: it is the next thing that will happen.
  const upcoming = bookings
    .filter((b) => b.status === 'confirmed' && roomPhase(now, roomWindow(b.startsAt, b.endsAt)) !== 'ended')
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
  if (upcoming) {
    return { kind: 'join', bookingId: upcoming.id, startsAt: upcoming.startsAt, roomOpen: roomPhase(now, roomWindow(upcoming.startsAt, upcoming.endsAt)) === 'open' };
  }
  const hold = bookings.find((b) => b.status === 'pending_payment' && b.holdExpiresAt && b.holdExpiresAt.getTime() > now);
  if (hold && status !== 'closed') return { kind: 'finish_payment', bookingId: hold.id, holdExpiresAt: hold.holdExpiresAt! };
  const done = bookings
    .filter((b) => b.status === 'completed' || (b.status === 'confirmed' && b.startsAt.getTime() <= now))
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime())[0];
  switch (status) {
    case 'submitted':
      return { kind: 'waiting', reviewing: false };
    case 'in_review':
      return { kind: 'waiting', reviewing: true };
    case 'consult_recommended':
      return done ? { kind: 'consult_done', bookingId: done.id } : { kind: 'book' };
    case 'advice_sent':
      return { kind: 'read_advice' };
    case 'referred':
      return { kind: 'follow_referral' };
    case 'closed':
      return { kind: 'closed' };
  }
}
