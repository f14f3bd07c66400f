import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db';
import { readJsonBody } from '@/lib/http';
import { refuseFactoryRequest } from '@/lib/testing/factory-route';
import { makeCase } from '@/lib/testing/factories/queue-case';
import { makePatient } from '@/lib/testing/factories/people';
import { assessIntake, RED_FLAG_CODES, type RedFlagCode } from '@/lib/triage';
import { ageOn } from '@/lib/format/age';
import { CASE_STATUSES } from '@/lib/domain/case';

export const dynamic = 'force-dynamic';

const body = z.object({
  patientEmail: z.email().optional(),
  patientName: z.string().min(1).max(100).default('Test Patient'),
  dateOfBirth: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).default('1990-05-01'),
  regions: z.array(z.string()).min(1).default(['upper_back_right']),
  areas: z.array(z.string()).min(1).default(['upper_back']),
  summary: z.string().max(4000).optional(),
  mriReport: z.string().max(20000).optional(),
  redFlags: z.array(z.enum(RED_FLAG_CODES as unknown as [RedFlagCode, ...RedFlagCode[]])).default([]),
  /** SLA due time relative to now, in minutes (negative: already breached). */
  slaDueInMinutes: z.number().int().default(4320),
  /** A decided case, e.g. consult_recommended (the decision itself is the queue's job; this only sets the state). */
  status: z.enum(CASE_STATUSES).optional(),
  /** The intake's training section (the competition date and PSFS activities a plan and its check-ins read). */
  training: z.record(z.string(), z.unknown()).optional(),
});

/**
 * E2E factory (404 unless E2E_FACTORIES): a fresh patient with one submitted case, assessed by the real triage
 * engine, in the pool. Lets browser tests race for a case nobody else touches.
 */
export async function POST(req: Request) {
  const refused = refuseFactoryRequest(req);
  if (refused) return refused;
  const parsed = await readJsonBody(req, body);
  if (!parsed.ok) return parsed.response;
  const b = parsed.data;
  const db = await getDb();
  const age = ageOn(b.dateOfBirth) ?? 30;
  const assessment = assessIntake({ age, redFlags: Object.fromEntries(b.redFlags.map((c) => [c, true])), mriReport: b.mriReport, regions: b.regions });
  const patient = await makePatient(db, { name: b.patientName, dateOfBirth: b.dateOfBirth, email: b.patientEmail });
  const now = Date.now();
  const c = await makeCase(db, {
    patientId: patient.id,
    urgency: assessment.urgency,
    regions: b.regions,
    areas: b.areas,
    summary: b.summary,
    mriReport: b.mriReport,
    reasons: assessment.reasons,
    mriFindings: assessment.mriFindings,
    unreadMri: assessment.unreadMri,
    submittedAt: new Date(now - 30 * 60_000),
    slaDueAt: new Date(now + b.slaDueInMinutes * 60_000),
    status: b.status,
    training: b.training,
  });
  return NextResponse.json({ caseId: c.id, patientId: patient.id, patientEmail: patient.email, urgency: assessment.urgency }, { status: 201 });
}
