/**
 * When a consult's video room lets its two participants in (pure; no I/O).
 * It opens shortly before the start so both can check camera and microphone, and stays open a while after the
 * booked end so an overrunning consult is not cut off.
 */
export const ROOM_OPENS_MINUTES_BEFORE = 10;
export const ROOM_CLOSES_MINUTES_AFTER = 30;

export type RoomPhase = 'before' | 'open' | 'ended';

export interface RoomWindow {
  opensAt: number;
  closesAt: number;
}

export function roomWindow(startsAt: Date | number, endsAt: Date | number): RoomWindow {
  const start = typeof startsAt === 'number' ? startsAt : startsAt.getTime();
  const end = typeof endsAt === 'number' ? endsAt : endsAt.getTime();
  return { opensAt: start - ROOM_OPENS_MINUTES_BEFORE * 60_000, closesAt: end + ROOM_CLOSES_MINUTES_AFTER * 60_000 };
}

/** Open from opensAt (inclusive) until closesAt (exclusive). */
export function roomPhase(now: number, w: RoomWindow): RoomPhase {
  if (now < w.opensAt) return 'before';
  if (now >= w.closesAt) return 'ended';
  return 'open';
}

/** "1 h 05 min", "4 min 09 s", "12 s" — the wait until the room opens, for the countdown. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(s).padStart(2, '0')} s`;
  return `${s} s`;
}
