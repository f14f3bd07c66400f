import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { checkIns } from '@/db/schema';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { makeClinician, makePatient } from '@/lib/testing/factories/people';
import { makeCase } from '@/lib/testing/factories/queue-case';
import { rehabPlanSchema } from '@/lib/validation/outcomes';
import { RED_FLAG_CODES } from '@/lib/triage';
import { setPlan } from './set-plan';
import { teamOutcomeShares } from './outcome-shares';

const DAY = 86_400_000;
const NO_FLAGS = Object.fromEntries(RED_FLAG_CODES.map((c) => [c, false]));
const day = (d: Date) => d.toISOString().slice(0, 10);

describe.each(testDbKinds())('team outcome shares for the admin (%s)', (kind) => {
  const t = useTestDb(kind);
  const started = new Date(Date.now() - 100 * DAY);

  /** A case (intake pain now 4, from the factory) held by `clinicianId`, with a plan that started 100 days ago. */
  async function planned(clinicianId: string, weeks: number[]) {
    const clinician = { id: clinicianId, roles: ['clinician' as const], name: null };
    const patient = await makePatient(t.db);
    const kase = await makeCase(t.db, { patientId: patient.id, status: 'advice_sent', assignedClinicianId: clinicianId, areas: ['upper_back'] });
    const input = rehabPlanSchema.parse({
      startsOn: day(started),
      phases: [{ title: 'Settle', from: day(started), to: day(new Date(started.getTime() + 13 * DAY)) }],
      exercises: [],
      stopIf: 'Numbness or weakness.',
      checkInWeeks: weeks,
    });
    const r = await setPlan(t.db, clinician, kase.id, input, { now: () => started, sendMail: async () => undefined });
    if (!r.ok) throw new Error(r.reason);
    return kase.id;
  }

  /** The patient answers the check-in due `week` weeks after the start with `painNow`. */
  async function answer(caseId: string, week: number, painNow: number) {
    const dueAt = new Date(`${day(started)}T09:00:00Z`).getTime() + week * 7 * DAY;
    const rows = await t.db
      .update(checkIns)
      .set({ submittedAt: new Date(dueAt + 3_600_000), painNow, painWorst: painNow, psfs: [], globalChange: 0, trainingStatus: 'modified', redFlags: NO_FLAGS })
      .where(and(eq(checkIns.caseId, caseId), eq(checkIns.dueAt, new Date(dueAt))))
      .returning({ id: checkIns.id });
    expect(rows).toHaveLength(1);
  }

  it('counts, per clinician and overall, the check-in nearest week 4 and week 12 within the window, improved by ≥ 2 points of pain', async () => {
    const one = await makeClinician(t.db, { areas: ['upper_back'] });
    const two = await makeClinician(t.db, { areas: ['upper_back'] });

    const a = await planned(one.id, [1, 2, 4, 8, 12]);
    await answer(a, 4, 2); // 4 → 2: exactly the 2 points, improved
    await answer(a, 12, 0); // improved at 12 weeks too
    const b = await planned(one.id, [1, 2, 4, 8, 12]);
    await answer(b, 4, 3); // 4 → 3: one point, not clinically important
    const c = await planned(two.id, [1, 2, 3, 4, 12]);
    await answer(c, 3, 0); // inside the week-4 window, but week 4 itself is nearer…
    await answer(c, 4, 3); // …and counts: 4 → 3, not improved
    const d = await planned(two.id, [2, 8]);
    await answer(d, 2, 0); // day 14: outside week 4's ±7 days
    await answer(d, 8, 0); // day 56: outside both windows
    await planned(two.id, [4, 12]); // nothing answered: not counted

    const shares = await teamOutcomeShares(t.db);
    expect(shares.overall).toEqual({ 4: { n: 3, improved: 1 }, 12: { n: 1, improved: 1 } });
    expect(shares.byClinician.get(one.id)).toEqual({ 4: { n: 2, improved: 1 }, 12: { n: 1, improved: 1 } });
    expect(shares.byClinician.get(two.id)).toEqual({ 4: { n: 1, improved: 0 }, 12: { n: 0, improved: 0 } });
  });

  it('weeks count from the FIRST plan version: a new version later does not restart the clock', async () => {
    const clinician = await makeClinician(t.db, { areas: ['upper_back'] });
    const a = await planned(clinician.id, [4]);
    await answer(a, 4, 1);
    const later = new Date(started.getTime() + 30 * DAY);
    const v2 = rehabPlanSchema.parse({ startsOn: day(later), phases: [{ title: 'Build', from: day(later), to: day(later) }], exercises: [], stopIf: 'Pain above 5/10.', checkInWeeks: [4] });
    const r = await setPlan(t.db, clinician, a, v2, { now: () => later, sendMail: async () => undefined });
    expect(r.ok).toBe(true);
    const shares = await teamOutcomeShares(t.db);
    expect(shares.byClinician.get(clinician.id)?.[4]).toEqual({ n: 1, improved: 1 });
  });
});
