import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db';
import { readJsonBody } from '@/lib/http';
import { refuseFactoryRequest } from '@/lib/testing/factory-route';
import { makeCase } from '@/lib/testing/factories/queue-case';
import { makeClinician, makePatient } from '@/lib/testing/factories/people';
import { setPlan } from '@/lib/outcomes/set-plan';
import { rehabPlanSchema } from '@/lib/validation/outcomes';
import { checkInPath } from '@/lib/urls';

export const dynamic = 'force-dynamic';

const DAY = 86_400_000;

const body = z.object({
  patientEmail: z.email().optional(),
  patientName: z.string().min(1).max(100).default('Check-in Tester'),
  /** The activities the patient named at intake (the form's PSFS); [] for none. */
  psfsActivities: z.array(z.string().min(1).max(100)).max(3).default(['Bench press', 'Deadlift from the floor', 'Sleeping on my back']),
  /** The plan started this many days ago: 8 → the week-1 check-in fell due about a day ago, week 2 is not open yet. */
  startedDaysAgo: z.number().int().min(0).max(120).default(8),
});

/**
 * E2E factory (404 unless E2E_FACTORIES): a fresh patient with a decided case (advice sent) assigned to a fresh
 * clinician, and a return-to-training plan set through lib/outcomes setPlan as of `startedDaysAgo` days ago, so the
 * check-ins that fell due since are open for the form (not mailed: the jobs are not run). Answers 201 with the
 * case, the people, and the check-ins in due order with their form paths.
 */
export async function POST(req: Request) {
  const refused = refuseFactoryRequest(req);
  if (refused) return refused;
  const parsed = await readJsonBody(req, body);
  if (!parsed.ok) return parsed.response;
  const b = parsed.data;
  const db = await getDb();
  const clinician = await makeClinician(db, { areas: ['upper_back'] });
  const patient = await makePatient(db, { name: b.patientName, email: b.patientEmail });
  const kase = await makeCase(db, {
    patientId: patient.id,
    status: 'advice_sent',
    assignedClinicianId: clinician.id,
    areas: ['upper_back'],
    training: { sport: 'powerlifting', psfsActivities: b.psfsActivities },
  });
  const started = new Date(Date.now() - b.startedDaysAgo * DAY);
  const startsOn = started.toISOString().slice(0, 10);
  const plan = rehabPlanSchema.parse({
    startsOn,
    phases: [{ title: 'Weeks 1–2: pain-free pulling, no bench', from: startsOn, to: new Date(started.getTime() + 13 * DAY).toISOString().slice(0, 10) }],
    exercises: [{ name: 'Band pull-aparts', sets: 3, reps: '15', loadNotes: 'Light band, no pain' }],
    stopIf: 'Numbness, weakness, or pain above 5/10 that lasts into the next day.',
  });
  const set = await setPlan(db, clinician, kase.id, plan, { now: () => started });
  if (!set.ok) return NextResponse.json({ error: set.reason }, { status: 409 });
  const now = Date.now();
  const checkIns = [...set.checkIns]
    .sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime())
    .map((c) => ({ id: c.id, dueAt: c.dueAt.toISOString(), open: c.dueAt.getTime() <= now, url: checkInPath(kase.id, c.id) }));
  return NextResponse.json(
    { caseId: kase.id, patientId: patient.id, patientEmail: patient.email, clinicianId: clinician.id, clinicianEmail: clinician.email, checkIns },
    { status: 201 },
  );
}
