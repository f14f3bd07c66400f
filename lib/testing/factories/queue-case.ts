/**
 * Test and benchmark factory for the queue: a submitted case inserted directly (with an intake version and a triage
 * assessment), so queue tests do not depend on the intake wizard. People come from ./people.
 */
import type { Db } from '@/db/client';
import { cases, intakeVersions, triageAssessments } from '@/db/schema';
import type { MriFinding, TriageReason, UnreadMriSentence } from '@/lib/triage';
import { URGENCY_RANK, type CaseStatus, type Urgency } from '@/lib/domain/case';

export interface CaseFactoryInput {
  patientId: string;
  urgency?: Urgency;
  status?: CaseStatus;
  assignedClinicianId?: string | null;
  regions?: string[];
  areas?: string[];
  submittedAt?: Date;
  slaDueAt?: Date;
  summary?: string;
  reasons?: TriageReason[];
  mriFindings?: MriFinding[];
  unreadMri?: UnreadMriSentence[];
  mriReport?: string;
  /** The intake's training section (e.g. psfsActivities for the check-in form). */
  training?: Record<string, unknown>;
}

export async function makeCase(db: Db, o: CaseFactoryInput) {
  const urgency = o.urgency ?? 'routine';
  const submittedAt = o.submittedAt ?? new Date();
  const [c] = await db
    .insert(cases)
    .values({
      patientId: o.patientId,
      urgency,
      urgencyRank: URGENCY_RANK[urgency],
      status: o.status ?? 'submitted',
      assignedClinicianId: o.assignedClinicianId ?? null,
      regions: o.regions ?? ['upper_back_right'],
      areas: o.areas ?? ['upper_back'],
      submittedAt,
      slaDueAt: o.slaDueAt ?? new Date(submittedAt.getTime() + 72 * 3600_000),
    })
    .returning();
  const submission = {
    patient: { name: 'Pat Patient', dateOfBirth: '1990-05-01', timezone: 'UTC', phone: '+447700900123', mayCall: true },
    complaint: { summary: o.summary ?? 'Pain near my right shoulder blade after deadlifts.', regions: o.regions ?? ['upper_back_right'], onsetType: 'gradual', painNow: 4, painWorst: 7, aggravating: ['deep_breath'] },
    imaging: o.mriReport ? { mriReport: o.mriReport } : undefined,
    training: o.training,
    redFlags: {},
    consent: { privacy: true, notForEmergencies: true },
  };
  const [v] = await db.insert(intakeVersions).values({ caseId: c.id, version: 1, submission }).returning();
  await db.insert(triageAssessments).values({ caseId: c.id, intakeVersionId: v.id, urgency, reasons: o.reasons ?? [], mriFindings: o.mriFindings ?? [], unreadMri: o.unreadMri ?? [] });
  return c;
}
