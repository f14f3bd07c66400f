import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedAccounts } from '@/db/seed/accounts';
import { rightScapulaIntake } from '@/db/seed/forum-cases';
import { users } from '@/db/schema';
import { submitIntake } from '@/lib/cases/submit-intake';
import { resetEnvCache } from '@/lib/env';
import { startWorker } from '@/lib/jobs';
import type { JobDefinition } from '@/lib/jobs/registry';
import { stopBoss } from '@/lib/jobs/boss';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { startSmtpServer, type TestSmtpServer } from '@/lib/testing/smtp';
import { intakeSubmissionSchema } from '@/lib/validation/intake';
import { sendMail } from './index';
import { mailDeliveryJob } from './jobs';

describe.each(testDbKinds())('mail leaves within seconds of its transaction (%s)', (kind) => {
  // The worker runs for the whole suite, as in lib/jobs/jobs.test.ts.
  const t = useTestDb(kind, { reset: false });
  let server: TestSmtpServer;

  beforeAll(async () => {
    server = await startSmtpServer();
    vi.stubEnv('DEMO_MODE', 'false');
    vi.stubEnv('SMTP_URL', `smtp://127.0.0.1:${server.port}`);
    resetEnvCache();
    // Without its minute schedule: only sendMail's nudge can start the job here.
    await startWorker([{ ...mailDeliveryJob, cron: undefined } as JobDefinition]);
    // pg-boss creates its schema on PGlite first: slow on a busy machine.
  }, 180_000);
  afterAll(async () => {
    await stopBoss();
    await server?.close();
    vi.unstubAllEnvs();
    resetEnvCache();
  });

  it('a submitted intake nudges the delivery job, which sends every mail of it once', async () => {
    await seedAccounts(t.db);
    const [patient] = await t.db.insert(users).values({ email: 'nudged@example.test', roles: ['patient'] }).returning({ id: users.id, email: users.email });
    await submitIntake(t.db, { ...patient, roles: ['patient'] }, intakeSubmissionSchema.parse(rightScapulaIntake()));
    const { rows } = await t.executeSql(`select count(*)::int as n from outbox_messages`);
    const written = rows[0]?.n as number;
    expect(written).toBeGreaterThanOrEqual(2);

    await expect.poll(() => server.received.length, { timeout: 15_000, interval: 200 }).toBe(written);
    // The SMTP server has the message before the job's "sent" update commits: wait for that too (seen 1 of 2 once).
    const sentCount = async () => (await t.executeSql(`select count(*)::int as n from outbox_messages where status = 'sent'`)).rows[0]?.n;
    await expect.poll(sentCount, { timeout: 10_000, interval: 200 }).toBe(written);
    expect(server.received).toHaveLength(written);
    expect(server.received.map((m) => m.to[0])).toContain('nudged@example.test');
  });

  const deliveryJobs = async () => (await t.executeSql(`select count(*)::int as n from pgboss.job where name = 'mail.deliver'`)).rows[0]?.n as number;
  const mail = (to: string) => ({ to, subject: `For ${to}`, text: 'x', html: '<p>x</p>' });

  it('the delivery job is written by the transaction that writes the mail: there at its commit, one per transaction', async () => {
    const before = await deliveryJobs();
    await t.db.transaction(async (tx) => {
      await sendMail(mail('first@example.test'), tx);
      await sendMail(mail('second@example.test'), tx);
    });
    // Durable at the commit: a process that dies right now leaves the job behind for any worker.
    expect(await deliveryJobs()).toBe(before + 1);
    await expect.poll(() => server.received.filter((m) => /^(first|second)@/.test(m.to[0] ?? '')).length, { timeout: 15_000, interval: 200 }).toBe(2);
  });

  it('a transaction that stays open for seconds is delivered after its commit, not nudged before it', async () => {
    const t0 = Date.now();
    await t.db.transaction(async (tx) => {
      await sendMail(mail('slow-tx@example.test'), tx);
      // Longer than a nudge fired after a fixed delay plus the worker's 2-second poll: such a nudge runs, finds nothing, and is spent.
      await new Promise((r) => setTimeout(r, 6_000));
    });
    await expect.poll(() => server.received.some((m) => m.to[0] === 'slow-tx@example.test'), { timeout: 15_000, interval: 200 }).toBe(true);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(6_000);
  });

  it('a transaction rolled back leaves neither the mail nor its delivery job', async () => {
    const before = await deliveryJobs();
    await expect(
      t.db.transaction(async (tx) => {
        await sendMail(mail('rolled-back@example.test'), tx);
        throw new Error('the cause of the mail failed');
      }),
    ).rejects.toThrow(/cause of the mail failed/);
    expect(await deliveryJobs()).toBe(before);
    const { rows } = await t.executeSql(`select count(*)::int as n from outbox_messages where "to" = 'rolled-back@example.test'`);
    expect(rows[0]?.n).toBe(0);
  });
});
