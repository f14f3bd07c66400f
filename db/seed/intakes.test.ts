import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cases, intakeVersions, users } from '@/db/schema';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import type { IntakeSubmission } from '@/lib/validation/intake';
import { seedAccounts } from './accounts';
import { seedIntakes } from './intakes';

describe.each(testDbKinds())('seedIntakes (%s)', (kind) => {
  const t = useTestDb(kind, { reset: false });
  beforeAll(async () => {
    await seedAccounts(t.db);
  });

  it('gives both forum patients one triaged, routed case, and is idempotent', async () => {
    const now = new Date();
    await seedIntakes(t.db, now);
    await seedIntakes(t.db, now);
    const rows = await t.db
      .select({ email: users.email, urgency: cases.urgency, assigned: cases.assignedClinicianId, areas: cases.areas, submission: intakeVersions.submission })
      .from(cases)
      .innerJoin(users, eq(users.id, cases.patientId))
      .innerJoin(intakeVersions, eq(intakeVersions.caseId, cases.id));
    expect(rows.map((r) => r.email).sort()).toEqual(['patient2@demo.test', 'patient@demo.test']);
    const right = rows.find((r) => r.email === 'patient@demo.test')!;
    expect(right.urgency).toBe('routine');
    expect(right.assigned).not.toBeNull();
    expect((right.submission as IntakeSubmission).imaging?.mriReport).toContain('Modic type 1 signal changes are observed in the T5 and T7 vertebrae.');
    const left = rows.find((r) => r.email === 'patient2@demo.test')!;
    const competition = (left.submission as IntakeSubmission).training?.nextCompetitionDate;
    expect(Date.parse(`${competition}T00:00:00Z`)).toBeGreaterThan(now.getTime());
    expect((left.submission as IntakeSubmission).medications?.[0].name).toBe('Methylprednisolone');
  });
});
