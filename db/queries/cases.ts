import { and, asc, desc, eq, inArray, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { caseEvents, cases, clinicianProfiles, intakeVersions, patientProfiles, triageAssessments, users } from '../schema';
import { patientName, staffName } from './names';
import { OPEN_STATUSES, type CaseStatus, type Urgency } from '@/lib/domain/case';

export type CaseRow = typeof cases.$inferSelect;

/**
 * The patient's own case, locked FOR UPDATE until the transaction ends (the caller changes it next); null when it
 * is not theirs. `incompleteOnly` narrows it to an emergency raised from the safety step and not yet completed.
 */
export async function lockCaseOfPatient(tx: Db, caseId: string, patientId: string, opts: { incompleteOnly?: boolean } = {}): Promise<CaseRow | null> {
  const [row] = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.patientId, patientId), opts.incompleteOnly ? eq(cases.incomplete, true) : undefined))
    .for('update');
  return row ?? null;
}

/** Points the case at its newest intake version and what that version changed (the caller holds the row lock). */
export async function moveCaseToVersion(
  tx: Db,
  caseId: string,
  v: { currentVersion: number; urgency: Urgency; urgencyRank: number; slaDueAt: Date; regions: string[]; areas: string[]; updatedAt: Date; incomplete?: boolean },
): Promise<void> {
  await tx.update(cases).set(v).where(eq(cases.id, caseId));
}

export async function getCaseStatus(db: Db, caseId: string): Promise<CaseStatus | null> {
  const [row] = await db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId));
  return row?.status ?? null;
}

/**
 * Marks every open case past its SLA due time that was not alerted yet and returns them: the UPDATE … WHERE
 * breach_alerted_at IS NULL … RETURNING takes each breach exactly once, even when two workers run at the same moment.
 */
export async function markSlaBreaches(tx: Db, now: Date) {
  return tx
    .update(cases)
    .set({ breachAlertedAt: now })
    .where(and(inArray(cases.status, OPEN_STATUSES), lt(cases.slaDueAt, now), isNull(cases.breachAlertedAt)))
    .returning({ id: cases.id, urgency: cases.urgency, slaDueAt: cases.slaDueAt, assignedClinicianId: cases.assignedClinicianId });
}

export interface ClaimOutcome {
  ok: boolean;
  /** Who holds the case now (the caller when ok). */
  assignedClinicianId: string | null;
  assigneeName: string | null;
  patientId: string | null;
  reason?: 'not_found' | 'already_claimed' | 'not_open';
}

async function holderOf(db: Db, caseId: string) {
  const [row] = await db
    .select({
      patientId: cases.patientId,
      status: cases.status,
      assignedClinicianId: cases.assignedClinicianId,
      assigneeName: staffName,
    })
    .from(cases)
    .leftJoin(clinicianProfiles, eq(clinicianProfiles.userId, cases.assignedClinicianId))
    .leftJoin(users, eq(users.id, cases.assignedClinicianId))
    .where(eq(cases.id, caseId));
  return row;
}

/**
 * Atomic claim: ONE conditional UPDATE takes the case only while it is unassigned and open. Concurrent claims
 * queue on the row lock; after the winner commits PostgreSQL re-checks the WHERE for the others, which then
 * update nothing. A new case moves to in_review; the status never moves back.
 */
export async function claimCaseRow(db: Db, caseId: string, clinicianId: string): Promise<ClaimOutcome> {
  const [won] = await db
    .update(cases)
    .set({
      assignedClinicianId: clinicianId,
      status: sql`case when ${cases.status} = 'submitted' then 'in_review' else ${cases.status} end`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(cases.id, caseId), isNull(cases.assignedClinicianId), inArray(cases.status, OPEN_STATUSES)))
    .returning({ patientId: cases.patientId, status: cases.status });
  if (won) {
    const holder = await holderOf(db, caseId);
    return { ok: true, assignedClinicianId: clinicianId, assigneeName: holder?.assigneeName ?? null, patientId: won.patientId };
  }
  const holder = await holderOf(db, caseId);
  if (!holder) return { ok: false, reason: 'not_found', assignedClinicianId: null, assigneeName: null, patientId: null };
  return {
    ok: false,
    reason: holder.assignedClinicianId ? 'already_claimed' : 'not_open',
    assignedClinicianId: holder.assignedClinicianId,
    assigneeName: holder.assigneeName,
    patientId: holder.patientId,
  };
}

