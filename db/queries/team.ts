import { and, arrayContains, asc, count, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { cases, clinicianProfiles, sessions, users } from '../schema';
import { staffName } from './names';
import { OPEN_STATUSES } from '@/lib/domain/case';
import type { Role } from '@/lib/domain/roles';

export interface TeamMember {
  id: string;
  email: string;
  name: string;
  title: string;
  roles: Role[];
  areas: string[];
  capacity: number;
  onCall: boolean;
  active: boolean;
}

/** Everyone with a clinician profile (clinicians and leads), by name. */
export async function listTeam(db: Db, opts: { activeOnly?: boolean } = {}): Promise<TeamMember[]> {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: clinicianProfiles.displayName,
      title: clinicianProfiles.title,
      roles: users.roles,
      areas: clinicianProfiles.areas,
      capacity: clinicianProfiles.capacity,
      onCall: clinicianProfiles.onCall,
      active: clinicianProfiles.active,
    })
    .from(users)
    .innerJoin(clinicianProfiles, eq(clinicianProfiles.userId, users.id))
    .where(opts.activeOnly ? and(arrayContains(users.roles, ['clinician']), eq(clinicianProfiles.active, true)) : arrayContains(users.roles, ['clinician']))
    .orderBy(asc(clinicianProfiles.displayName));
}

export async function isActiveClinician(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(clinicianProfiles, eq(clinicianProfiles.userId, users.id))
    .where(and(eq(users.id, userId), arrayContains(users.roles, ['clinician']), eq(clinicianProfiles.active, true)));
  return Boolean(row);
}

/** Leads to alert (SLA breaches): active staff holding the admin role. */
export async function listLeads(db: Db): Promise<{ id: string; email: string; name: string | null }[]> {
  return db
    .select({ id: users.id, email: users.email, name: staffName })
    .from(users)
    .leftJoin(clinicianProfiles, eq(clinicianProfiles.userId, users.id))
    .where(and(arrayContains(users.roles, ['admin']), sql`coalesce(${clinicianProfiles.active}, true)`));
}

export async function getUserContact(db: Db, userId: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: staffName })
    .from(users)
    .leftJoin(clinicianProfiles, eq(clinicianProfiles.userId, users.id))
    .where(eq(users.id, userId));
  return row ?? null;
}

export async function updateClinicianProfile(
  db: Db,
  u: { userId: string; areas: string[]; capacity: number; onCall: boolean; active: boolean },
): Promise<boolean> {
  const rows = await db
    .update(clinicianProfiles)
    .set({ areas: u.areas, capacity: u.capacity, onCall: u.onCall, active: u.active, updatedAt: sql`now()` })
    .where(eq(clinicianProfiles.userId, u.userId))
    .returning({ id: clinicianProfiles.userId });
  return rows.length === 1;
}

/**
 * Creates (or upgrades) the account of an invited clinician: the clinician role (plus admin when asked) and a
 * profile. An existing patient account keeps its patient role. Returns the user id and whether it is new.
 */
export async function upsertInvitedClinician(
  db: Db,
  c: { email: string; name: string; title: string; areas: string[]; capacity: number; admin: boolean },
): Promise<{ id: string; created: boolean }> {
  const [existing] = await db.select({ id: users.id, roles: users.roles }).from(users).where(eq(users.email, c.email));
  const wanted: Role[] = c.admin ? ['clinician', 'admin'] : ['clinician'];
  let id: string;
  if (existing) {
    id = existing.id;
    const roles = Array.from(new Set([...existing.roles, ...wanted])) as Role[];
    await db.update(users).set({ roles, name: sql`coalesce(${users.name}, ${c.name})` }).where(eq(users.id, id));
  } else {
    const [row] = await db.insert(users).values({ email: c.email, name: c.name, roles: wanted }).returning({ id: users.id });
    id = row.id;
  }
  await db
    .insert(clinicianProfiles)
    .values({ userId: id, displayName: c.name, title: c.title, areas: c.areas, capacity: c.capacity, active: true })
    .onConflictDoUpdate({
      target: clinicianProfiles.userId,
      set: { displayName: c.name, title: c.title, areas: c.areas, capacity: c.capacity, active: true, updatedAt: sql`now()` },
    });
  return { id, created: !existing };
}

export interface WorkloadRow {
  id: string;
  name: string;
  capacity: number;
  active: boolean;
  open: number;
  breachesThisWeek: number;
}

/** Open cases per clinician and SLA breaches alerted since `since` (the start of the week). */
export async function workloadByClinician(db: Db, since: Date): Promise<{ rows: WorkloadRow[]; unassignedOpen: number }> {
  const team = await listTeam(db);
  const open = await db
    .select({ id: cases.assignedClinicianId, n: count() })
    .from(cases)
    .where(inArray(cases.status, OPEN_STATUSES))
    .groupBy(cases.assignedClinicianId);
  const breaches = await db
    .select({ id: cases.assignedClinicianId, n: count() })
    .from(cases)
    .where(and(isNotNull(cases.breachAlertedAt), gte(cases.breachAlertedAt, since)))
    .groupBy(cases.assignedClinicianId);
  const openBy = new Map(open.map((r) => [r.id, r.n]));
  const breachBy = new Map(breaches.map((r) => [r.id, r.n]));
  return {
    rows: team.map((m) => ({ id: m.id, name: m.name, capacity: m.capacity, active: m.active, open: openBy.get(m.id) ?? 0, breachesThisWeek: breachBy.get(m.id) ?? 0 })),
    unassignedOpen: openBy.get(null) ?? 0,
  };
}

/**
 * Whether a team member still counts as staff: null for someone without a clinician profile (an admin-only account
 * or a patient), else the profile's `active` flag. Guards drop the staff roles of an inactive member.
 */
export async function teamMemberActive(db: Db, userId: string): Promise<boolean | null> {
  const [row] = await db.select({ active: clinicianProfiles.active }).from(clinicianProfiles).where(eq(clinicianProfiles.userId, userId));
  return row ? row.active : null;
}

/** Ends every session of a user at once (their cookie stops working on the next request). Returns how many. */
export async function deleteSessionsOf(db: Db, userId: string): Promise<number> {
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ token: sessions.sessionToken });
  return rows.length;
}

/** Takes one staff role away from a user; null when the user does not exist or never held it. */
export async function removeUserRole(db: Db, userId: string, role: 'clinician' | 'admin'): Promise<Role[] | null> {
  const [row] = await db
    .update(users)
    .set({ roles: sql`array_remove(${users.roles}, ${role})` })
    .where(and(eq(users.id, userId), arrayContains(users.roles, [role])))
    .returning({ roles: users.roles });
  return row ? row.roles : null;
}
