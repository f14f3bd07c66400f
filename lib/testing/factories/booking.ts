/** Consult types and slot times for booking and payment tests (people come from ./people). */
import type { Db } from '@/db/client';
import { consultTypes } from '@/db/schema';
import { makeClinician, uniq, type ClinicianFactoryInput } from './people';

const ALL_DAY_EVERY_DAY = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 }));

/** A clinician any slot can be booked with: working all day, every day (unless `hours` says otherwise). */
export function makeBookableClinician(db: Db, o: ClinicianFactoryInput = {}) {
  return makeClinician(db, { hours: ALL_DAY_EVERY_DAY, ...o });
}

export async function makeConsultType(db: Db, over: Partial<typeof consultTypes.$inferInsert> = {}) {
  const [row] = await db
    .insert(consultTypes)
    .values({
      name: `Consult ${uniq()}`,
      durationMinutes: 45,
      priceCents: 9500,
      currency: 'gbp',
      bufferAfterMinutes: 15,
      minNoticeMinutes: 0,
      horizonDays: 60,
      fullRefundWindowHours: 24,
      ...over,
    })
    .returning();
  return row!;
}

/** A slot start on the default hourly grid, `days` ahead at 10:00 UTC (London: 10:00 or 11:00 local, on the grid). */
export function gridSlot(days = 3, hourUtc = 10): Date {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
}
