/** Test data for booking and payment tests (integration tests and e2e factories). */
import type { Db } from '@/db/client';
import { availabilityRules, clinicianProfiles, consultTypes, users } from '@/db/schema';

const rand = () => Math.random().toString(36).slice(2, 10);

export async function makePatient(db: Db, opts: { timezone?: string; email?: string } = {}) {
  const email = opts.email ?? `patient-${rand()}@example.test`;
  const [u] = await db.insert(users).values({ email, name: 'Test Patient', roles: ['patient'], timezone: opts.timezone ?? 'Europe/Istanbul' }).returning();
  return { id: u!.id, email: u!.email, name: u!.name, roles: u!.roles, timezone: u!.timezone };
}

/** A bookable clinician working `hours` (default all day, every day) in `timezone`. */
export async function makeClinician(db: Db, opts: { timezone?: string; hours?: { weekday: number; startMinute: number; endMinute: number }[]; name?: string } = {}) {
  const timezone = opts.timezone ?? 'Europe/London';
  const name = opts.name ?? `Dr ${rand()}`;
  const [u] = await db.insert(users).values({ email: `clinician-${rand()}@example.test`, name, roles: ['clinician'], timezone }).returning();
  await db.insert(clinicianProfiles).values({ userId: u!.id, displayName: name, areas: ['upper_back'], timezone });
  const hours = opts.hours ?? [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 }));
  if (hours.length) await db.insert(availabilityRules).values(hours.map((h) => ({ ...h, clinicianId: u!.id })));
  return { id: u!.id, email: u!.email, name, roles: u!.roles, timezone };
}

export async function makeConsultType(db: Db, over: Partial<typeof consultTypes.$inferInsert> = {}) {
  const [row] = await db
    .insert(consultTypes)
    .values({
      name: `Consult ${rand()}`,
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
