import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, lte, ne, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { cases, checkIns, intakeVersions, patientProfiles, rehabPlans, rehabPlanTemplates, users } from '../schema';
import { caseReadableBy, clinicianScopeOf } from './case-scope';
import { patientName } from './names';
import { OPEN_STATUSES, type CaseStatus, type Urgency } from '@/lib/domain/case';
import type { ActorRef } from '@/lib/domain/actor';
import type { PlanExercise, PlanPhase, PsfsItem, TrainingStatus } from '@/lib/domain/outcomes';
import { isUuid } from '@/lib/domain/ids';
import type { PlanTemplateInput } from '@/lib/validation/outcomes';

/*
 * Outcomes after the decision (CONTRACTS §6): plans, plan templates and check-ins. Every query that returns case
 * content is scoped in its WHERE: the case's own patient, or an active clinician whose case scope
 * (db/queries/case-scope.ts) covers the case. Anyone else gets nothing (the route answers 404).
 */

export type RehabPlanRow = typeof rehabPlans.$inferSelect;
export type CheckInRow = typeof checkIns.$inferSelect;
export type PlanTemplateRow = typeof rehabPlanTemplates.$inferSelect;

/** The patient of the case, or a clinician who may read it (one primary-key lookup for the scope). */
async function outcomesVisibleTo(db: Db, viewer: ActorRef) {
  const own = eq(cases.patientId, viewer.id);
  if (!viewer.roles.includes('clinician')) return own;
  return or(own, caseReadableBy(await clinicianScopeOf(db, viewer.id)));
}

export interface OutcomesCase {
  id: string;
  patientId: string;
  status: CaseStatus;
  urgency: Urgency;
  assignedClinicianId: string | null;
  /** The current intake version's answers (the baseline pain, PSFS activities and competition date come from it). */
  submission: unknown;
}

const outcomesCaseColumns = {
  id: cases.id,
  patientId: cases.patientId,
  status: cases.status,
  urgency: cases.urgency,
  assignedClinicianId: cases.assignedClinicianId,
  incomplete: cases.incomplete,
  submission: intakeVersions.submission,
};

/** The case with its current intake, when `viewer` may read its outcomes; else null. */
export async function findOutcomesCase(db: Db, viewer: ActorRef, caseId: string): Promise<OutcomesCase | null> {
  if (!isUuid(caseId)) return null;
  const [row] = await db
    .select(outcomesCaseColumns)
    .from(cases)
    .innerJoin(intakeVersions, and(eq(intakeVersions.caseId, cases.id), eq(intakeVersions.version, cases.currentVersion)))
    .where(and(eq(cases.id, caseId), await outcomesVisibleTo(db, viewer)));
  return row ?? null;
}

/**
 * The case locked FOR UPDATE for a clinician's plan, when the clinician's scope covers it (not the patient's own
 * case: a patient never sets a plan). Null otherwise.
 */
export async function lockCaseForPlan(
  tx: Db,
  clinicianId: string,
  caseId: string,
): Promise<(OutcomesCase & { incomplete: boolean; timezone: string | null; patientEmail: string; patientName: string | null }) | null> {
  if (!isUuid(caseId)) return null;
  const scope = await clinicianScopeOf(tx, clinicianId);
  const [row] = await tx
    .select({ ...outcomesCaseColumns, timezone: patientProfiles.timezone, patientEmail: users.email, patientName: patientName() })
    .from(cases)
    .innerJoin(intakeVersions, and(eq(intakeVersions.caseId, cases.id), eq(intakeVersions.version, cases.currentVersion)))
    .innerJoin(users, eq(users.id, cases.patientId))
    .leftJoin(patientProfiles, eq(patientProfiles.userId, cases.patientId))
    .where(and(eq(cases.id, caseId), caseReadableBy(scope)))
    .for('update', { of: cases });
  return row ?? null;
}

/** The current (highest) version of the case's plan, or null. */
export async function findCurrentPlan(db: Db, caseId: string): Promise<RehabPlanRow | null> {
  const [row] = await db.select().from(rehabPlans).where(eq(rehabPlans.caseId, caseId)).orderBy(desc(rehabPlans.version)).limit(1);
  return row ?? null;
}

