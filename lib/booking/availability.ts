import 'server-only';
import type { Db } from '@/db';
import { busyIntervals, getAvailability, timeOffIntervals, type BookableClinician } from '@/db/queries/availability';
import type { ConsultType } from '@/db/queries/consult-types';
import { computeSlots, isOfferedSlot, type Slot } from './slots';

const DAY = 86_400_000;

export interface SlotWindow {
  from: Date;
  to: Date;
  now?: Date;
}

/** Free slots of one clinician for one consult type in [from, to), live from the database. */
export async function findFreeSlots(db: Db, clinician: Pick<BookableClinician, 'id' | 'timezone'>, type: ConsultType, w: SlotWindow): Promise<Slot[]> {
  const now = w.now ?? new Date();
  const [availability, busy] = await Promise.all([getAvailability(db, clinician.id), busyIntervals(db, [clinician.id], w.from, w.to, now)]);
  return computeSlots({
    timezone: clinician.timezone,
    rules: availability.rules,
    overrides: availability.overrides,
    busy: busy.get(clinician.id) ?? [],
    durationMinutes: type.durationMinutes,
    bufferAfterMinutes: type.bufferAfterMinutes,
    minNoticeMinutes: type.minNoticeMinutes,
    horizonDays: type.horizonDays,
    from: w.from.getTime(),
    to: w.to.getTime(),
    now: now.getTime(),
  });
}

/** The first free slot within the next `days` days, or null. */
export async function nextFreeSlot(db: Db, clinician: Pick<BookableClinician, 'id' | 'timezone'>, type: ConsultType, days = 21): Promise<Slot | null> {
  const now = new Date();
  const slots = await findFreeSlots(db, clinician, type, { from: now, to: new Date(now.getTime() + days * DAY), now });
  return slots[0] ?? null;
}

/**
 * Whether `startsAt` is a time the clinician offers for this type (working hours, grid, notice, horizon, time off).
 * Overlap with other bookings is left to the exclusion constraint, which is race-proof (and ignores lapsed holds).
 */
export async function isBookableTime(db: Db, clinician: Pick<BookableClinician, 'id' | 'timezone'>, type: ConsultType, startsAt: Date, now = new Date()): Promise<boolean> {
  const blockedUntil = new Date(startsAt.getTime() + (type.durationMinutes + type.bufferAfterMinutes) * 60_000);
  const [availability, off] = await Promise.all([getAvailability(db, clinician.id), timeOffIntervals(db, clinician.id, startsAt, blockedUntil)]);
  return isOfferedSlot(
    {
      timezone: clinician.timezone,
      rules: availability.rules,
      overrides: availability.overrides,
      busy: off,
      durationMinutes: type.durationMinutes,
      bufferAfterMinutes: type.bufferAfterMinutes,
      minNoticeMinutes: type.minNoticeMinutes,
      horizonDays: type.horizonDays,
      now: now.getTime(),
    },
    startsAt.getTime(),
  );
}
