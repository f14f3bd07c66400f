import 'server-only';
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { caseEvents, cases, clinicianProfiles, intakeVersions, slaPolicies, triageAssessments, users } from '@/db/schema';
import { caseReadableBy, clinicianScopeOf } from './case-scope';
import type { MriFinding, TriageReason, UnreadMriSentence } from '@/lib/triage';
import { OPEN_STATUSES, type CaseStatus, type Urgency } from '@/lib/domain/case';
import type { ClinicalArea } from '@/lib/domain/areas';
import type { ActorRef } from '@/lib/domain/actor';
import { isUuid } from '@/lib/domain/ids';

/**
 * Scope in the WHERE clause: a patient sees their own cases; an active clinician also the cases in their scope
 * (CONTRACTS §4c, db/queries/case-scope.ts). An admin without the clinician role sees no clinical content.
 * Everyone else gets nothing (the route answers 404, never 403).
 */
async function visibleTo(db: Db, viewer: ActorRef) {
  const own = eq(cases.patientId, viewer.id);
  if (!viewer.roles.includes('clinician')) return own;
  return or(own, caseReadableBy(await clinicianScopeOf(db, viewer.id)));
}

export interface CaseWithIntake {
  case: typeof cases.$inferSelect;
  version: { id: string; version: number; submission: unknown; createdAt: Date };
  assessment: { urgency: Urgency; reasons: TriageReason[]; mriFindings: MriFinding[]; unreadMri: UnreadMriSentence[]; createdAt: Date } | null;
  patient: { id: string; email: string; name: string | null };
}

/** The case with its current intake version and that version's assessment, or null when not visible to `viewer`. */
export async function findCaseWithIntake(db: Db, viewer: ActorRef, caseId: string): Promise<CaseWithIntake | null> {
  if (!isUuid(caseId)) return null;
  const [row] = await db
    .select({
      case: cases,
      version: {
        id: intakeVersions.id,
        version: intakeVersions.version,
        submission: intakeVersions.submission,
        createdAt: intakeVersions.createdAt,
      },
      patient: { id: users.id, email: users.email, name: users.name },
    })
    .from(cases)
    .innerJoin(intakeVersions, and(eq(intakeVersions.caseId, cases.id), eq(intakeVersions.version, cases.currentVersion)))
    .innerJoin(users, eq(users.id, cases.patientId))
    .where(and(eq(cases.id, caseId), await visibleTo(db, viewer)))
    .limit(1);
  if (!row) return null;
  const [assessment] = await db
    .select({
      urgency: triageAssessments.urgency,
      reasons: triageAssessments.reasons,
      mriFindings: triageAssessments.mriFindings,
      unreadMri: triageAssessments.unreadMri,
      createdAt: triageAssessments.createdAt,
    })
    .from(triageAssessments)
    .where(eq(triageAssessments.intakeVersionId, row.version.id))
    .limit(1);
  return {
    ...row,
    assessment: assessment
      ? {
          urgency: assessment.urgency,
          reasons: assessment.reasons as TriageReason[],
          mriFindings: assessment.mriFindings as MriFinding[],
          unreadMri: assessment.unreadMri as UnreadMriSentence[],
          createdAt: assessment.createdAt,
        }
      : null,
  };
}

export interface PatientCaseListItem {
  id: string;
  status: CaseStatus;
  urgency: Urgency;
  regions: string[];
  submittedAt: Date;
  updatedAt: Date;
}

/** A patient's own cases, newest first. */
export async function listCasesOfPatient(db: Db, patientId: string): Promise<PatientCaseListItem[]> {
  return db
    .select({
      id: cases.id,
      status: cases.status,
      urgency: cases.urgency,
      regions: cases.regions,
      submittedAt: cases.submittedAt,
      updatedAt: cases.updatedAt,
    })
    .from(cases)
    .where(eq(cases.patientId, patientId))
    .orderBy(desc(cases.submittedAt), desc(cases.id));
}

export interface RoutingCandidate {
  id: string;
  email: string;
  name: string;
  areas: ClinicalArea[];
  capacity: number;
  onCall: boolean;
  active: boolean;
  openCases: number;
}

/**
 * Active clinicians with their current number of open cases (OPEN_STATUSES count against capacity), for `routeCase`
 * and for notifications.
 */
export async function listRoutingCandidates(db: Db): Promise<RoutingCandidate[]> {
  const open = db
    .select({ clinicianId: cases.assignedClinicianId, n: sql<number>`count(*)::int`.as('n') })
    .from(cases)
    .where(inArray(cases.status, OPEN_STATUSES))
    .groupBy(cases.assignedClinicianId)
    .as('open_counts');
  const rows = await db
    .select({
      id: clinicianProfiles.userId,
      email: users.email,
      name: clinicianProfiles.displayName,
      areas: clinicianProfiles.areas,
      capacity: clinicianProfiles.capacity,
      onCall: clinicianProfiles.onCall,
      active: clinicianProfiles.active,
      openCases: sql<number>`coalesce(${open.n}, 0)::int`,
    })
    .from(clinicianProfiles)
    .innerJoin(users, eq(users.id, clinicianProfiles.userId))
    .leftJoin(open, eq(open.clinicianId, clinicianProfiles.userId))
    .where(and(eq(clinicianProfiles.active, true), sql`'clinician' = any(${users.roles})`))
    .orderBy(asc(clinicianProfiles.userId));
  return rows.map((r) => ({ ...r, areas: r.areas as ClinicalArea[], openCases: Number(r.openCases) }));
}

