import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { checkIns, clinicianProfiles } from '@/db/schema';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { makeClinician, makePatient } from '@/lib/testing/factories/people';
import { makeCase } from '@/lib/testing/factories/queue-case';
import { rehabPlanSchema, checkInSchema, type RehabPlanFormValues } from '@/lib/validation/outcomes';
import { RED_FLAG_CODES } from '@/lib/triage';
import type { CaseStatus } from '@/lib/domain/case';
import { setPlan } from './set-plan';
import { submitCheckIn } from './submit-check-in';
import { readCheckInForPatient, readOutcomes } from './read-outcomes';
import { remindMissedCheckIns, sendDueCheckIns } from './jobs';

const DAY = 86_400_000;
const NO_FLAGS = Object.fromEntries(RED_FLAG_CODES.map((c) => [c, false]));
const day = (d: Date) => d.toISOString().slice(0, 10);

const plan = (startsOn: Date, over: Partial<RehabPlanFormValues> = {}) =>
  rehabPlanSchema.parse({
    startsOn: day(startsOn),
    phases: [{ title: 'Weeks 1–2: pain-free pulling, no bench', from: day(startsOn), to: day(new Date(startsOn.getTime() + 13 * DAY)) }],
    exercises: [{ name: 'Band pull-aparts', sets: 3, reps: '15', loadNotes: 'Light band, no pain' }],
    stopIf: 'Numbness, weakness, or pain above 5/10 that lasts into the next day.',
    ...over,
  });

const answers = (over: Partial<Record<string, unknown>> = {}) =>
  checkInSchema.parse({
    painNow: 3,
    painWorst: 5,
    psfs: [{ activity: 'Bench press', score: 5 }],
    globalChange: 1,
    trainingStatus: 'modified',
    redFlags: NO_FLAGS,
    ...over,
  });

