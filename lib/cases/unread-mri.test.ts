import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { getLatestIntake } from '@/db/queries/cases';
import { listQueue } from '@/db/queries/queue';
import { triageAssessments } from '@/db/schema';
import { seedAccounts } from '@/db/seed/accounts';
import { rightScapulaIntake } from '@/db/seed/forum-cases';
import { testDbKinds, useTestDb, type TestDb } from '@/lib/testing/db';
import { makePatient } from '@/lib/testing/factories/people';
import { CLINICAL_AREAS } from '@/lib/domain/areas';
import { intakeSubmissionSchema } from '@/lib/validation/intake';
import { amendIntake } from './amend-intake';
import { toQueueJson } from './queue-json';
import { intakeJson, readIntakeForViewer } from './read-intake';
import { submitIntake } from './submit-intake';
import { viewCaseForStaff } from './view-case';

const NOW = new Date('2026-11-24T09:00:00Z');
/** A sentence about the spine that yields no finding: the engine must report it as unread. */
const UNREAD = 'A small Tarlov cyst is noted at S2.';
const REPORT = `L4-L5: mild disc bulge. ${UNREAD} The conus terminates normally at L1.`;

function intakeWith(report: string) {
  const s = rightScapulaIntake();
  s.imaging = { mriReport: report };
  return intakeSubmissionSchema.parse(s);
}

async function newPatient(db: TestDb['db']) {
  const p = await makePatient(db);
  return { id: p.id, email: p.email, roles: ['patient' as const] };
}

describe.each(testDbKinds())('unread MRI sentences on %s', (kind) => {
  const t = useTestDb(kind);
  let clinician: { id: string; roles: ['clinician']; name: string };
  beforeEach(async () => {
    const ids = await seedAccounts(t.db);
    clinician = { id: ids.get('clinician@demo.test')!, roles: ['clinician'], name: 'Clinician' };
  });

  it('stores the sentences the engine could not read with the assessment and returns them with the case, to the patient, the reviewer and the queue', async () => {
    const patient = await newPatient(t.db);
    const { id } = await submitIntake(t.db, patient, intakeWith(REPORT), { now: () => NOW });
    const at = REPORT.indexOf(UNREAD);
    const expected = [{ evidence: UNREAD, start: at, end: at + UNREAD.length }];

    const [row] = await t.db.select({ unreadMri: triageAssessments.unreadMri }).from(triageAssessments).where(eq(triageAssessments.caseId, id));
    expect(row.unreadMri).toEqual(expected);

    // GET /api/intakes/:id (the patient's own read) and the patient's case page read it through this.
    const found = await readIntakeForViewer(t.db, patient, id, 'case.view');
    expect(found?.assessment?.unreadMri).toEqual(expected);
    expect(intakeJson(found!).assessment?.unreadMri).toEqual(expected);
    expect(REPORT.slice(expected[0].start, expected[0].end)).toBe(UNREAD);

    // The clinician's case view and the queue row.
    const view = await viewCaseForStaff(clinician, id);
    expect(view?.unreadMri).toEqual(expected);
    const queue = await listQueue(t.db, { viewerId: clinician.id, scope: { userId: clinician.id, areas: [...CLINICAL_AREAS], onCall: true }, assignee: 'any', limit: 10 });
    const item = queue.items.find((i) => i.id === id);
    expect(item?.mriUnread).toBe(1);
    expect(toQueueJson(queue).items.find((i) => i.id === id)?.mriUnread).toBe(1);
  });

  it('gives an amended report its own unread sentences: the case follows the newest version', async () => {
    const patient = await newPatient(t.db);
    const { id } = await submitIntake(t.db, patient, intakeWith(REPORT), { now: () => NOW });
    const amended = await amendIntake(t.db, patient, id, intakeWith('L4-L5: mild disc bulge.'), { now: () => new Date(NOW.getTime() + 60_000) });
    expect(amended).toMatchObject({ ok: true, version: 2 });
    expect((await getLatestIntake(t.db, id))?.assessment?.unreadMri).toEqual([]);
    expect((await readIntakeForViewer(t.db, patient, id, 'case.view'))?.assessment?.unreadMri).toEqual([]);
    const queue = await listQueue(t.db, { viewerId: clinician.id, scope: { userId: clinician.id, areas: [...CLINICAL_AREAS], onCall: true }, assignee: 'any', limit: 10 });
    expect(queue.items.find((i) => i.id === id)?.mriUnread).toBe(0);

    const again = await amendIntake(t.db, patient, id, intakeWith(`${UNREAD} ${UNREAD.replace('S2', 'S3')}`), { now: () => new Date(NOW.getTime() + 120_000) });
    expect(again).toMatchObject({ ok: true, version: 3 });
    expect((await getLatestIntake(t.db, id))?.assessment?.unreadMri).toHaveLength(2);
  });

  it('gives assessments stored before unread sentences were kept an empty list (migration 0014 default)', async () => {
    const patient = await newPatient(t.db);
    const { id } = await submitIntake(t.db, patient, intakeWith(REPORT), { now: () => NOW });
    const [a] = await t.db.select({ versionId: triageAssessments.intakeVersionId }).from(triageAssessments).where(eq(triageAssessments.caseId, id));
    // An insert that does not name the column, as every insert before the migration did.
    await t.db.execute(sql`DELETE FROM triage_assessments WHERE case_id = ${id}`);
    await t.db.execute(sql`INSERT INTO triage_assessments (case_id, intake_version_id, urgency, reasons, mri_findings) VALUES (${id}, ${a.versionId}, 'routine', '[]'::jsonb, '[]'::jsonb)`);
    expect((await readIntakeForViewer(t.db, patient, id, 'case.view'))?.assessment?.unreadMri).toEqual([]);
  });
});
