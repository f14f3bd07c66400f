import 'server-only';
import type { Db } from '@/db';
import { findCheckInOfPatient, findCurrentPlan, findOutcomesCase, listCheckInsOfCase, type CheckInRow, type RehabPlanRow } from '@/db/queries/outcomes';
import { audit } from '@/lib/audit';
import type { ActorRef } from '@/lib/domain/actor';
import type { OutcomeTrend } from '@/lib/domain/outcomes';
import { baselinePainOf, psfsActivitiesOf } from './schedule';
import { trend } from './thresholds';
import { checkInDraftSchema, type CheckInDraft, type CheckInInput } from '@/lib/validation/outcomes';

export interface CaseOutcomes {
  caseId: string;
  patientId: string;
  plan: RehabPlanRow | null;
  checkIns: CheckInRow[];
  trend: OutcomeTrend | null;
  /** The intake's pain now: the baseline before the first check-in (for the chart). */
  baselinePain: number | null;
  /** What the check-in form asks the patient to score (lib/outcomes/schedule.ts psfsActivitiesOf). */
  psfsActivities: string[];
}

/**
 * The case's plan, check-ins and trend for `viewer`: the case's patient or a clinician whose scope covers the case
 * (db/queries/outcomes.ts). Anyone else — or a case that does not exist — gets null (the route answers 404). The
 * read and its audit row (allowed or denied) share one transaction.
 */
export async function readOutcomes(db: Db, viewer: ActorRef, caseId: string): Promise<CaseOutcomes | null> {
  return db.transaction(async (tx) => {
    const kase = await findOutcomesCase(tx, viewer, caseId);
    await audit(
      { actor: viewer, action: 'outcomes.view', resourceType: 'case', resourceId: caseId.slice(0, 100), patientId: kase?.patientId ?? null, outcome: kase ? 'allowed' : 'denied' },
      tx,
    );
    if (!kase) return null;
    const [plan, checkIns] = [await findCurrentPlan(tx, kase.id), await listCheckInsOfCase(tx, kase.id)];
    const baselinePain = baselinePainOf(kase.submission);
    return {
      caseId: kase.id,
      patientId: kase.patientId,
      plan,
      checkIns,
      trend: trend(checkIns, baselinePain === null ? null : { painNow: baselinePain }),
      baselinePain,
      psfsActivities: psfsActivitiesOf(kase.submission),
    };
  });
}

/** GET /api/cases/:id/outcomes body (CONTRACTS §6; the plan carries more than the contract's minimum). */
export function outcomesJson(o: CaseOutcomes) {
  const p = o.plan;
  return {
    plan: p
      ? {
          version: p.version,
          startsOn: p.startsOn,
          phases: p.phases,
          exercises: p.exercises,
          stopIf: p.stopIf,
          ...(p.competitionDate ? { competitionDate: p.competitionDate } : {}),
          checkInWeeks: p.checkInWeeks,
          createdAt: p.createdAt.toISOString(),
        }
      : null,
    checkIns: o.checkIns.map((c) => ({
      id: c.id,
      dueAt: c.dueAt.toISOString(),
      submittedAt: c.submittedAt?.toISOString() ?? null,
      painNow: c.painNow,
      painWorst: c.painWorst,
      psfs: c.psfs ?? [],
      globalChange: c.globalChange,
      trainingStatus: c.trainingStatus,
      redFlags: c.redFlags,
      worse: c.worse,
    })),
    trend: o.trend,
    baselinePain: o.baselinePain,
    psfsActivities: o.psfsActivities,
  };
}

export interface CheckInForm {
  id: string;
  caseId: string;
  dueAt: Date;
  submittedAt: Date | null;
  /** The form may be filled in: mailed or due, not answered yet. */
  open: boolean;
  psfsActivities: string[];
  /** What the plan says to stop for (shown beside the safety questions). */
  stopIf: string | null;
  /** The autosaved unsent answers, while the check-in is open. */
  draft: CheckInDraft | null;
  draftSavedAt: Date | null;
  /** What the patient sent, once submitted (the page shows it read-only). */
  answers: CheckInInput | null;
}

/** The stored draft, read through its schema: a row that does not fit is dropped rather than shown. */
function draftOf(c: CheckInRow): CheckInDraft | null {
  if (c.submittedAt || !c.draft) return null;
  const parsed = checkInDraftSchema.safeParse(c.draft);
  return parsed.success ? parsed.data : null;
}

function answersOf(c: CheckInRow): CheckInInput | null {
  if (!c.submittedAt || c.painNow === null || c.painWorst === null || c.globalChange === null || !c.trainingStatus) return null;
  return { painNow: c.painNow, painWorst: c.painWorst, psfs: c.psfs ?? [], globalChange: c.globalChange, trainingStatus: c.trainingStatus, redFlags: (c.redFlags ?? {}) as CheckInInput['redFlags'] };
}

/**
 * One check-in of the patient's own case, for its form page: whether it is open, the activities the PSFS scores and
 * the plan's stop-if text. Null (404) for anyone but the case's patient. Audited with its read.
 */
export async function readCheckInForPatient(db: Db, patient: ActorRef, checkInId: string, now: Date = new Date()): Promise<CheckInForm | null> {
  return db.transaction(async (tx) => {
    const found = await findCheckInOfPatient(tx, checkInId, patient.id);
    await audit(
      { actor: patient, action: 'check_in.view', resourceType: 'check_in', resourceId: checkInId.slice(0, 100), patientId: found ? patient.id : null, outcome: found ? 'allowed' : 'denied' },
      tx,
    );
    if (!found) return null;
    const c = found.checkIn;
    const plan = await findCurrentPlan(tx, c.caseId);
    return {
      id: c.id,
      caseId: c.caseId,
      dueAt: c.dueAt,
      submittedAt: c.submittedAt,
      open: !c.submittedAt && (c.sentAt !== null || c.dueAt <= now),
      psfsActivities: psfsActivitiesOf(found.submission),
      stopIf: plan?.stopIf ?? null,
      draft: draftOf(c),
      draftSavedAt: c.submittedAt ? null : c.draftSavedAt,
      answers: answersOf(c),
    };
  });
}
