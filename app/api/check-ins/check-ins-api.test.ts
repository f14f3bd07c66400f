import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { checkIns } from '@/db/schema';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { makeClinician, makePatient, makeUser } from '@/lib/testing/factories/people';
import { makeCase } from '@/lib/testing/factories/queue-case';
import { sameOriginJson } from '@/lib/testing/requests';
import { setPlan } from '@/lib/outcomes/set-plan';
import { rehabPlanSchema } from '@/lib/validation/outcomes';
import { RED_FLAG_CODES } from '@/lib/triage';
import type { Role } from '@/lib/domain/roles';

// The session is the only thing faked: the guards, queries, services and audit run for real.
type SessionUser = { id: string; email: string; name: string | null; roles: Role[]; timezone: string };
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/config', () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3_600_000).toISOString() } : null),
}));

const { POST } = await import('./[id]/route');
const { GET } = await import('../cases/[id]/outcomes/route');
const { GET: GET_FHIR } = await import('../cases/[id]/outcomes/fhir/route');

const DAY = 86_400_000;
const NO_FLAGS = Object.fromEntries(RED_FLAG_CODES.map((c) => [c, false]));
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (id: string, body: unknown) => POST(sameOriginJson(`http://test/api/check-ins/${id}`, 'POST', body), params(id));
const getOutcomes = (id: string) => GET(new Request(`http://test/api/cases/${id}/outcomes`), params(id));
const getFhir = (id: string) => GET_FHIR(new Request(`http://test/api/cases/${id}/outcomes/fhir`), params(id));
const body = (over: Record<string, unknown> = {}) => ({
  painNow: 2,
  painWorst: 4,
  psfs: [{ activity: 'Deadlift from the floor', score: 6 }],
  globalChange: 2,
  trainingStatus: 'modified',
  redFlags: NO_FLAGS,
  ...over,
});

describe.each(testDbKinds())('check-ins API (%s)', (kind) => {
  const t = useTestDb(kind);
  type Person = { id: string; email: string; roles: Role[] };
  const as = (u: Person | null) => {
    session.user = u ? { id: u.id, email: u.email, name: null, roles: [...u.roles], timezone: 'UTC' } : null;
  };
  let patient: Person, clinician: Person, caseId: string, checkInId: string;

  beforeEach(async () => {
    session.user = null;
    clinician = await makeClinician(t.db, { areas: ['upper_back'] });
    patient = await makePatient(t.db);
    const kase = await makeCase(t.db, { patientId: patient.id, status: 'advice_sent', assignedClinicianId: clinician.id, areas: ['upper_back'] });
    caseId = kase.id;
    const started = new Date(Date.now() - 8 * DAY);
    const startsOn = started.toISOString().slice(0, 10);
    const input = rehabPlanSchema.parse({ startsOn, phases: [{ title: 'Weeks 1–2', from: startsOn, to: startsOn }], exercises: [], stopIf: 'Numbness or weakness.' });
    const r = await setPlan(t.db, clinician, caseId, input, { now: () => started });
    if (!r.ok) throw new Error(r.reason);
    const [first] = await t.db.select().from(checkIns).where(eq(checkIns.caseId, caseId)).orderBy(checkIns.dueAt).limit(1);
    checkInId = first!.id;
  });

  it('401 anonymous; 404 for another patient, a clinician out of scope and an admin who is not a clinician', async () => {
    expect((await post(checkInId, body())).status).toBe(401);
    expect((await getOutcomes(caseId)).status).toBe(401);
    const otherPatient = await makePatient(t.db);
    const outOfScope = await makeClinician(t.db, { areas: ['neck'] });
    const admin = await makeUser(t.db, { roles: ['admin'] });
    for (const who of [otherPatient, outOfScope, admin]) {
      as(who);
      expect((await getOutcomes(caseId)).status).toBe(404);
      expect((await post(checkInId, body())).status).toBe(404);
    }
    const [row] = await t.db.select().from(checkIns).where(eq(checkIns.id, checkInId));
    expect(row!.submittedAt).toBeNull();
    const { rows } = await t.executeSql(`select count(*)::int as n from audit_events where action = 'outcomes.view' and outcome = 'denied'`);
    expect(rows[0]!.n).toBe(3);
  });

  it('the patient and the team read the outcomes; the patient submits once (201, then 409)', async () => {
    as(patient);
    const res = await post(checkInId, body());
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ caseUrgency: 'routine', reopened: false });
    const again = await post(checkInId, body());
    expect(again.status).toBe(409);
    expect((await again.json()).error).toBe('already_submitted');

    for (const who of [patient, clinician]) {
      as(who);
      const r = await getOutcomes(caseId);
      expect(r.status).toBe(200);
      const json = await r.json();
      expect(json.plan).toMatchObject({ phases: [{ title: 'Weeks 1–2' }], stopIf: 'Numbness or weakness.' });
      expect(json.checkIns[0]).toMatchObject({ id: checkInId, painNow: 2, painWorst: 4, psfs: [{ activity: 'Deadlift from the floor', score: 6 }], globalChange: 2, trainingStatus: 'modified' });
      expect(json.checkIns[1]).toMatchObject({ submittedAt: null, painNow: null });
      // Intake pain now 4 (the factory) → 2: better by 2 points.
      expect(json.trend).toBe('better');
    }
  });

  it('a clinician cannot answer a check-in (404); 400 with fieldErrors for bad answers', async () => {
    as(clinician);
    expect((await post(checkInId, body())).status).toBe(404);
    as(patient);
    const res = await post(checkInId, body({ painNow: 11, globalChange: -9, trainingStatus: 'sometimes', redFlags: {} }));
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(Object.keys(json.fieldErrors)).toEqual(expect.arrayContaining(['painNow', 'globalChange', 'trainingStatus', 'redFlags.saddle_numbness']));
    expect((await post(checkInId, body({ painNow: 6, painWorst: 3 }))).status).toBe(400);
  });

  it('a worse check-in answers reopened: true', async () => {
    as(patient);
    const res = await post(checkInId, body({ painNow: 7, painWorst: 8, globalChange: -1 }));
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ caseUrgency: 'routine', reopened: true });
  });

  it('the FHIR export: the answered check-ins for the patient and the team, 404 for anyone else', async () => {
    as(patient);
    expect((await post(checkInId, body())).status).toBe(201);
    as(await makePatient(t.db));
    expect((await getFhir(caseId)).status).toBe(404);
    as(clinician);
    const res = await getFhir(caseId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/fhir+json');
    const bundle = await res.json();
    expect(bundle.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType)).toEqual(['QuestionnaireResponse', 'Observation', 'Observation', 'Observation', 'Observation']);
  });
});
