/**
 * When a clinician's idle sign-out must wait (pure): from shortly before each confirmed consult they are about to
 * join until its video room closes. Without it, a clinician reading the schedule or waiting for the room to open,
 * hands off the keyboard, is signed out minutes before the patient arrives.
 */
import { ROOM_CLOSES_MINUTES_AFTER } from '@/lib/domain/room-window';

export const STAY_SIGNED_IN_MINUTES_BEFORE = 15;

export interface AwakeWindow {
  from: number;
  until: number;
}

export function staySignedInWindows(consults: readonly { status: string; startsAt: Date; endsAt: Date }[], now: number): AwakeWindow[] {
  return consults
    .filter((b) => b.status === 'confirmed')
    .map((b) => ({ from: b.startsAt.getTime() - STAY_SIGNED_IN_MINUTES_BEFORE * 60_000, until: b.endsAt.getTime() + ROOM_CLOSES_MINUTES_AFTER * 60_000 }))
    .filter((w) => w.until > now)
    .sort((a, b) => a.from - b.from);
}

export function isInAwakeWindow(windows: readonly AwakeWindow[], now: number): boolean {
  return windows.some((w) => now >= w.from && now < w.until);
}
