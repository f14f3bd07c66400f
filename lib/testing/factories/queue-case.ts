/**
 * Test and benchmark factories for the queue: patients, clinicians and submitted cases inserted directly (with an
 * intake version and a triage assessment), so queue tests do not depend on the intake wizard.
 */
import type { Db } from '@/db/client';
import { cases, clinicianProfiles, intakeVersions, patientProfiles, triageAssessments, users } from '@/db/schema';
import type { MriFinding, TriageReason } from '@/lib/triage';
import { URGENCY_RANK, type CaseStatus, type Urgency } from '@/lib/domain/case';
import type { Role } from '@/lib/domain/roles';

let seq = 0;
const uniq = () => `${Date.now().toString(36)}${(seq++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export async function makeUser(db: Db, o: { name?: string; roles?: Role[]; email?: string } = {}) {
  const [u] = await db
    .insert(users)
    .values({ email: o.email ?? `u-${uniq()}@example.test`, name: o.name ?? 'Test User', roles: o.roles ?? ['patient'] })
    .returning();
  return u;
}

export async function makePatient(db: Db, o: { name?: string; dateOfBirth?: string; email?: string; phone?: string } = {}) {
  const u = await makeUser(db, { name: o.name ?? 'Pat Patient', roles: ['patient'], email: o.email });
  await db
    .insert(patientProfiles)
    .values({ userId: u.id, name: o.name ?? 'Pat Patient', dateOfBirth: o.dateOfBirth ?? '1990-05-01', timezone: 'UTC', phone: o.phone ?? '+447700900123', mayCall: true });
  return u;
}

export async function makeClinician(db: Db, o: { name?: string; areas?: string[]; admin?: boolean; active?: boolean; email?: string } = {}) {
  const u = await makeUser(db, { name: o.name ?? 'Cli Nician', roles: o.admin ? ['clinician', 'admin'] : ['clinician'], email: o.email });
  await db.insert(clinicianProfiles).values({
    userId: u.id,
    displayName: o.name ?? 'Cli Nician',
    areas: o.areas ?? ['upper_back', 'mid_back'],
    active: o.active ?? true,
  });
  return u;
}

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
  mriReport?: string;
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
    redFlags: {},
    consent: { privacy: true, notForEmergencies: true },
  };
  const [v] = await db.insert(intakeVersions).values({ caseId: c.id, version: 1, submission }).returning();
  await db.insert(triageAssessments).values({ caseId: c.id, intakeVersionId: v.id, urgency, reasons: o.reasons ?? [], mriFindings: o.mriFindings ?? [] });
  return c;
}
