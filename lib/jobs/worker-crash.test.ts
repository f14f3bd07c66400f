import PgBoss from 'pg-boss';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDbHandle } from '@/db';
import { bookings } from '@/db/schema';
import { BOOKING_JOBS } from '@/lib/booking/jobs';
import { QUEUE_JOBS } from '@/lib/cases/jobs';
import { resetEnvCache } from '@/lib/env';
import { MAIL_JOBS } from '@/lib/mail/jobs';
import { sendMail } from '@/lib/mail';
import type { JobDefinition } from './registry';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { makeBookableClinician, makeConsultType } from '@/lib/testing/factories/booking';
import { makeClinician, makePatient } from '@/lib/testing/factories/people';
import { makeCase } from '@/lib/testing/factories/queue-case';
import { startSmtpServer, type TestSmtpServer } from '@/lib/testing/smtp';

/**
 * Issue 13: "the worker killed mid-job: the job runs again and its effect happens once". A worker that dies after
 * its job's transaction committed, before it told pg-boss the job was done, leaves exactly this in the database:
 * the job `active`, its effect written. Worker 1 below fetches the job from the real queue, runs the real handler
 * and is then abandoned without completing it (what SIGKILL leaves; pg-boss's own stop() would fail the job
 * instead). Worker 2, a second pg-boss on the same database, gets the job back once it expires, runs it again and
 * completes it. The effect must exist once.
 */
const H = 3_600_000;
const job = (list: JobDefinition[], name: string) => list.find((j) => j.name === name)!;

async function bossOptions(): Promise<PgBoss.ConstructorOptions> {
  const handle = await getDbHandle();
  const connection = handle.connectionString
    ? { connectionString: handle.connectionString, max: 2 }
    : { db: { executeSql: (text: string, values?: unknown[]) => handle.executeSql(text, values) } };
  // Maintenance every second: that is what moves an expired active job back to the queue.
  return { ...connection, schedule: false, supervise: true, migrate: true, maintenanceIntervalSeconds: 1 } as PgBoss.ConstructorOptions;
}

describe.each(testDbKinds())('a worker killed mid-job (%s)', (kind) => {
  const t = useTestDb(kind);
  const running: PgBoss[] = [];
  afterEach(async () => {
    for (const b of running.splice(0)) await b.stop({ graceful: false, wait: true, timeout: 1_000 }).catch(() => undefined);
    vi.unstubAllEnvs();
    resetEnvCache();
  });

  /** Runs `def` once in a worker that dies after the effect, then lets a second worker recover the job. */
  async function killAfterEffectThenRecover(def: JobDefinition): Promise<{ runsAfterCrash: number; retryCount: number }> {
    const options = await bossOptions();
    const dying = new PgBoss(options);
    running.push(dying);
    await dying.start();
    await dying.createQueue(def.name);
    const id = await dying.send(def.name, {}, { expireInSeconds: 1, retryLimit: 3, retryDelay: 0 });
    const [taken] = await dying.fetch(def.name);
    expect(taken?.id).toBe(id);
    await def.handler({}); // the effect commits...
    // ...and the process is gone before it completes the job: nothing more from worker 1, ever.

    const survivor = new PgBoss(options);
    running.push(survivor);
    await survivor.start();
    let runsAfterCrash = 0;
    await survivor.work(def.name, { pollingIntervalSeconds: 0.5 }, async () => {
      runsAfterCrash++;
      await def.handler({});
    });
    await expect.poll(async () => (await survivor.getJobById(def.name, id!))?.state, { timeout: 20_000, interval: 250 }).toBe('completed');
    const done = await survivor.getJobById(def.name, id!);
    return { runsAfterCrash, retryCount: done!.retryCount };
  }

  it('the 24-hour reminder: sent once although the job ran twice', async () => {
    const patient = await makePatient(t.db);
    const clinician = await makeBookableClinician(t.db);
    const type = await makeConsultType(t.db);
    const startsAt = new Date(Date.now() + 23 * H);
    await t.db.insert(bookings).values({
      patientId: patient.id,
      clinicianId: clinician.id,
      consultTypeId: type.id,
      status: 'confirmed',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * 60_000),
      blockedUntil: new Date(startsAt.getTime() + 60 * 60_000),
      priceCents: 9500,
      currency: 'gbp',
      confirmedAt: new Date(Date.now() - 72 * H),
    });
    const r = await killAfterEffectThenRecover(job(BOOKING_JOBS, 'booking.send-reminders'));
    const { rows } = await t.executeSql(`select subject from outbox_messages where "to" = $1`, [patient.email]);
    expect(rows.map((x) => x.subject)).toEqual([expect.stringMatching(/^Reminder: .* tomorrow$/)]);
    expect(r).toEqual({ runsAfterCrash: 1, retryCount: 1 });
  });

  it('the SLA alert: one breach event and one mail per recipient although the job ran twice', async () => {
    const patient = await makePatient(t.db);
    const assignee = await makeClinician(t.db);
    const kase = await makeCase(t.db, { patientId: patient.id, assignedClinicianId: assignee.id, submittedAt: new Date(Date.now() - 80 * H), slaDueAt: new Date(Date.now() - H) });
    const r = await killAfterEffectThenRecover(job(QUEUE_JOBS, 'queue.sla-breaches'));
    const events = await t.executeSql(`select count(*)::int as n from case_events where case_id = $1 and kind = 'sla.breached'`, [kase.id]);
    expect(events.rows[0]?.n).toBe(1);
    const mails = await t.executeSql(`select count(*)::int as n from outbox_messages where "to" = $1 and subject like 'SLA breached%'`, [assignee.email]);
    expect(mails.rows[0]?.n).toBe(1);
    expect(r).toEqual({ runsAfterCrash: 1, retryCount: 1 });
  });

  it('a mail over SMTP: received once although the delivery job ran twice', async () => {
    let smtp: TestSmtpServer | undefined;
    try {
      smtp = await startSmtpServer();
      vi.stubEnv('DEMO_MODE', 'false');
      vi.stubEnv('SMTP_URL', `smtp://127.0.0.1:${smtp.port}`);
      vi.stubEnv('MAIL_FROM', 'Triage & Consult <no-reply@triage.example.com>');
      resetEnvCache();
      await t.db.transaction((tx) => sendMail({ to: 'someone@example.test', subject: 'Your case', text: 'Hello', html: '<p>Hello</p>' }, tx));
      const r = await killAfterEffectThenRecover(job(MAIL_JOBS, 'mail.deliver'));
      expect(smtp.received.map((m) => m.to)).toEqual([['someone@example.test']]);
      const { rows } = await t.executeSql(`select status from outbox_messages`);
      expect(rows).toEqual([{ status: 'sent' }]);
      expect(r).toEqual({ runsAfterCrash: 1, retryCount: 1 });
    } finally {
      await smtp?.close();
    }
  });
});