export interface NewPlan {
  caseId: string;
  startsOn: string;
  phases: PlanPhase[];
  exercises: PlanExercise[];
  stopIf: string;
  competitionDate: string | null;
  checkInWeeks: number[];
  templateId: string | null;
  createdBy: string;
  now: Date;
}

/** Adds the next version of the case's plan (the caller holds the case row lock, so versions never collide). */
export async function insertPlanVersion(tx: Db, p: NewPlan): Promise<RehabPlanRow> {
  const [row] = await tx
    .insert(rehabPlans)
    .values({
      caseId: p.caseId,
      version: sql`(select coalesce(max(${rehabPlans.version}), 0) + 1 from ${rehabPlans} where ${rehabPlans.caseId} = ${p.caseId})`,
      startsOn: p.startsOn,
      phases: p.phases,
      exercises: p.exercises,
      stopIf: p.stopIf,
      competitionDate: p.competitionDate,
      checkInWeeks: p.checkInWeeks,
      templateId: p.templateId,
      createdBy: p.createdBy,
      createdAt: p.now,
    })
    .returning();
  return row;
}

/**
 * The case's check-in schedule follows the new plan: check-ins not yet mailed nor answered are dropped, and one row
 * per due time is added (a time already taken by a mailed or answered check-in is kept as it is). Returns the rows
 * added.
 */
export async function replaceSchedule(tx: Db, caseId: string, planId: string, dueAts: Date[]): Promise<{ id: string; dueAt: Date }[]> {
  await tx.delete(checkIns).where(and(eq(checkIns.caseId, caseId), isNull(checkIns.sentAt), isNull(checkIns.submittedAt)));
  if (dueAts.length === 0) return [];
  return tx
    .insert(checkIns)
    .values(dueAts.map((dueAt) => ({ caseId, planId, dueAt })))
    .onConflictDoNothing({ target: [checkIns.caseId, checkIns.dueAt] })
    .returning({ id: checkIns.id, dueAt: checkIns.dueAt });
}

/** Every check-in of the case, scheduled and answered, in due order. */
export async function listCheckInsOfCase(db: Db, caseId: string): Promise<CheckInRow[]> {
  return db.select().from(checkIns).where(eq(checkIns.caseId, caseId)).orderBy(asc(checkIns.dueAt));
}

export interface CheckInAnswers {
  painNow: number;
  painWorst: number;
  psfs: PsfsItem[];
  globalChange: number;
  trainingStatus: TrainingStatus;
  redFlags: Record<string, boolean>;
  worse: boolean;
}

/** Stores the answers once: false when the check-in was already submitted (the conditional update finds nothing). */
export async function recordCheckInAnswers(tx: Db, checkInId: string, a: CheckInAnswers, now: Date): Promise<boolean> {
  const rows = await tx
    .update(checkIns)
    .set({ ...a, submittedAt: now, draft: null, draftSavedAt: null })
    .where(and(eq(checkIns.id, checkInId), isNull(checkIns.submittedAt)))
    .returning({ id: checkIns.id });
  return rows.length > 0;
}

/** The case's last submitted check-in due before `dueAt` (what a new check-in is compared with), or null. */
export async function previousSubmittedCheckIn(db: Db, caseId: string, dueAt: Date): Promise<CheckInRow | null> {
  const [row] = await db
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.caseId, caseId), isNotNull(checkIns.submittedAt), lt(checkIns.dueAt, dueAt)))
    .orderBy(desc(checkIns.dueAt))
    .limit(1);
  return row ?? null;
}

/**
 * Puts a decided case back in the queue: in review with its assignee (new, in the pool, without one), a fresh SLA
 * due time from `slaMinutes` and its breach alert re-armed. Only a case that is decided and not closed moves; an
 * open or closed case is left as it is (null). The caller holds the row lock.
 */