const DEFAULT_SLA_MINUTES: Record<Urgency, number> = { emergency: 60, urgent: 1440, routine: 4320 };

/** SLA minutes for an urgency (admin-editable table; the seeded defaults if a row is missing). */
export async function slaMinutesFor(db: Db, urgency: Urgency): Promise<number> {
  const [row] = await db.select({ minutes: slaPolicies.minutes }).from(slaPolicies).where(eq(slaPolicies.urgency, urgency)).limit(1);
  return row?.minutes ?? DEFAULT_SLA_MINUTES[urgency];
}

export interface NewSubmittedCase {
  patientId: string;
  urgency: Urgency;
  urgencyRank: number;
  assignedClinicianId: string | null;
  regions: readonly string[];
  areas: readonly string[];
  now: Date;
  submission: unknown;
  reasons: unknown;
  mriFindings: unknown;
  /** The report sentences the engine could not read (CONTRACTS §3 v2 `unreadMri`); [] without a report. */
  unreadMri: unknown;
  eventPayload: Record<string, unknown>;
  /**
   * An emergency raised from the safety step before the rest of the intake: marked incomplete, and the draft is
   * kept (the patient goes on filling it in, and submitting it completes this case).
   */
  incomplete?: boolean;
}

/**
 * Writes a new case with its intake version 1, its triage assessment and its 'submitted' event, and removes the
 * patient's draft, in ONE statement (data-modifying CTEs). Submission is the hot path: on PGlite every round trip
 * holds the single connection, so four inserts and a delete as one statement keep the queue moving. The SLA due
 * time is computed from sla_policies in the same statement (seeded defaults when a row is missing).
 */
export async function insertSubmittedCase(tx: Db, c: NewSubmittedCase): Promise<{ id: string; slaDueAt: Date }> {
  const now = c.now.toISOString();
  const result = await tx.execute(sql`
    WITH new_case AS (
      INSERT INTO cases (patient_id, status, urgency, urgency_rank, assigned_clinician_id, regions, areas, submitted_at, sla_due_at, current_version, updated_at, incomplete)
      VALUES (
        ${c.patientId}, 'submitted', ${c.urgency}, ${c.urgencyRank}, ${c.assignedClinicianId},
        ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(c.regions)}::jsonb)),
        ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(c.areas)}::jsonb)),
        ${now}::timestamptz,
        ${now}::timestamptz + make_interval(mins => coalesce((SELECT minutes FROM sla_policies WHERE urgency = ${c.urgency}), ${DEFAULT_SLA_MINUTES[c.urgency]})),
        1, ${now}::timestamptz, ${c.incomplete ?? false}
      )
      RETURNING id, sla_due_at
    ), new_version AS (
      INSERT INTO intake_versions (case_id, version, submission, created_at)
      SELECT id, 1, ${JSON.stringify(c.submission)}::jsonb, ${now}::timestamptz FROM new_case
      RETURNING id, case_id
    ), new_assessment AS (
      INSERT INTO triage_assessments (case_id, intake_version_id, urgency, reasons, mri_findings, unread_mri, created_at)
      SELECT case_id, id, ${c.urgency}, ${JSON.stringify(c.reasons)}::jsonb, ${JSON.stringify(c.mriFindings)}::jsonb, ${JSON.stringify(c.unreadMri)}::jsonb, ${now}::timestamptz FROM new_version
    ), new_event AS (
      INSERT INTO case_events (case_id, actor_id, kind, to_status, payload, created_at)
      SELECT id, ${c.patientId}, ${c.incomplete ? 'emergency_reported' : 'submitted'}, 'submitted', ${JSON.stringify(c.eventPayload)}::jsonb, ${now}::timestamptz FROM new_case
    )${
      c.incomplete
        ? sql`, linked_draft AS (
      UPDATE intake_drafts SET emergency_case_id = (SELECT id FROM new_case) WHERE patient_id = ${c.patientId}
    )`
        : sql`, dropped_draft AS (
      DELETE FROM intake_drafts WHERE patient_id = ${c.patientId}
    )`
    }
    SELECT id, sla_due_at FROM new_case`);
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as { id: string; sla_due_at: Date | string }[];
  const row = rows[0];
  if (!row) throw new Error('insertSubmittedCase: the case row was not created');
  return { id: row.id, slaDueAt: new Date(row.sla_due_at) };
}

/**
 * The alert an emergency raised from the safety step sent (its 'emergency_reported' event) with the case's creation
 * time; null when the case is not this patient's or has no such event.
 */
export async function findEmergencyAlert(tx: Db, patientId: string, caseId: string): Promise<{ submittedAt: Date; payload: Record<string, unknown> | null } | null> {
  const [row] = await tx
    .select({ submittedAt: cases.submittedAt, payload: caseEvents.payload })
    .from(cases)
    .innerJoin(caseEvents, and(eq(caseEvents.caseId, cases.id), eq(caseEvents.kind, 'emergency_reported')))
    .where(and(eq(cases.id, caseId), eq(cases.patientId, patientId)))
    .limit(1);
  return row ?? null;
}
