import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db';
import { claimReminder, expireAllLapsedHolds, getBookingView, listBookingsDueReminder, type ReminderKind } from '@/db/queries/bookings';
import { expireOpenPayments } from '@/db/queries/payments';
import { defineJob } from '@/lib/jobs/registry';
import { log } from '@/lib/log';
import { sendReminder } from './notifications';

const HOUR = 3_600_000;

/**
 * Marks every lapsed hold expired (and its open payment). Idempotent: a second run finds nothing.
 * The booking transaction also does this for its own range, so a late job never blocks a booking.
 */
export async function expireLapsedHolds(): Promise<string[]> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ids = await expireAllLapsedHolds(tx);
    if (ids.length > 0) {
      await expireOpenPayments(tx, ids);
      log().info({ count: ids.length }, 'expired lapsed holds');
    }
    return ids;
  });
}

/** Each reminder goes `aheadHours` before the start, unless the start is already within `floorMs`. */
const REMINDERS: { kind: ReminderKind; aheadHours: number; floorMs: number }[] = [
  { kind: '24h', aheadHours: 24, floorMs: HOUR },
  { kind: '1h', aheadHours: 1, floorMs: 0 },
];

/**
 * Sends the 24 h and 1 h reminders that are due. Each booking is claimed by a conditional update in its own
 * transaction together with its mail, so a retry or a second worker never sends one twice. A reminder is skipped
 * when the booking was confirmed inside its window (the confirmation just said it all).
 */
export async function sendDueReminders(now = new Date()): Promise<number> {
  const db = await getDb();
  let sent = 0;
  for (const r of REMINDERS) {
    const due = await listBookingsDueReminder(db, r.kind, { now, aheadHours: r.aheadHours, floorMs: r.floorMs });
    for (const id of due) {
      const done = await db.transaction(async (tx) => {
        if (!(await claimReminder(tx, id, r.kind, now))) return false;
        const view = await getBookingView(tx, id);
        if (view) await sendReminder(tx, view, r.kind);
        return true;
      });
      if (done) sent++;
    }
  }
  return sent;
}

export const expireHoldsJob = defineJob({
  name: 'booking.expire-holds',
  schema: z.object({}).passthrough(),
  cron: '* * * * *',
  handler: async () => {
    await expireLapsedHolds();
  },
});

export const sendRemindersJob = defineJob({
  name: 'booking.send-reminders',
  schema: z.object({}).passthrough(),
  cron: '* * * * *',
  handler: async () => {
    await sendDueReminders();
  },
});

export const BOOKING_JOBS = [expireHoldsJob, sendRemindersJob];
