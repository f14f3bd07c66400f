import { and, arrayContains, arrayOverlaps, eq, isNull, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { caseAccessGrants, cases, clinicianProfiles, users } from '../schema';

/**
 * What one clinician may read (CONTRACTS §4c): cases assigned to them, cases covering one of their areas, the shared
 * pool, emergencies while they are on call, and cases they opened with a reason (break-the-glass) until the grant
 * ends. Only an ACTIVE member holding the clinician role has a scope at all: an admin without the clinician role,
 * or a deactivated clinician, reads no clinical content.
 */
export interface ClinicianScope {
  userId: string;
  areas: string[];
  onCall: boolean;
}

/** The reading scope of `userId`, or null when they are not an active clinician. One primary-key lookup. */
export async function clinicianScopeOf(db: Db, userId: string): Promise<ClinicianScope | null> {
  const [row] = await db
    .select({ areas: clinicianProfiles.areas, onCall: clinicianProfiles.onCall })
    .from(clinicianProfiles)
    .innerJoin(users, eq(users.id, clinicianProfiles.userId))
    .where(and(eq(clinicianProfiles.userId, userId), eq(clinicianProfiles.active, true), arrayContains(users.roles, ['clinician'])));
  return row ? { userId, areas: row.areas, onCall: row.onCall } : null;
}

/**
 * The scope as a predicate over `cases`, for the WHERE clause of every query that returns case content (the queue,
 * the case view, the intake API, the thread). No scope → `false`: nothing.
 */
export function caseReadableBy(scope: ClinicianScope | null): SQL {
  if (!scope) return sql`false`;
  const parts: SQL[] = readableByWho(scope.userId);
  if (scope.areas.length > 0) parts.push(arrayOverlaps(cases.areas, scope.areas));
  if (scope.onCall) parts.push(eq(cases.urgency, 'emergency'));
  return or(...parts) ?? sql`false`;
}

/**
 * The part of every clinician's scope that depends only on who they are: cases assigned to them, the shared pool, and
 * their break-the-glass grants (alternatives of an OR). `userId` may be a placeholder (a prepared statement fills it per execution).
 */
export function readableByWho(userId: string | Placeholder): SQL[] {
  const granted = sql`${cases.id} in (select ${caseAccessGrants.caseId} from ${caseAccessGrants} where ${caseAccessGrants.userId} = ${userId} and ${caseAccessGrants.expiresAt} > now())`;
  return [eq(cases.assignedClinicianId, userId), isNull(cases.assignedClinicianId), granted];
}

/** No scope at all: for writers that already locked the row and checked who may change it. */
export function anyCase(): SQL {
  return sql`true`;
}

/** Whether `scope` may read the case (for writes that must not act on, or describe, a case out of reach). */
export async function caseReadable(db: Db, scope: ClinicianScope | null, caseId: string): Promise<boolean> {
  const [row] = await db.select({ id: cases.id }).from(cases).where(and(eq(cases.id, caseId), caseReadableBy(scope)));
  return Boolean(row);
}

/** Whether the case exists at all (break-the-glass may only open a real case; the answer goes to clinicians only). */
export async function caseExists(db: Db, caseId: string): Promise<{ patientId: string } | null> {
  const [row] = await db.select({ patientId: cases.patientId }).from(cases).where(eq(cases.id, caseId));
  return row ?? null;
}

/** Records a break-the-glass grant for `minutes`; returns when it ends. */
export async function insertAccessGrant(db: Db, g: { caseId: string; userId: string; reason: string; minutes: number }): Promise<Date> {
  const [row] = await db
    .insert(caseAccessGrants)
    .values({ caseId: g.caseId, userId: g.userId, reason: g.reason, expiresAt: sql`now() + make_interval(mins => ${g.minutes})` })
    .returning({ expiresAt: caseAccessGrants.expiresAt });
  return row.expiresAt;
}

export interface AccessGrantRow {
  id: string;
  caseId: string;
  clinicianName: string;
  clinicianEmail: string;
  reason: string;
  createdAt: Date;
  expiresAt: Date;
  /** The grant still lets them read (the database's clock, like the scope check). */
  openNow: boolean;
}

/** Break-the-glass grants, newest first, for the lead's list. */
export async function listAccessGrants(db: Db, opts: { limit: number }): Promise<AccessGrantRow[]> {
  return db
    .select({
      id: caseAccessGrants.id,
      caseId: caseAccessGrants.caseId,
      clinicianName: sql<string>`coalesce(${clinicianProfiles.displayName}, ${users.name}, ${users.email})`,
      clinicianEmail: users.email,
      reason: caseAccessGrants.reason,
      createdAt: caseAccessGrants.createdAt,
      expiresAt: caseAccessGrants.expiresAt,
      openNow: sql<boolean>`${caseAccessGrants.expiresAt} > now()`,
    })
    .from(caseAccessGrants)
    .innerJoin(users, eq(users.id, caseAccessGrants.userId))
    .leftJoin(clinicianProfiles, eq(clinicianProfiles.userId, caseAccessGrants.userId))
    .orderBy(sql`${caseAccessGrants.createdAt} desc`)
    .limit(opts.limit);
}