/** Back to the pool: only the assignee, only while the case is open. */
export async function releaseCaseRow(db: Db, caseId: string, clinicianId: string): Promise<ClaimOutcome> {
  const [done] = await db
    .update(cases)
    .set({ assignedClinicianId: null, updatedAt: sql`now()` })
    .where(and(eq(cases.id, caseId), eq(cases.assignedClinicianId, clinicianId), inArray(cases.status, OPEN_STATUSES)))
    .returning({ patientId: cases.patientId });
  if (done) return { ok: true, assignedClinicianId: null, assigneeName: null, patientId: done.patientId };
  const holder = await holderOf(db, caseId);
  if (!holder) return { ok: false, reason: 'not_found', assignedClinicianId: null, assigneeName: null, patientId: null };
  return {
    ok: false,
    reason: holder.assignedClinicianId === clinicianId ? 'not_open' : 'already_claimed',
    assignedClinicianId: holder.assignedClinicianId,
    assigneeName: holder.assigneeName,
    patientId: holder.patientId,
  };
}

/**
 * Hands an open case to a colleague. `expectedAssigneeId` is who the actor believes holds it (themselves, or — for
 * an admin — whoever the page showed); the UPDATE only applies if that is still true, so two hand-overs never cross.
 */
export async function reassignCaseRow(
  db: Db,
  caseId: string,
  expectedAssigneeId: string | null,
  toClinicianId: string,
): Promise<ClaimOutcome> {
  const [done] = await db
    .update(cases)
    .set({
      assignedClinicianId: toClinicianId,
      status: sql`case when ${cases.status} = 'submitted' then 'in_review' else ${cases.status} end`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(cases.id, caseId),
        expectedAssigneeId ? eq(cases.assignedClinicianId, expectedAssigneeId) : isNull(cases.assignedClinicianId),
        inArray(cases.status, OPEN_STATUSES),
      ),
    )
    .returning({ patientId: cases.patientId });
  const holder = await holderOf(db, caseId);
  if (done) return { ok: true, assignedClinicianId: toClinicianId, assigneeName: holder?.assigneeName ?? null, patientId: done.patientId };
  if (!holder) return { ok: false, reason: 'not_found', assignedClinicianId: null, assigneeName: null, patientId: null };
  return {
    ok: false,
    reason: OPEN_STATUSES.includes(holder.status) ? 'already_claimed' : 'not_open',
    assignedClinicianId: holder.assignedClinicianId,
    assigneeName: holder.assigneeName,
    patientId: holder.patientId,
  };
}

/**
 * Moves a case to `to` only from `allowedFrom` (computed from the forward-only status order) and only when the
 * actor holds it or nobody does (deciding an unassigned case takes it). Returns the previous status, or null when
 * the WHERE refused (status would move back, or someone else holds the case).
 */
export async function advanceCaseStatus(
  db: Db,
  caseId: string,
  actorId: string,
  to: CaseStatus,
  allowedFrom: CaseStatus[],
): Promise<{ fromStatus: CaseStatus; patientId: string } | null> {
  const [before] = await db
    .select({ status: cases.status, patientId: cases.patientId })
    .from(cases)
    .where(eq(cases.id, caseId))
    .for('update');
  if (!before) return null;
  const [done] = await db
    .update(cases)
    .set({ status: to, assignedClinicianId: sql`coalesce(${cases.assignedClinicianId}, ${actorId})`, updatedAt: sql`now()` })
    .where(
      and(
        eq(cases.id, caseId),
        inArray(cases.status, allowedFrom),
        sql`(${cases.assignedClinicianId} = ${actorId} or ${cases.assignedClinicianId} is null)`,
      ),
    )
    .returning({ id: cases.id });
  return done ? { fromStatus: before.status, patientId: before.patientId } : null;
}