export async function reopenDecidedCase(tx: Db, caseId: string, now: Date, slaMinutes: number): Promise<CaseStatus | null> {
  const [row] = await tx
    .update(cases)
    .set({
      status: sql`case when ${cases.assignedClinicianId} is null then 'submitted' else 'in_review' end`,
      slaDueAt: new Date(now.getTime() + slaMinutes * 60_000),
      breachAlertedAt: null,
      updatedAt: now,
    })
    .where(and(eq(cases.id, caseId), notInArray(cases.status, [...OPEN_STATUSES, 'closed'])))
    .returning({ status: cases.status });
  return row?.status ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Jobs: each mail once, claimed by a conditional update

/** Check-ins due by `now` and not mailed yet, of cases that are not closed (at most `limit`). */
export async function listCheckInsDueToSend(db: Db, now: Date, limit = 200): Promise<string[]> {
  const rows = await db
    .select({ id: checkIns.id })
    .from(checkIns)
    .innerJoin(cases, eq(cases.id, checkIns.caseId))
    .where(and(isNull(checkIns.sentAt), isNull(checkIns.submittedAt), lte(checkIns.dueAt, now), ne(cases.status, 'closed')))
    .orderBy(asc(checkIns.dueAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Claims the check-in's first mail: true once while it is unsent and unanswered, false for every later call. */
export async function claimCheckInSend(tx: Db, id: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(checkIns)
    .set({ sentAt: now })
    .where(and(eq(checkIns.id, id), isNull(checkIns.sentAt), isNull(checkIns.submittedAt)))
    .returning({ id: checkIns.id });
  return rows.length > 0;
}

/** Check-ins mailed before `sentBefore`, still unanswered and not reminded yet, of cases that are not closed. */
export async function listCheckInsDueReminder(db: Db, sentBefore: Date, limit = 200): Promise<string[]> {
  const rows = await db
    .select({ id: checkIns.id })
    .from(checkIns)
    .innerJoin(cases, eq(cases.id, checkIns.caseId))
    .where(and(isNull(checkIns.submittedAt), isNull(checkIns.remindedAt), lte(checkIns.sentAt, sentBefore), ne(cases.status, 'closed')))
    .orderBy(asc(checkIns.dueAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Claims the check-in's one reminder: true once while it is mailed, unanswered and unreminded. */
export async function claimCheckInReminder(tx: Db, id: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(checkIns)
    .set({ remindedAt: now })
    .where(and(eq(checkIns.id, id), isNotNull(checkIns.sentAt), isNull(checkIns.submittedAt), isNull(checkIns.remindedAt)))
    .returning({ id: checkIns.id });
  return rows.length > 0;
}

/** What a check-in mail needs: where to send it, whom to greet, which case and check-in the link opens. */
export async function getCheckInMailView(db: Db, id: string) {
  const [row] = await db
    .select({ id: checkIns.id, caseId: checkIns.caseId, dueAt: checkIns.dueAt, patientId: cases.patientId, email: users.email, name: patientName() })
    .from(checkIns)
    .innerJoin(cases, eq(cases.id, checkIns.caseId))
    .innerJoin(users, eq(users.id, cases.patientId))
    .leftJoin(patientProfiles, eq(patientProfiles.userId, cases.patientId))
    .where(eq(checkIns.id, id));
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Plan templates (kept by an admin, like the advice templates)

export async function listPlanTemplates(db: Db, opts: { activeOnly: boolean }): Promise<PlanTemplateRow[]> {
  return db
    .select()
    .from(rehabPlanTemplates)
    .where(opts.activeOnly ? eq(rehabPlanTemplates.active, true) : undefined)
    .orderBy(asc(rehabPlanTemplates.title));
}

export async function findPlanTemplates(db: Db, ids: string[]): Promise<PlanTemplateRow[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  return db.select().from(rehabPlanTemplates).where(inArray(rehabPlanTemplates.id, valid));
}

/** Creates or edits a template; titles are unique (23505 → the caller reports "title taken"). Null: no such id. */
export async function savePlanTemplate(
  db: Db,
  t: PlanTemplateInput,
): Promise<PlanTemplateRow | null> {
  const values = { title: t.title, phases: t.phases, exercises: t.exercises, stopIf: t.stopIf, checkInWeeks: t.checkInWeeks, active: t.active };
  if (t.id) {
    const [row] = await db
      .update(rehabPlanTemplates)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(rehabPlanTemplates.id, t.id))
      .returning();
    return row ?? null;
  }
  const [row] = await db.insert(rehabPlanTemplates).values(values).returning();
  return row;
}

/** One check-in of the patient's own case with the current intake's answers (for its form); null when not theirs. */
export async function findCheckInOfPatient(db: Db, checkInId: string, patientId: string) {
  if (!isUuid(checkInId)) return null;
  const [row] = await db
    .select({ checkIn: checkIns, caseStatus: cases.status, submission: intakeVersions.submission })
    .from(checkIns)
    .innerJoin(cases, eq(cases.id, checkIns.caseId))
    .innerJoin(intakeVersions, and(eq(intakeVersions.caseId, cases.id), eq(intakeVersions.version, cases.currentVersion)))
    .where(and(eq(checkIns.id, checkInId), eq(cases.patientId, patientId)));
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Outcomes across the team (the admin's workload page: numbers only, no clinical content per patient)

export interface OutcomeMeasurePoint {
  caseId: string;
  clinicianId: string | null;
  /** The intake's pain now (current intake version); null when the intake has none. */
  baselinePain: number | null;
  /** The first day of the case's FIRST plan version: weeks are counted from when rehab began. */
  planStartedOn: string;
  dueAt: Date;
  painNow: number;
}

/**
 * Every answered check-in with what the team outcome figures compare it with (lib/outcomes/outcome-shares.ts): the
 * case's assignee, its intake pain and the day its first plan started. Closed cases count too (their outcomes happened).
 */
export async function listOutcomeMeasurePoints(db: Db): Promise<OutcomeMeasurePoint[]> {
  const firstPlan = db
    .select({ caseId: rehabPlans.caseId, startsOn: sql<string>`min(${rehabPlans.startsOn})::text`.as('first_starts_on') })
    .from(rehabPlans)
    .groupBy(rehabPlans.caseId)
    .as('first_plan');
  const rows = await db
    .select({
      caseId: cases.id,
      clinicianId: cases.assignedClinicianId,
      baselinePain: sql<string | null>`${intakeVersions.submission} -> 'complaint' ->> 'painNow'`,
      planStartedOn: firstPlan.startsOn,
      dueAt: checkIns.dueAt,
      painNow: checkIns.painNow,
    })
    .from(checkIns)
    .innerJoin(cases, eq(cases.id, checkIns.caseId))
    .innerJoin(firstPlan, eq(firstPlan.caseId, cases.id))
    .innerJoin(intakeVersions, and(eq(intakeVersions.caseId, cases.id), eq(intakeVersions.version, cases.currentVersion)))
    .where(and(isNotNull(checkIns.submittedAt), isNotNull(checkIns.painNow)))
    .orderBy(asc(cases.id), asc(checkIns.dueAt));
  return rows.map((r) => {
    const pain = r.baselinePain === null ? NaN : Number(r.baselinePain);
    return { ...r, baselinePain: Number.isInteger(pain) ? pain : null, painNow: r.painNow!, planStartedOn: r.planStartedOn };
  });
}

/**
 * Autosave of the patient's unsent answers to one check-in of their own case while it is open (mailed or due) and
 * not submitted. Returns the time saved, or null: not theirs, not open yet, or already submitted.
 */
export async function saveCheckInDraft(db: Db, checkInId: string, patientId: string, draft: Record<string, unknown>, now: Date): Promise<Date | null> {
  if (!isUuid(checkInId)) return null;
  const ownCase = db.select({ id: cases.id }).from(cases).where(eq(cases.patientId, patientId));
  const rows = await db
    .update(checkIns)
    .set({ draft, draftSavedAt: now })
    .where(
      and(
        eq(checkIns.id, checkInId),
        inArray(checkIns.caseId, ownCase),
        isNull(checkIns.submittedAt),
        or(isNotNull(checkIns.sentAt), lte(checkIns.dueAt, now)),
      ),
    )
    .returning({ savedAt: checkIns.draftSavedAt });
  return rows[0]?.savedAt ?? null;
}