describe.each(testDbKinds())('outcomes (%s)', (kind) => {
  const t = useTestDb(kind);

  const mails = async (to: string) => (await t.executeSql(`select subject from outbox_messages where "to" = $1 order by created_at`, [to])).rows.map((r) => r.subject as string);

  /** A decided case of a patient, assigned to a clinician, with a plan that started `startedDaysAgo` days ago. */
  async function world(o: { startedDaysAgo?: number; status?: CaseStatus; timezone?: string } = {}) {
    const clinician = await makeClinician(t.db, { areas: ['upper_back'] });
    const patient = await makePatient(t.db, { timezone: o.timezone ?? 'UTC' });
    const kase = await makeCase(t.db, { patientId: patient.id, status: o.status ?? 'advice_sent', assignedClinicianId: clinician.id, areas: ['upper_back'] });
    const started = new Date(Date.now() - (o.startedDaysAgo ?? 0) * DAY);
    const set = await setPlan(t.db, clinician, kase.id, plan(started), { now: () => started });
    if (!set.ok) throw new Error(set.reason);
    return { clinician, patient, kase, set, started };
  }

  async function dueCheckIn(caseId: string, index = 0) {
    const rows = await t.db.select().from(checkIns).where(eq(checkIns.caseId, caseId)).orderBy(checkIns.dueAt);
    return rows[index]!;
  }

  it('a plan creates its check-in schedule: 09:00 in the patient’s zone, the default weeks 1, 2, 4, 8, 12', async () => {
    const { set, started, patient } = await world({ timezone: 'Europe/Istanbul' });
    expect(set.version).toBe(1);
    const expected = [1, 2, 4, 8, 12].map((w) => {
      const d = new Date(`${day(started)}T06:00:00Z`); // 09:00 in Istanbul (UTC+3 all year)
      return new Date(d.getTime() + w * 7 * DAY).toISOString();
    });
    expect(set.checkIns.map((c) => c.dueAt.toISOString()).sort()).toEqual(expected);
    expect(await mails(patient.email)).toEqual(['Your return-to-training plan is ready']);
  });

  it('a new plan version replaces the unsent schedule and keeps check-ins already mailed; history is kept', async () => {
    const { clinician, kase, started } = await world({ startedDaysAgo: 10 });
    // Week 1 fell due 3 days ago: mail it, then change the plan.
    expect(await sendDueCheckIns()).toBe(1);
    const v2 = await setPlan(t.db, clinician, kase.id, plan(started, { checkInWeeks: [1, 3, 6] }));
    if (!v2.ok) throw new Error(v2.reason);
    expect(v2.version).toBe(2);
    const rows = await t.db.select().from(checkIns).where(eq(checkIns.caseId, kase.id)).orderBy(checkIns.dueAt);
    // Week 1 (mailed) stays; week 3 and 6 are new; 2, 4, 8, 12 of plan 1 are gone.
    expect(rows.map((r) => Math.round((r.dueAt.getTime() - new Date(`${day(started)}T09:00:00Z`).getTime()) / (7 * DAY)))).toEqual([1, 3, 6]);
    expect(rows[0]!.sentAt).not.toBeNull();
    const { rows: versions } = await t.executeSql(`select version from rehab_plans where case_id = $1 order by version`, [kase.id]);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it('only a clinician whose scope covers the case sets a plan', async () => {
    const { kase } = await world();
    const stranger = await makeClinician(t.db, { areas: ['neck'] });
    const r = await setPlan(t.db, stranger, kase.id, plan(new Date()));
    expect(r).toEqual({ ok: false, reason: 'not_found' });
  });

  it('the jobs mail each due check-in once, even from two overlapping runs, and remind a missed one once', async () => {
    const { patient } = await world({ startedDaysAgo: 15 });
    // Weeks 1 and 2 are due.
    const runs = await Promise.all([sendDueCheckIns(), sendDueCheckIns()]);
    expect(runs[0] + runs[1]).toBe(2);
    expect(await sendDueCheckIns()).toBe(0);
    expect(await mails(patient.email)).toEqual(['Your return-to-training plan is ready', 'Time for your check-in', 'Time for your check-in']);
    const { rows } = await t.executeSql(`select text from outbox_messages where "to" = $1 and subject = 'Time for your check-in'`, [patient.email]);
    expect(String(rows[0]!.text)).toMatch(/\/cases\/[0-9a-f-]{36}\/check-ins\/[0-9a-f-]{36}/);

    // Not yet three days after the mail: no reminder. After: one, however many runs.
    expect(await remindMissedCheckIns(new Date(Date.now() + 2 * DAY))).toBe(0);
    const later = new Date(Date.now() + 3 * DAY + 60_000);
    const reminded = await Promise.all([remindMissedCheckIns(later), remindMissedCheckIns(later)]);
    expect(reminded[0] + reminded[1]).toBe(2);
    expect(await remindMissedCheckIns(new Date(Date.now() + 9 * DAY))).toBe(0);
    expect((await mails(patient.email)).filter((s) => s.startsWith('Reminder'))).toHaveLength(2);
  });

  it('an answered check-in is not reminded', async () => {
    const { patient, kase } = await world({ startedDaysAgo: 8 });
    expect(await sendDueCheckIns()).toBe(1);
    const c = await dueCheckIn(kase.id);
    expect((await submitCheckIn(t.db, patient, c.id, answers())).ok).toBe(true);
    expect(await remindMissedCheckIns(new Date(Date.now() + 4 * DAY))).toBe(0);
  });

  it('a worsening check-in reopens the decided case and mails the assignee once', async () => {
    const { patient, kase, clinician } = await world({ startedDaysAgo: 30 });
    const first = await submitCheckIn(t.db, patient, (await dueCheckIn(kase.id, 0)).id, answers({ painNow: 3 }));
    expect(first).toMatchObject({ ok: true, worse: false, reopened: false });
    // Pain 3 → 6: up by ≥ 2.
    const second = await submitCheckIn(t.db, patient, (await dueCheckIn(kase.id, 1)).id, answers({ painNow: 6, painWorst: 7 }));
    expect(second).toMatchObject({ ok: true, worse: true, worseReasons: ['pain_up'], reopened: true, caseUrgency: 'routine' });
    const { rows } = await t.executeSql(`select status, breach_alerted_at from cases where id = $1`, [kase.id]);
    expect(rows[0]).toMatchObject({ status: 'in_review', breach_alerted_at: null });
    // Worse again while the case is open: no second reopening, no second mail.
    const third = await submitCheckIn(t.db, patient, (await dueCheckIn(kase.id, 2)).id, answers({ painNow: 6, painWorst: 8, globalChange: -4 }));
    expect(third).toMatchObject({ ok: true, worse: true, reopened: false });
    expect(await mails(clinician.email)).toEqual(['A patient is worse: case back in your queue']);
    const outcomes = await readOutcomes(t.db, clinician, kase.id);
    expect(outcomes?.trend).toBe('worse');
    expect(outcomes?.checkIns.filter((c) => c.worse)).toHaveLength(2);
  });

  it('a red flag on a check-in re-triages the case as an intake would: emergency, on-call alerted, new intake version', async () => {
    const { patient, kase, clinician } = await world({ startedDaysAgo: 8 });
    const onCall = await makeClinician(t.db, { areas: ['neck'] });
    await t.db.update(clinicianProfiles).set({ onCall: true }).where(eq(clinicianProfiles.userId, onCall.id));
    const r = await submitCheckIn(t.db, patient, (await dueCheckIn(kase.id)).id, answers({ redFlags: { ...NO_FLAGS, saddle_numbness: true } }));
    expect(r).toMatchObject({ ok: true, caseUrgency: 'emergency', reopened: true, newRedFlags: ['saddle_numbness'] });
    const { rows } = await t.executeSql(`select urgency, urgency_rank, status, current_version from cases where id = $1`, [kase.id]);
    expect(rows[0]).toEqual({ urgency: 'emergency', urgency_rank: 0, status: 'in_review', current_version: 2 });
    const { rows: assessed } = await t.executeSql(
      `select a.urgency, v.submission->'redFlags'->>'saddle_numbness' as flag from triage_assessments a join intake_versions v on v.id = a.intake_version_id where a.case_id = $1 and v.version = 2`,
      [kase.id],
    );
    expect(assessed).toEqual([{ urgency: 'emergency', flag: 'true' }]);
    expect(await mails(onCall.email)).toEqual(['EMERGENCY case: review now']);
    expect(await mails(clinician.email)).toEqual(['EMERGENCY after a check-in: review now']);
  });

  it('a check-in is answered once: a second submission, or two at the same moment, is refused', async () => {
    const { patient, kase } = await world({ startedDaysAgo: 8 });
    const c = await dueCheckIn(kase.id);
    const both = await Promise.all([submitCheckIn(t.db, patient, c.id, answers()), submitCheckIn(t.db, patient, c.id, answers({ painNow: 9, painWorst: 9 }))]);
    expect(both.map((r) => (r.ok ? 'ok' : r.reason)).sort()).toEqual(['already_submitted', 'ok']);
    expect(await submitCheckIn(t.db, patient, c.id, answers())).toEqual({ ok: false, reason: 'already_submitted' });
  });

  it('a check-in not due yet is not open; someone else’s is not found', async () => {
    const { patient, kase } = await world();
    const c = await dueCheckIn(kase.id);
    expect(await submitCheckIn(t.db, patient, c.id, answers())).toEqual({ ok: false, reason: 'not_due' });
    const other = await makePatient(t.db);
    expect(await submitCheckIn(t.db, other, c.id, answers())).toEqual({ ok: false, reason: 'not_found' });
  });

  it('the check-in form opens for its patient once due, with the plan’s stop-if text; for anyone else it is null', async () => {
    const { patient, kase, clinician } = await world({ startedDaysAgo: 8 });
    const [due, later] = [await dueCheckIn(kase.id, 0), await dueCheckIn(kase.id, 1)];
    expect(await readCheckInForPatient(t.db, patient, due.id)).toMatchObject({ id: due.id, caseId: kase.id, open: true, stopIf: expect.stringMatching(/^Numbness/), psfsActivities: [] });
    expect(await readCheckInForPatient(t.db, patient, later.id)).toMatchObject({ open: false });
    expect(await readCheckInForPatient(t.db, await makePatient(t.db), due.id)).toBeNull();
    expect(await readCheckInForPatient(t.db, clinician, due.id)).toBeNull();
  });
});
