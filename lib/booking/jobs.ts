import 'server-only';
import { and, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { expireAllLapsedHolds, getBookingView } from '@/db/queries/bookings';
import { bookings, payments } from '@/db/schema';
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
      await tx
        .update(payments)
        .set({ status: 'expired', updatedAt: new Date() })
        .where(and(inArray(payments.bookingId, ids), eq(payments.status, 'open')));
      log().info({ count: ids.length }, 'expired lapsed holds');
    }
    return ids;
  });
}

const REMINDERS = [
  { kind: '24h' as const, column: bookings.reminder24hSentAt, key: 'reminder24hSentAt' as const, ahead: 24 * HOUR, floor: HOUR },
  { kind: '1h' as const, column: bookings.reminder1hSentAt, key: 'reminder1hSentAt' as const, ahead: HOUR, floor: 0 },
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
    const due = await db
      .select({ id: bookings.id })
      .from(bookings)
      .where(
        and(
          eq(bookings.status, 'confirmed'),
          isNull(r.column),
          lte(bookings.startsAt, new Date(now.getTime() + r.ahead)),
          gt(bookings.startsAt, new Date(now.getTime() + r.floor)),
          sql`${bookings.confirmedAt} <= ${bookings.startsAt} - ${`${r.ahead / HOUR} hours`}::interval`,
        ),
      )
      .limit(200);
    for (const { id } of due) {
      const done = await db.transaction(async (tx) => {
        const claimed = await tx
          .update(bookings)
          .set({ [r.key]: now })
          .where(and(eq(bookings.id, id), eq(bookings.status, 'confirmed'), isNull(r.column)))
          .returning({ id: bookings.id });
        if (claimed.length === 0) return false;
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
