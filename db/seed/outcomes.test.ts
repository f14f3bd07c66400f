import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cases, users } from '@/db/schema';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { readOutcomes } from '@/lib/outcomes/read-outcomes';
import { seedAccounts } from './accounts';
import { seedIntakes } from './intakes';
import { seedOutcomes } from './outcomes';

describe.each(testDbKinds())('seedOutcomes (%s)', (kind) => {
  const t = useTestDb(kind, { reset: false });
  beforeAll(async () => {
    await seedAccounts(t.db);
    await seedIntakes(t.db);
  });

  it('gives each forum case a plan, three answered check-ins and one due unanswered (CONTRACTS §6); idempotent', async () => {
    const now = new Date();
    await seedOutcomes(t.db, now);
    await seedOutcomes(t.db, now);
    const [clinician] = await t.db.select().from(users).where(eq(users.email, 'clinician@demo.test'));
    const trends: Record<string, string | null> = {};
    for (const email of ['patient@demo.test', 'patient2@demo.test']) {
      const [kase] = await t.db.select({ id: cases.id, status: cases.status }).from(cases).innerJoin(users, eq(users.id, cases.patientId)).where(eq(users.email, email));
      const o = await readOutcomes(t.db, clinician!, kase!.id);
      expect(o?.plan?.version).toBe(1);
      expect(o!.checkIns.filter((c) => c.submittedAt)).toHaveLength(3);
      const due = o!.checkIns.filter((c) => !c.submittedAt && c.dueAt <= now);
      expect(due).toHaveLength(1);
      expect(due[0]!.sentAt).not.toBeNull();
      expect(o!.checkIns.filter((c) => c.submittedAt).every((c) => (c.psfs ?? []).length === 3)).toBe(true);
      expect(kase!.status).toBe('submitted');
      trends[email] = o!.trend;
    }
    // One improving towards the competition (with its date from the intake), one worse.
    expect(trends).toEqual({ 'patient2@demo.test': 'better', 'patient@demo.test': 'worse' });
    const { rows } = await t.executeSql(`select count(*)::int as n from rehab_plan_templates`);
    expect(rows[0]!.n).toBe(2);
    const { rows: comp } = await t.executeSql(`select competition_date from rehab_plans p join cases c on c.id = p.case_id join users u on u.id = c.patient_id where u.email = 'patient2@demo.test'`);
    expect(comp[0]!.competition_date).not.toBeNull();
  });
});
