import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { claimOutboxMessages } from '@/db/queries/outbox';
import { seedAccounts } from '@/db/seed/accounts';
import { rightScapulaIntake } from '@/db/seed/forum-cases';
import { users } from '@/db/schema';
import { submitIntake } from '@/lib/cases/submit-intake';
import { resetEnvCache } from '@/lib/env';
import { testDbKinds, useTestDb, type TestDbAccess } from '@/lib/testing/db';
import { startSmtpServer, type TestSmtpServer } from '@/lib/testing/smtp';
import { intakeSubmissionSchema } from '@/lib/validation/intake';
import { deliverPendingMail } from './deliver';
import { sendMail } from './index';

const HOUR = 3_600_000;

function useSmtp(port: number) {
  vi.stubEnv('DEMO_MODE', 'false');
  vi.stubEnv('SMTP_URL', `smtp://127.0.0.1:${port}`);
  vi.stubEnv('MAIL_FROM', 'Triage & Consult <no-reply@triage.example.com>');
  resetEnvCache();
}

/** A port nothing listens on (yet): the SMTP server is down. */
async function downPort(): Promise<number> {
  const probe = await startSmtpServer();
  await probe.close();
  return probe.port;
}

async function newPatient(t: TestDbAccess) {
  const email = `p-${Math.random().toString(36).slice(2)}@example.test`;
  const [u] = await t.db.insert(users).values({ email, roles: ['patient'] }).returning({ id: users.id, email: users.email });
  return { id: u.id, email: u.email, roles: ['patient' as const] };
}

const outboxRows = async (t: TestDbAccess) =>
  (await t.executeSql(`select id, "to", status, attempts, sent_at from outbox_messages order by created_at, id`)).rows as {
    id: string;
    to: string;
    status: string;
    attempts: number;
  }[];

/** How many times each outbox row reached the server, by its Message-ID. */
function timesReceived(server: TestSmtpServer): Map<string, number> {
  const n = new Map<string, number>();
  for (const m of server.received) {
    const id = m.messageId?.split('@')[0] ?? 'none';
    n.set(id, (n.get(id) ?? 0) + 1);
  }
  return n;
}

