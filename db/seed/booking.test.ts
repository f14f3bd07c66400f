import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/lib/testing/db';
import { seedAccounts } from './accounts';
import { seedBooking } from './booking';

describe('booking seed', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('pglite');
  });
  afterAll(() => t.destroy());

  it('adds the two consult types and the clinicians\u2019 hours once, however often it runs', async () => {
    await seedAccounts(t.db);
    await seedBooking(t.db);
    await seedBooking(t.db);
    const types = await t.executeSql(`select name, duration_minutes, price_cents, currency from consult_types order by sort_order`);
    expect(types.rows).toEqual([
      { name: 'Initial video consult', duration_minutes: 45, price_cents: 9500, currency: 'gbp' },
      { name: 'Follow-up video consult', duration_minutes: 30, price_cents: 6000, currency: 'gbp' },
    ]);
    const rules = await t.executeSql(`select u.email, count(*)::int as n from availability_rules r join users u on u.id = r.clinician_id group by u.email order by u.email`);
    expect(rules.rows).toEqual([
      { email: 'clinician2@demo.test', n: 6 },
      { email: 'clinician@demo.test', n: 10 },
      { email: 'lead@demo.test', n: 2 },
    ]);
  });
});
