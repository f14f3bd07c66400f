import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, clinicianProfiles, users } from '@/db/schema';
import { openPglite } from './client';
import { seedAll } from './seed/index';
import { DEMO_ACCOUNTS } from './seed/accounts';
import { createTestDb, testDbKinds, type TestDb } from '@/lib/testing/db';

describe.each(testDbKinds())('database foundation (%s)', (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.destroy());
  beforeEach(() => t.reset());

  it('seeds the demo accounts idempotently', async () => {
    await seedAll(t.db);
    await seedAll(t.db);
    const [{ n }] = await t.db.select({ n: count() }).from(users);
    expect(n).toBeGreaterThanOrEqual(DEMO_ACCOUNTS.length);
    const emails = (await t.db.select({ email: users.email }).from(users)).map((r) => r.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const a of DEMO_ACCOUNTS) expect(emails).toContain(a.email);
    const lead = await t.db.select().from(users).where(sql`${users.email} = 'lead@demo.test'`);
    expect(lead[0].roles).toEqual(['clinician', 'admin']);
    const [{ c }] = await t.db.select({ c: count() }).from(clinicianProfiles);
    expect(c).toBe(3);
  });

  it('refuses UPDATE and DELETE on the audit log', async () => {
    await t.db.insert(auditEvents).values({ action: 'test.write', resourceType: 'test', outcome: 'allowed' });
    await expect(t.db.update(auditEvents).set({ action: 'tampered' })).rejects.toThrow();
    await expect(t.db.delete(auditEvents)).rejects.toThrow();
    await expect(t.db.execute(sql`TRUNCATE audit_events`)).rejects.toThrow();
    const rows = await t.db.select().from(auditEvents);
    expect(rows.map((r) => r.action)).toEqual(['test.write']);
  });
});

describe('PGlite data directory lock', () => {
  it('refuses a directory that a live process holds, and takes over a dead one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-lock-'));
    const dataDir = path.join(dir, 'db');
    fs.writeFileSync(`${dataDir}.lock`, String(process.ppid));
    await expect(openPglite(dataDir)).rejects.toThrow(`in use by pid ${process.ppid}`);
    fs.writeFileSync(`${dataDir}.lock`, '999999999');
    const handle = await openPglite(dataDir);
    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    await handle.close();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
