import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import {
  cases,
  clinicianProfiles,
  intakeVersions,
  slaPolicies,
  triageAssessments,
  users,
  type CaseStatus,
  type CaseUrgency,
  type Role,
} from '@/db/schema';
import type { ClinicalArea, MriFinding, TriageReason } from '@/lib/triage';

/** Cases still waiting for the team's first answer; they count against a clinician's capacity when routing. */
export const OPEN_CASE_STATUSES: CaseStatus[] = ['submitted', 'in_review'];

export interface IntakeViewer {
  id: string;
  roles: readonly Role[];
}

const isStaffViewer = (v: IntakeViewer) => v.roles.includes('clinician') || v.roles.includes('admin');

/**
 * Ownership scope in the WHERE clause: a patient sees only their own cases; clinicians and admins see any.
 * Everyone else gets nothing (the route answers 404, never 403).
 */
function visibleTo(viewer: IntakeViewer) {
  return isStaffViewer(viewer) ? sql`true` : eq(cases.patientId, viewer.id);
}

export interface CaseWithIntake {
  case: typeof cases.$inferSelect;
  version: { id: string; version: number; submission: unknown; createdAt: Date };
  assessment: { urgency: CaseUrgency; reasons: TriageReason[]; mriFindings: MriFinding[]; createdAt: Date } | null;
  patient: { id: string; email: string; name: string | null };
}

/** The case with its current intake version and that version's assessment, or null when not visible to `viewer`. */
export async function findCaseWithIntake(db: Db, viewer: IntakeViewer, caseId: string): Promise<CaseWithIntake | null> {
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
    .where(and(eq(cases.id, caseId), visibleTo(viewer)))
    .limit(1);
  if (!row) return null;
  const [assessment] = await db
    .select({
      urgency: triageAssessments.urgency,
      reasons: triageAssessments.reasons,
      mriFindings: triageAssessments.mriFindings,
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
          createdAt: assessment.createdAt,
        }
      : null,
  };
}

export interface PatientCaseListItem {
  id: string;
  status: CaseStatus;
  urgency: CaseUrgency;
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

export async function patientHasCase(db: Db, patientId: string): Promise<boolean> {
  const [row] = await db.select({ id: cases.id }).from(cases).where(eq(cases.patientId, patientId)).limit(1);
  return Boolean(row);
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

/** Active clinicians with their current number of open cases, for `routeCase` and for notifications. */
export async function listRoutingCandidates(db: Db): Promise<RoutingCandidate[]> {
  const open = db
    .select({ clinicianId: cases.assignedClinicianId, n: sql<number>`count(*)::int`.as('n') })
    .from(cases)
    .where(inArray(cases.status, OPEN_CASE_STATUSES))
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

const DEFAULT_SLA_MINUTES: Record<CaseUrgency, number> = { emergency: 60, urgent: 1440, routine: 4320 };

/** SLA minutes for an urgency (admin-editable table; the seeded defaults if a row is missing). */
export async function slaMinutesFor(db: Db, urgency: CaseUrgency): Promise<number> {
  const [row] = await db.select({ minutes: slaPolicies.minutes }).from(slaPolicies).where(eq(slaPolicies.urgency, urgency)).limit(1);
  return row?.minutes ?? DEFAULT_SLA_MINUTES[urgency];
}

/** Every version of a case's intake, oldest first (the original is always kept). */
export async function listIntakeVersions(db: Db, caseId: string) {
  return db
    .select({ id: intakeVersions.id, version: intakeVersions.version, createdAt: intakeVersions.createdAt })
    .from(intakeVersions)
    .where(eq(intakeVersions.caseId, caseId))
    .orderBy(asc(intakeVersions.version));
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
