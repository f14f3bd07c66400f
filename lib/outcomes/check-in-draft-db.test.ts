import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { checkIns } from '@/db/schema';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { makeClinician, makePatient } from '@/lib/testing/factories/people';
import { makeCase } from '@/lib/testing/factories/queue-case';
import { checkInSchema, rehabPlanSchema } from '@/lib/validation/outcomes';
import { RED_FLAG_CODES } from '@/lib/triage';
import { setPlan } from './set-plan';
import { submitCheckIn } from './submit-check-in';
import { readCheckInForPatient } from './read-outcomes';
import { saveCheckInDraft } from './save-check-in-draft';

const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);
const NO_FLAGS = Object.fromEntries(RED_FLAG_CODES.map((c) => [c, false]));

describe.each(testDbKinds())('check-in drafts (%s)', (kind) => {
  const t = useTestDb(kind);

  /** A patient whose plan started 8 days ago: week 1 is open (due yesterday), week 2 is not open yet. */
  async function world() {
    const clinician = await makeClinician(t.db, { areas: ['upper_back'] });
    const patient = await makePatient(t.db);
    const kase = await makeCase(t.db, { patientId: patient.id, status: 'advice_sent', assignedClinicianId: clinician.id, areas: ['upper_back'], training: { psfsActivities: ['Bench press', 'Deadlift'] } });
    const started = new Date(Date.now() - 8 * DAY);
    const plan = rehabPlanSchema.parse({ startsOn: day(started), phases: [{ title: 'Weeks 1–2', from: day(started), to: day(new Date(started.getTime() + 13 * DAY)) }], exercises: [], stopIf: 'Numbness or weakness.' });
    const set = await setPlan(t.db, clinician, kase.id, plan, { now: () => started });
    if (!set.ok) throw new Error(set.reason);
    const [open, notYet] = [...set.checkIns].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    return { clinician, patient, kase, open: open!, notYet: notYet! };
  }

  const audits = async (action: string) =>
    (await t.executeSql(`select outcome, patient_id from audit_events where action = $1 order by at, id`, [action])).rows as { outcome: string; patient_id: string | null }[];

  it('the patient saves a draft of their open check-in and reads it back on the next visit (another device), audited', async () => {
    const { patient, open } = await world();
    const draft = { painNow: 3, psfs: [{ activity: 'Bench press', score: 6 }], redFlags: { saddle_numbness: false } };
    const saved = await saveCheckInDraft(t.db, patient, open.id, draft);
    expect(saved?.savedAt).toBeInstanceOf(Date);
    const form = await readCheckInForPatient(t.db, patient, open.id);
    expect(form).toMatchObject({ open: true, draft, psfsActivities: ['Bench press', 'Deadlift'], answers: null });
    expect(form?.draftSavedAt?.getTime()).toBe(saved!.savedAt.getTime());
    expect(await audits('check_in_draft.save')).toEqual([{ outcome: 'allowed', patient_id: patient.id }]);
  });

  it('nobody else saves or reads a patient’s check-in draft: another patient, the case’s own clinician (404, audited as denied)', async () => {
    const { patient, clinician, open } = await world();
    await saveCheckInDraft(t.db, patient, open.id, { painNow: 2 });
    const other = await makePatient(t.db);
    expect(await saveCheckInDraft(t.db, other, open.id, { painNow: 9 })).toBeNull();
    expect(await saveCheckInDraft(t.db, { id: clinician.id, roles: ['patient'] }, open.id, { painNow: 9 })).toBeNull();
    expect(await readCheckInForPatient(t.db, other, open.id)).toBeNull();
    const [row] = await t.db.select().from(checkIns).where(eq(checkIns.id, open.id));
    expect(row!.draft).toEqual({ painNow: 2 });
    expect((await audits('check_in_draft.save')).map((a) => a.outcome)).toEqual(['allowed', 'denied', 'denied']);
  });

  it('no draft for a check-in not open yet, nor after it was sent; sending clears the draft', async () => {
    const { patient, open, notYet } = await world();
    expect(await saveCheckInDraft(t.db, patient, notYet.id, { painNow: 1 })).toBeNull();
    expect(await readCheckInForPatient(t.db, patient, notYet.id)).toMatchObject({ open: false, draft: null });

    await saveCheckInDraft(t.db, patient, open.id, { painNow: 3 });
    const answers = checkInSchema.parse({ painNow: 3, painWorst: 5, psfs: [{ activity: 'Bench press', score: 6 }], globalChange: 2, trainingStatus: 'modified', redFlags: NO_FLAGS });
    expect((await submitCheckIn(t.db, patient, open.id, answers)).ok).toBe(true);
    const [row] = await t.db.select().from(checkIns).where(eq(checkIns.id, open.id));
    expect(row!.draft).toBeNull();
    expect(await saveCheckInDraft(t.db, patient, open.id, { painNow: 8 })).toBeNull();
    expect(await readCheckInForPatient(t.db, patient, open.id)).toMatchObject({ open: false, draft: null, answers });
  });

  it('a stored draft that does not fit the schema is dropped on read, not shown', async () => {
    const { patient, open } = await world();
    await t.db.update(checkIns).set({ draft: { painNow: 42, sneaky: true } }).where(eq(checkIns.id, open.id));
    expect((await readCheckInForPatient(t.db, patient, open.id))?.draft).toBeNull();
  });
});