describe.each(testDbKinds())('mail through the outbox, delivered by the job (%s)', (kind) => {
  const t = useTestDb(kind);
  const servers: TestSmtpServer[] = [];
  const start = async (opts: Parameters<typeof startSmtpServer>[0] = {}) => {
    const s = await startSmtpServer(opts);
    servers.push(s);
    return s;
  };

  beforeEach(async () => {
    await seedAccounts(t.db);
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    resetEnvCache();
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('SMTP down: the intake is still accepted, and its mail arrives once SMTP is back and the job runs again', async () => {
    const port = await downPort();
    useSmtp(port);
    const patient = await newPatient(t);

    const result = await submitIntake(t.db, patient, intakeSubmissionSchema.parse(rightScapulaIntake()));
    expect(result.status).toBe('submitted');
    const written = await outboxRows(t);
    expect(written.length).toBeGreaterThanOrEqual(2); // the patient's confirmation and the clinician's notice
    expect(written.every((r) => r.status === 'pending')).toBe(true);

    // SMTP is down: nothing is lost, every row waits for a retry.
    expect(await deliverPendingMail()).toEqual({ sent: 0, retrying: written.length, failed: 0 });
    expect((await outboxRows(t)).map((r) => [r.status, r.attempts])).toEqual(written.map(() => ['pending', 1]));
    // Backing off: a run right away does not hammer the server.
    expect(await deliverPendingMail()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const server = await start({ port });
    const later = () => new Date(Date.now() + HOUR);
    expect(await deliverPendingMail({ now: later })).toEqual({ sent: written.length, retrying: 0, failed: 0 });
    expect(server.received.map((m) => m.to[0]).sort()).toEqual(written.map((r) => r.to).sort());
    expect(server.received.map((m) => m.to[0])).toContain(patient.email);
    expect((await outboxRows(t)).every((r) => r.status === 'sent')).toBe(true);
    // Sent rows stay sent: another run sends nothing.
    expect(await deliverPendingMail({ now: later })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(server.received).toHaveLength(written.length);
  });

  it('SMTP slow: submitting does not wait on the server; the job delivers later', async () => {
    const server = await start({ delayDataMs: 3_000 });
    useSmtp(server.port);
    const patient = await newPatient(t);

    const t0 = Date.now();
    await submitIntake(t.db, patient, intakeSubmissionSchema.parse(rightScapulaIntake()));
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(server.received).toHaveLength(0);

    const written = await outboxRows(t);
    expect(await deliverPendingMail()).toMatchObject({ sent: written.length });
    expect([...timesReceived(server).values()]).toEqual(written.map(() => 1));
  });

  it('two workers running the job at once send each mail once', async () => {
    const server = await start({ delayDataMs: 100 });
    useSmtp(server.port);
    for (let i = 0; i < 6; i++) await sendMail({ to: `r${i}@example.test`, subject: `Mail ${i}`, text: 'x', html: '<p>x</p>' });

    const [a, b] = await Promise.all([deliverPendingMail(), deliverPendingMail()]);
    expect(a.sent + b.sent).toBe(6);
    const ids = (await outboxRows(t)).map((r) => r.id);
    expect(ids).toHaveLength(6);
    expect(Object.fromEntries(timesReceived(server))).toEqual(Object.fromEntries(ids.map((id) => [id, 1])));
  });

  it("a crashed sender's claim holds until its lease lapses, then another sender delivers the mail once", async () => {
    const server = await start();
    useSmtp(server.port);
    await sendMail({ to: 'someone@example.test', subject: 'Claimed by a sender that died', text: 'x', html: '<p>x</p>' });
    const now = new Date();
    const [claimed] = await claimOutboxMessages(t.db, { now, leaseUntil: new Date(now.getTime() + 5 * 60_000), limit: 10 });
    expect(claimed).toBeDefined();

    expect(await deliverPendingMail({ now: () => new Date(now.getTime() + 60_000) })).toMatchObject({ sent: 0 });
    expect(server.received).toHaveLength(0);

    expect(await deliverPendingMail({ now: () => new Date(now.getTime() + 6 * 60_000) })).toMatchObject({ sent: 1 });
    expect(await deliverPendingMail({ now: () => new Date(now.getTime() + 7 * 60_000) })).toMatchObject({ sent: 0 });
    expect(server.received.map((m) => m.messageId)).toEqual([`${claimed!.id}@outbox.triage-consult`]);
  });

  it('a recipient the server refuses for good is given up on at once; a mail out of attempts too', async () => {
    const server = await start({ refuse: ['nobody@example.test'] });
    useSmtp(server.port);
    await sendMail({ to: 'nobody@example.test', subject: 'Refused', text: 'x', html: '<p>x</p>' });
    await sendMail({ to: 'someone@example.test', subject: 'Accepted', text: 'x', html: '<p>x</p>' });
    expect(await deliverPendingMail()).toEqual({ sent: 1, retrying: 0, failed: 1 });
    expect(Object.fromEntries((await outboxRows(t)).map((r) => [r.to, r.status]))).toEqual({ 'nobody@example.test': 'failed', 'someone@example.test': 'sent' });

    await server.close();
    servers.splice(0);
    await sendMail({ to: 'late@example.test', subject: 'Out of attempts', text: 'x', html: '<p>x</p>' });
    await t.executeSql(`update outbox_messages set attempts = 24 where "to" = 'late@example.test'`);
    expect(await deliverPendingMail()).toEqual({ sent: 0, retrying: 0, failed: 1 });
  });

  it('in demo mode (no SMTP_URL) the row is kept for the mailbox and the job sends nothing', async () => {
    const server = await start();
    await sendMail({ to: 'lead@demo.test', subject: 'Demo', text: 'x', html: '<p>x</p>' });
    expect((await outboxRows(t)).map((r) => r.status)).toEqual(['kept']);
    useSmtp(server.port);
    expect(await deliverPendingMail()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(server.received).toHaveLength(0);
  });
});