/** One entry of the case's history; `createdAt` defaults to the database's now(). */
export async function insertCaseEvent(
  db: Db,
  e: { caseId: string; actorId: string | null; kind: string; fromStatus?: CaseStatus | null; toStatus?: CaseStatus | null; payload?: Record<string, unknown>; createdAt?: Date },
) {
  const [row] = await db
    .insert(caseEvents)
    .values({ caseId: e.caseId, actorId: e.actorId, kind: e.kind, fromStatus: e.fromStatus ?? null, toStatus: e.toStatus ?? null, payload: e.payload ?? null, createdAt: e.createdAt })
    .returning();
  return row;
}

/**
 * A case's header for staff: who, what, where it stands. Null when it does not exist or `readable` (the reader's
 * scope, db/queries/case-scope.ts) excludes it; writers that already checked the row pass `anyCase()`.
 */
export async function getCaseForStaff(db: Db, caseId: string, readable: SQL) {
  const [row] = await db
    .select({
      id: cases.id,
      patientId: cases.patientId,
      status: cases.status,
      urgency: cases.urgency,
      assignedClinicianId: cases.assignedClinicianId,
      assigneeName: clinicianProfiles.displayName,
      regions: cases.regions,
      areas: cases.areas,
      submittedAt: cases.submittedAt,
      slaDueAt: cases.slaDueAt,
      breachAlertedAt: cases.breachAlertedAt,
      currentVersion: cases.currentVersion,
      incomplete: cases.incomplete,
      patientEmail: users.email,
      patientPhone: patientProfiles.phone,
      patientMayCall: patientProfiles.mayCall,
      patientName: patientName(),
      patientDateOfBirth: patientProfiles.dateOfBirth,
      patientSex: patientProfiles.sex,
      patientTimezone: patientProfiles.timezone,
    })
    .from(cases)
    .innerJoin(users, eq(users.id, cases.patientId))
    .leftJoin(patientProfiles, eq(patientProfiles.userId, cases.patientId))
    .leftJoin(clinicianProfiles, eq(clinicianProfiles.userId, cases.assignedClinicianId))
    .where(and(eq(cases.id, caseId), readable));
  return row ?? null;
}

export async function getLatestIntake(db: Db, caseId: string) {
  const [version] = await db
    .select({ id: intakeVersions.id, version: intakeVersions.version, submission: intakeVersions.submission, createdAt: intakeVersions.createdAt })
    .from(intakeVersions)
    .where(eq(intakeVersions.caseId, caseId))
    .orderBy(desc(intakeVersions.version))
    .limit(1);
  if (!version) return null;
  const [assessment] = await db
    .select({ urgency: triageAssessments.urgency, reasons: triageAssessments.reasons, mriFindings: triageAssessments.mriFindings, unreadMri: triageAssessments.unreadMri })
    .from(triageAssessments)
    .where(eq(triageAssessments.intakeVersionId, version.id))
    .limit(1);
  return { version, assessment: assessment ?? null };
}

export async function listCaseEvents(db: Db, caseId: string) {
  return db
    .select({
      id: caseEvents.id,
      kind: caseEvents.kind,
      fromStatus: caseEvents.fromStatus,
      toStatus: caseEvents.toStatus,
      payload: caseEvents.payload,
      createdAt: caseEvents.createdAt,
      actorId: caseEvents.actorId,
      actorName: staffName,
    })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .leftJoin(clinicianProfiles, eq(clinicianProfiles.userId, caseEvents.actorId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.createdAt), asc(caseEvents.id));
}

/** The same patient's other cases, newest first (for the reviewer's context). */
export async function listOtherCasesOfPatient(db: Db, patientId: string, exceptCaseId: string) {
  return db
    .select({ id: cases.id, status: cases.status, urgency: cases.urgency, regions: cases.regions, submittedAt: cases.submittedAt })
    .from(cases)
    .where(and(eq(cases.patientId, patientId), ne(cases.id, exceptCaseId)))
    .orderBy(desc(cases.submittedAt))
    .limit(20);
}
