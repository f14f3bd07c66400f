import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { seedAccounts } from '@/db/seed/accounts';
import { rightScapulaIntake } from '@/db/seed/forum-cases';
import { users } from '@/db/schema';
import { resetEnvCache } from '@/lib/env';
import { enqueueJob, startWorker } from '@/lib/jobs';
import type { JobDefinition } from '@/lib/jobs/registry';
import { stopBoss } from '@/lib/jobs/boss';
import { testDbKinds, useTestDb, type TestDbAccess } from '@/lib/testing/db';
import { sameOriginJson } from '@/lib/testing/requests';
import { startSmtpServer, type TestSmtpServer } from '@/lib/testing/smtp';
import type { Role } from '@/lib/domain/roles';
import { MAIL_DELIVERY_JOB, mailDeliveryJob } from './jobs';

// POST /api/intakes as a browser sends it, with a real SMTP server and the delivery job working the queue: only the
// session is faked.
type SessionUser = { id: string; email: string; name: string | null; roles: Role[]; timezone: string };
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/config', () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3_600_000).toISOString() } : null),
}));
const { POST } = await import('@/app/api/intakes/route');

async function submitAsNewPatient(t: TestDbAccess): Promise<{ res: Response; ms: number; email: string }> {
  const email = `p-${Math.random().toString(36).slice(2)}@example.test`;
  const [u] = await t.db.insert(users).values({ email, roles: ['patient'] }).returning({ id: users.id });
  session.user = { id: u!.id, email, name: null, roles: ['patient'], timezone: 'UTC' };
  const t0 = performance.now();
  const res = await POST(sameOriginJson('http://test/api/intakes', 'POST', rightScapulaIntake()));
  return { res, ms: performance.now() - t0, email };
}

const rowsOf = async (t: TestDbAccess) =>
  (await t.executeSql(`select id, "to", status, attempts from outbox_messages order by created_at, id`)).rows as { id: string; to: string; status: string; attempts: number }[];

describe.each(testDbKinds())('POST /api/intakes with SMTP down or slow (%s)', (kind) => {
  // The worker runs for the whole suite (as in delivery-nudge.test.ts); each test starts from an empty outbox.
  const t = useTestDb(kind, { reset: false });
  const servers: TestSmtpServer[] = [];
  let smtpPort = 0;

  beforeAll(async () => {
    // A port nothing listens on yet: each test starts its own server there (or not).
    const probe = await startSmtpServer();
    await probe.close();
    smtpPort = probe.port;
    vi.stubEnv('DEMO_MODE', 'false');
    vi.stubEnv('SMTP_URL', `smtp://127.0.0.1:${smtpPort}`);
    resetEnvCache();
    await seedAccounts(t.db);
    // Without the minute schedule: a test asks for the sweep itself (enqueueJob below), when its clock says so.
    await startWorker([{ ...mailDeliveryJob, cron: undefined } as JobDefinition]);
  }, 180_000);
  beforeEach(async () => {
    await t.executeSql(`delete from outbox_messages`);
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await stopBoss();
    vi.unstubAllEnvs();
    resetEnvCache();
  });

  it('SMTP down: the intake is 201 at once, its mail waits, and arrives once SMTP is back', async () => {
    const { res, email } = await submitAsNewPatient(t);
    expect(res.status).toBe(201);
    const written = await rowsOf(t);
    expect(written.length).toBeGreaterThanOrEqual(2);
    // The delivery job queued by the submission tried, failed, and scheduled a retry: nothing lost, nothing sent. (Its
    // failure is recorded once the claim is released: a row still claimed would wait out the retry's backoff below.)
    const settled = async () =>
      (await t.executeSql(`select status, attempts >= 1 as tried, claimed_until is null and last_error is not null as failed from outbox_messages order by created_at, id`)).rows;
    await expect.poll(settled, { timeout: 30_000, interval: 200 }).toEqual(written.map(() => ({ status: 'pending', tried: true, failed: true })));

    const server = await startSmtpServer({ port: smtpPort });
    servers.push(server);
    // The retry's backoff elapses (30 s), and the minute sweep runs.
    await t.executeSql(`update outbox_messages set next_attempt_at = now() where status = 'pending'`);
    await enqueueJob(MAIL_DELIVERY_JOB, {});
    await expect.poll(() => server.received.length, { timeout: 20_000, interval: 200 }).toBe(written.length);
    expect(server.received.map((m) => m.to[0])).toContain(email);
    expect(new Set(server.received.map((m) => m.messageId)).size).toBe(written.length);
    // The server counts a message when its data ends; the job marks the row sent only after the server's reply.
    await expect.poll(async () => (await rowsOf(t)).map((r) => r.status), { timeout: 10_000, interval: 100 }).toEqual(written.map(() => 'sent'));
  });

  it('SMTP slow: the request does not wait for the server; the mail arrives after the answer', async () => {
    const delayDataMs = 4_000;
    const server = await startSmtpServer({ port: smtpPort, delayDataMs });
    servers.push(server);
    const { res, ms, email } = await submitAsNewPatient(t);
    expect(res.status).toBe(201);
    expect(server.received).toHaveLength(0);
    // Generous for a busy machine, and still less than one message held by the server (an intake mails two people).
    expect(ms).toBeLessThan(delayDataMs);
    const written = await rowsOf(t);
    await expect.poll(() => server.received.length, { timeout: 30_000, interval: 200 }).toBe(written.length);
    expect(server.received.map((m) => m.to[0])).toContain(email);
  });
});
