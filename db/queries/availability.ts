import { and, asc, eq, exists, gt, gte, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { availabilityOverrides, availabilityRules, bookings, clinicianProfiles, timeOff, users } from '../schema';
import type { DateOverride, Interval, WeeklyRule } from '@/lib/domain/availability';

export interface BookableClinician {
  id: string;
  name: string;
  title: string;
  areas: string[];
  timezone: string;
}

/**
 * Clinicians patients may book: active, bookable, with the clinician role, and with some working time (weekly hours,
 * or an extra open day still ahead) — a clinician with no hours is never offered, since no time could be booked.
 */
export async function listBookableClinicians(db: Db): Promise<BookableClinician[]> {
  return db
    .select({
      id: users.id,
      name: clinicianProfiles.displayName,
      title: clinicianProfiles.title,
      areas: clinicianProfiles.areas,
      timezone: clinicianProfiles.timezone,
    })
    .from(clinicianProfiles)
    .innerJoin(users, eq(users.id, clinicianProfiles.userId))
    .where(
      and(
        eq(clinicianProfiles.active, true),
        eq(clinicianProfiles.bookable, true),
        sql`'clinician' = any(${users.roles})`,
        or(
          exists(db.select({ one: sql`1` }).from(availabilityRules).where(eq(availabilityRules.clinicianId, users.id))),
          exists(
            db
              .select({ one: sql`1` })
              .from(availabilityOverrides)
              .where(
                and(
                  eq(availabilityOverrides.clinicianId, users.id),
                  isNotNull(availabilityOverrides.startMinute),
                  // Override dates are the clinician's local days; a day of slack covers every zone.
                  gte(availabilityOverrides.date, sql`to_char(now() - interval '1 day', 'YYYY-MM-DD')`),
                ),
              ),
          ),
        ),
      ),
    )
    .orderBy(asc(clinicianProfiles.displayName));
}

export async function getBookableClinician(db: Db, id: string): Promise<BookableClinician | null> {
  const rows = await listBookableClinicians(db);
  return rows.find((c) => c.id === id) ?? null;
}

export async function getClinicianProfile(db: Db, id: string) {
  const [row] = await db.select().from(clinicianProfiles).where(eq(clinicianProfiles.userId, id)).limit(1);
  return row ?? null;
}

export async function setClinicianTimezone(db: Db, clinicianId: string, timezone: string): Promise<void> {
  await db.update(clinicianProfiles).set({ timezone, updatedAt: new Date() }).where(eq(clinicianProfiles.userId, clinicianId));
}

export interface ClinicianAvailability {
  rules: (WeeklyRule & { id: string })[];
  overrides: (DateOverride & { id: string })[];
}

export async function getAvailability(db: Db, clinicianId: string): Promise<ClinicianAvailability> {
  const [rules, overrides] = await Promise.all([
    db
      .select({ id: availabilityRules.id, weekday: availabilityRules.weekday, startMinute: availabilityRules.startMinute, endMinute: availabilityRules.endMinute })
      .from(availabilityRules)
      .where(eq(availabilityRules.clinicianId, clinicianId))
      .orderBy(asc(availabilityRules.weekday), asc(availabilityRules.startMinute)),
    db
      .select({ id: availabilityOverrides.id, date: availabilityOverrides.date, startMinute: availabilityOverrides.startMinute, endMinute: availabilityOverrides.endMinute })
      .from(availabilityOverrides)
      .where(eq(availabilityOverrides.clinicianId, clinicianId))
      .orderBy(asc(availabilityOverrides.date), asc(availabilityOverrides.startMinute)),
  ]);
  return { rules, overrides };
}

/** Replaces the clinician's weekly hours in one transaction. */
export async function replaceWeeklyRules(db: Db, clinicianId: string, rules: WeeklyRule[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(availabilityRules).where(eq(availabilityRules.clinicianId, clinicianId));
    if (rules.length > 0) await tx.insert(availabilityRules).values(rules.map((r) => ({ ...r, clinicianId })));
  });
}

/** Replaces the overrides of one local date (empty list = back to the weekly hours; one null row = day off). */
export async function replaceDateOverride(db: Db, clinicianId: string, date: string, windows: { startMinute: number | null; endMinute: number | null }[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(availabilityOverrides).where(and(eq(availabilityOverrides.clinicianId, clinicianId), eq(availabilityOverrides.date, date)));
    if (windows.length > 0) await tx.insert(availabilityOverrides).values(windows.map((w) => ({ ...w, clinicianId, date })));
  });
}

export async function listTimeOff(db: Db, clinicianId: string, from?: Date) {
  return db
    .select()
    .from(timeOff)
    .where(and(eq(timeOff.clinicianId, clinicianId), from ? gt(timeOff.endsAt, from) : undefined))
    .orderBy(asc(timeOff.startsAt));
}

export async function addTimeOff(db: Db, clinicianId: string, startsAt: Date, endsAt: Date, reason: string) {
  const [row] = await db.insert(timeOff).values({ clinicianId, startsAt, endsAt, reason }).returning();
  return row!;
}

export async function deleteTimeOff(db: Db, clinicianId: string, id: string): Promise<boolean> {
  const rows = await db.delete(timeOff).where(and(eq(timeOff.id, id), eq(timeOff.clinicianId, clinicianId))).returning({ id: timeOff.id });
  return rows.length > 0;
}

/**
 * What blocks new bookings in [from, to): confirmed bookings and holds that have not lapsed (each as
 * [startsAt, blockedUntil), buffer included), and time off.
 */
export async function busyIntervals(db: Db, clinicianIds: string[], from: Date, to: Date, now: Date): Promise<Map<string, Interval[]>> {
  const out = new Map<string, Interval[]>(clinicianIds.map((id) => [id, []]));
  if (clinicianIds.length === 0) return out;
  const [booked, off] = await Promise.all([
    db
      .select({ clinicianId: bookings.clinicianId, start: bookings.startsAt, end: bookings.blockedUntil })
      .from(bookings)
      .where(
        and(
          inArray(bookings.clinicianId, clinicianIds),
          lt(bookings.startsAt, to),
          gt(bookings.blockedUntil, from),
          or(eq(bookings.status, 'confirmed'), and(eq(bookings.status, 'pending_payment'), gt(bookings.holdExpiresAt, now))),
        ),
      ),
    db
      .select({ clinicianId: timeOff.clinicianId, start: timeOff.startsAt, end: timeOff.endsAt })
      .from(timeOff)
      .where(and(inArray(timeOff.clinicianId, clinicianIds), lt(timeOff.startsAt, to), gte(timeOff.endsAt, from))),
  ]);
  for (const r of [...booked, ...off]) out.get(r.clinicianId)!.push({ start: r.start.getTime(), end: r.end.getTime() });
  return out;
}

/** Time off of one clinician overlapping [from, to). */
export async function timeOffIntervals(db: Db, clinicianId: string, from: Date, to: Date): Promise<Interval[]> {
  const rows = await db
    .select({ start: timeOff.startsAt, end: timeOff.endsAt })
    .from(timeOff)
    .where(and(eq(timeOff.clinicianId, clinicianId), lt(timeOff.startsAt, to), gt(timeOff.endsAt, from)));
  return rows.map((r) => ({ start: r.start.getTime(), end: r.end.getTime() }));
}
