import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { auditEvents, cases, intakeVersions, triageAssessments, users } from '@/db/schema';
import { seedAccounts } from '@/db/seed/accounts';
import { rightScapulaIntake } from '@/db/seed/forum-cases';
import { RIGHT_SCAPULA_MRI_REPORT } from '@/lib/triage/mri/corpus';
import { testDbKinds, useTestDb, type TestDb } from '@/lib/testing/db';
import { sameOriginJson } from '@/lib/testing/requests';
import type { Role } from '@/lib/domain/roles';

// The session is the only thing faked: the guards, queries, service and audit run for real.
type SessionUser = { id: string; email: string; name: string | null; roles: Role[]; timezone: string };
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/config', () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3_600_000).toISOString() } : null),
}));

const { POST } = await import('./route');
const { GET: GET_ONE, PUT: PUT_ONE } = await import('./[id]/route');
const { GET: GET_FHIR } = await import('./[id]/fhir/route');
const { breakGlass } = await import('@/lib/cases/break-glass');

const post = (body: unknown) =>
  POST(sameOriginJson('http://test/api/intakes', 'POST', body));
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const getOne = (id: string) => GET_ONE(new Request(`http://test/api/intakes/${id}`), params(id));
const putOne = (id: string, body: unknown) => PUT_ONE(sameOriginJson(`http://test/api/intakes/${id}`, 'PUT', body), params(id));
const getFhir = (id: string) => GET_FHIR(new Request(`http://test/api/intakes/${id}/fhir`), params(id));

async function rowCount(db: TestDb['db']) {
  const n = async (t: typeof cases | typeof intakeVersions | typeof triageAssessments) => Number((await db.select({ n: sql<number>`count(*)::int` }).from(t))[0].n);
  return [await n(cases), await n(intakeVersions), await n(triageAssessments)];
}

describe.each(testDbKinds())('intake API (%s)', (kind) => {
  const t = useTestDb(kind);
  let ids: Map<string, string>;
  const as = (email: string, roles: Role[] = ['patient']) => {
    session.user = { id: ids.get(email)!, email, name: null, roles, timezone: 'UTC' };
  };

  beforeEach(async () => {
    ids = await seedAccounts(t.db);
    for (const email of ['a@example.test', 'b@example.test']) {
      const [u] = await t.db.insert(users).values({ email, roles: ['patient'] }).returning({ id: users.id });
      ids.set(email, u.id);
    }
    session.user = null;
  });

  it('401 when anonymous, for POST and both GETs', async () => {
    expect((await post(rightScapulaIntake())).status).toBe(401);
    expect((await getOne('00000000-0000-4000-8000-000000000000')).status).toBe(401);
    expect((await getFhir('00000000-0000-4000-8000-000000000000')).status).toBe(401);
    expect(await rowCount(t.db)).toEqual([0, 0, 0]);
  });

  it('201 for a patient, with the contract body; the case is readable as JSON and FHIR', async () => {
    as('a@example.test');
    const res = await post(rightScapulaIntake());
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toEqual({ id: expect.any(String), status: 'submitted', urgency: 'routine', assignedClinicianId: ids.get('clinician@demo.test') });

    const one = await getOne(body.id);
    expect(one.status).toBe(200);
    const json = await one.json();
    expect(json).toMatchObject({ id: body.id, status: 'submitted', urgency: 'routine', version: 1, regions: ['upper_back_right', 'mid_back'] });
    expect(json.submission.imaging.mriReport).toBe(RIGHT_SCAPULA_MRI_REPORT);
    expect(json.assessment.mriFindings.map((f: { code: string }) => f.code)).toContain('modic_1');

    const fhir = await getFhir(body.id);
    expect(fhir.status).toBe(200);
    expect(fhir.headers.get('content-type')).toContain('application/fhir+json');
    const qr = await fhir.json();
    expect(qr).toMatchObject({ resourceType: 'QuestionnaireResponse', status: 'completed', subject: { reference: `Patient/${ids.get('a@example.test')}` } });
    expect(Date.parse(qr.authored)).not.toBeNaN();
  });

  it('400 invalid_intake with field paths, and nothing stored', async () => {
    as('a@example.test');
    const bad = rightScapulaIntake() as unknown as Record<string, Record<string, unknown>>;
    bad.complaint.painNow = 12;
    bad.complaint.regions = ['elbow_middle'];
    const res = await post(bad);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe('invalid_intake');
    expect(Object.keys(body.fieldErrors).sort()).toEqual(['complaint.painNow', 'complaint.regions.0']);
    expect((await post({ ...rightScapulaIntake(), isAdmin: true })).status).toBe(400);
    expect((await post('{not json')).status).toBe(400);
    expect(await rowCount(t.db)).toEqual([0, 0, 0]);
  });

  it("404 (never 403) for another patient's intake, JSON and FHIR, with the denial audited; clinicians in scope read it", async () => {
    as('a@example.test');
    const { id } = await (await post(rightScapulaIntake())).json();

    as('b@example.test');
    const denied = await getOne(id);
    expect(denied.status).toBe(404);
    const deniedText = await denied.text();
    expect(deniedText).not.toContain('Modic');
    expect((await getFhir(id)).status).toBe(404);
    expect((await getOne('not-a-uuid')).status).toBe(404);
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.actorId, ids.get('b@example.test')!));
    expect(audits.filter((a) => a.outcome === 'denied' && a.resourceId === id)).toHaveLength(2);

    // CONTRACTS §4c: the case is routed to clinician@demo.test (spine); clinician2 covers other areas → 404 until
    // they open it with a reason; the lead covers every area.
    as('clinician@demo.test', ['clinician']);
    expect((await getOne(id)).status).toBe(200);
    as('clinician2@demo.test', ['clinician']);
    expect((await getOne(id)).status).toBe(404);
    expect((await getFhir(id)).status).toBe(404);
    await breakGlass({ id: ids.get('clinician2@demo.test')!, roles: ['clinician'] }, id, 'Covering for Sam while he is away today.');
    expect((await getOne(id)).status).toBe(200);
    as('lead@demo.test', ['clinician', 'admin']);
    expect((await getFhir(id)).status).toBe(200);
    // Staff cannot submit as if they were a patient.
    expect((await post(rightScapulaIntake())).status).toBe(404);

    const reads = await t.db.select().from(auditEvents).where(eq(auditEvents.resourceId, id));
    expect(reads.map((a) => a.action)).toEqual(expect.arrayContaining(['intake.submit', 'intake.view', 'intake.export_fhir']));
  });

  it('PUT adds a new version for the owner only; the submitted version stays as it was', async () => {
    as('a@example.test');
    const { id } = await (await post(rightScapulaIntake())).json();
    const edited = rightScapulaIntake();
    edited.complaint.painNow = 2;
    const res = await putOne(id, edited);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id, version: 2, urgency: 'routine' });
    const json = await (await getOne(id)).json();
    expect(json.version).toBe(2);
    expect(json.submission.complaint.painNow).toBe(2);
    const versions = await t.db.select().from(intakeVersions).where(eq(intakeVersions.caseId, id)).orderBy(intakeVersions.version);
    expect((versions[0].submission as { complaint: { painNow: number } }).complaint.painNow).toBe(6);

    expect((await putOne(id, { ...edited, extra: true })).status).toBe(400);
    as('b@example.test');
    expect((await putOne(id, edited)).status).toBe(404);
    expect((await putOne('nope', edited)).status).toBe(404);
    session.user = null;
    expect((await putOne(id, edited)).status).toBe(401);
  });
});
