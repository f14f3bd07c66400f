/**
 * Two app instances (`next start` of the production build, JOBS_IN_PROCESS=false) and a job worker (`npm run worker`)
 * on one throwaway PostgreSQL database, as a clinic scales out behind a load balancer. Runs when DATABASE_URL is set
 * (`.ci/run` sets it for its second unit pass); needs the e2e production build, made here when missing or stale.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type DbHandle } from '@/db/client';
import { bookings, cases, sessions } from '@/db/schema';
import { JOBS } from '@/lib/cli/jobs';
import { childProcessEnv } from '@/lib/env';
import { E2E_DIST_DIR, ensureProductionBuild } from '@/lib/cli/production-build';
import { startDeployment, type Deployment } from '@/lib/testing/instances';
import { makeCase } from '@/lib/testing/factories/queue-case';
import { makeClinician, makePatient } from '@/lib/testing/factories/people';
import { makeConfirmedBooking } from '@/lib/testing/factories/video-booking';
import { startSmtpServer, type TestSmtpServer } from '@/lib/testing/smtp';

const BASE_URL = process.env.DATABASE_URL;
/** Ports for this suite (3400–3499 is this slice's range). */
const PORTS = [3411, 3412];
const MESSAGE_LIMIT = 6;
/** The e2e build (with the test factories), or the folder NEXT_DIST_DIR names, as `npm run test:e2e` does. */
const DIST_DIR = childProcessEnv({}).NEXT_DIST_DIR || E2E_DIST_DIR;

describe.skipIf(!BASE_URL)('two app instances and a worker on one PostgreSQL', () => {
  let d: Deployment;
  let smtp: TestSmtpServer;
  let seed: DbHandle;
  let A: string;
  let B: string;

  beforeAll(async () => {
    ensureProductionBuild(DIST_DIR, { e2eFactories: true });
    smtp = await startSmtpServer();
    d = await startDeployment({
      baseDatabaseUrl: BASE_URL!,
      distDir: DIST_DIR,
      ports: PORTS,
      jobQueues: JOBS.map((j) => j.name),
      env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, RATE_LIMIT_MESSAGES: `${MESSAGE_LIMIT}/10m` },
    });
    [A, B] = d.urls as [string, string];
    // Arranging rows as the owner (the app role may not write everything a factory writes, e.g. sessions directly).
    seed = await openPostgres(d.db.ownerUrl, { max: 4 });
  }, 1_800_000);

  afterAll(async () => {
    await seed?.close();
    await d?.stop();
    await smtp?.close();
  }, 60_000);

  /** A database session for `userId`, as the cookie an instance reads. */
  async function signIn(userId: string): Promise<string> {
    const token = randomBytes(32).toString('hex');
    await seed.db.insert(sessions).values({ sessionToken: token, userId, expires: new Date(Date.now() + 3_600_000) });
    return `authjs.session-token=${token}`;
  }

  const post = (base: string, path: string, cookie: string, body: unknown) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { cookie, origin: d.publicUrl, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const get = (base: string, path: string, cookie: string) => fetch(`${base}${path}`, { headers: { cookie } });

  it('a claim race across the instances has one winner, case after case', async () => {
    const [c1, c2] = [await makeClinician(seed.db), await makeClinician(seed.db)];
    const [k1, k2] = [await signIn(c1.id), await signIn(c2.id)];
    for (let i = 0; i < 8; i++) {
      const patient = await makePatient(seed.db);
      const c = await makeCase(seed.db, { patientId: patient.id, areas: ['upper_back'] });
      // Alternate which instance each clinician reaches, so neither instance is always first.
      const [x, y] = i % 2 ? [A, B] : [B, A];
      const [r1, r2] = await Promise.all([post(x, `/api/intakes/${c.id}/claim`, k1, {}), post(y, `/api/intakes/${c.id}/claim`, k2, {})]);
      expect([r1.status, r2.status].sort()).toEqual([200, 409]);
      const winner = r1.status === 200 ? c1.id : c2.id;
      const loser = await (r1.status === 200 ? r2 : r1).json();
      expect(loser).toMatchObject({ error: 'already_claimed', assignedClinicianId: winner });
      const [row] = await seed.db.select({ assigned: cases.assignedClinicianId }).from(cases).where(eq(cases.id, c.id));
      expect(row?.assigned).toBe(winner);
    }
  });

  it('a video call whose participants talk to different instances is signalled end to end', async () => {
    const { booking, patient, clinician } = await makeConfirmedBooking(seed.db, { startsAt: new Date(Date.now() + 60_000) });
    const [kp, kc] = [await signIn(patient.id), await signIn(clinician.id)];
    const path = `/api/consult/${booking.id}/signal`;
    // The clinician is on A, the patient on B; each first asks for its cursor, as the room page does.
    const cursor = async (base: string, k: string) => ((await (await get(base, path, k)).json()) as { cursor: number }).cursor;
    let [cc, pc] = [await cursor(A, kc), await cursor(B, kp)];
    const poll = async (base: string, k: string, after: number) => {
      const res = await get(base, `${path}?after=${after}`, k);
      expect(res.status).toBe(200);
      return (await res.json()) as { messages: { kind: string; payload: Record<string, unknown> }[]; cursor: number };
    };
    const [cs, ps] = ['clinician-session-1', 'patient-session-01'];

    expect((await post(A, path, kc, { kind: 'hello', payload: { session: cs } })).status).toBe(201);
    let p = await poll(B, kp, pc);
    expect(p.messages.map((m) => m.kind)).toEqual(['hello']);
    pc = p.cursor;
    expect((await post(B, path, kp, { kind: 'hello', payload: { session: ps, reply: true } })).status).toBe(201);
    let c = await poll(A, kc, cc);
    expect(c.messages.map((m) => m.kind)).toEqual(['hello']);
    cc = c.cursor;

    const offer = { session: cs, to: ps, sdp: 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=offer\r\n' };
    expect((await post(A, path, kc, { kind: 'offer', payload: offer })).status).toBe(201);
    expect((await post(A, path, kc, { kind: 'ice', payload: { session: cs, to: ps, candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 50000 typ host', sdpMid: '0' } } })).status).toBe(201);
    p = await poll(B, kp, pc);
    expect(p.messages.map((m) => m.kind)).toEqual(['offer', 'ice']);
    expect(p.messages[0]!.payload).toEqual(offer);
    pc = p.cursor;

    const answer = { session: ps, to: cs, sdp: 'v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=answer\r\n' };
    expect((await post(B, path, kp, { kind: 'answer', payload: answer })).status).toBe(201);
    c = await poll(A, kc, cc);
    expect(c.messages.map((m) => m.kind)).toEqual(['answer']);
    expect(c.messages[0]!.payload).toEqual(answer);
    // Nothing is delivered twice: the next polls on the other instance are empty.
    expect((await poll(B, kc, c.cursor)).messages).toEqual([]);
    expect((await poll(A, kp, pc)).messages).toEqual([]);
  });

  it('rate limits are counted once for the deployment: requests split across the instances hit the one limit', async () => {
    const patient = await makePatient(seed.db);
    const c = await makeCase(seed.db, { patientId: patient.id });
    const k = await signIn(patient.id);
    const statuses: { instance: string; status: number }[] = [];
    for (let i = 0; i < MESSAGE_LIMIT + 4; i++) {
      const base = i % 2 ? B : A;
      const res = await post(base, `/api/intakes/${c.id}/messages`, k, { body: `Message ${i}` });
      statuses.push({ instance: base === A ? 'A' : 'B', status: res.status });
    }
    // Per-instance counters would let MESSAGE_LIMIT through on each instance (10 × 201 here).
    expect(statuses.filter((s) => s.status === 201)).toHaveLength(MESSAGE_LIMIT);
    expect(statuses.slice(MESSAGE_LIMIT).map((s) => s.status)).toEqual([429, 429, 429, 429]);
    expect(new Set(statuses.filter((s) => s.status === 429).map((s) => s.instance))).toEqual(new Set(['A', 'B']));
  });

  it('SLA alerts and reminders happen once while two workers and the schedule run the jobs over and over', async () => {
    await d.startWorker('worker2');
    const assignee = await makeClinician(seed.db);
    const patient = await makePatient(seed.db);
    const breached = await makeCase(seed.db, { patientId: patient.id, assignedClinicianId: assignee.id, status: 'in_review', slaDueAt: new Date(Date.now() - 5 * 60_000) });
    const { booking, patient: booked } = await makeConfirmedBooking(seed.db, { startsAt: new Date(Date.now() + 30 * 60_000) });
    // Confirmed long ago: the 1-hour reminder is due (a booking confirmed inside its window gets none).
    await seed.db.update(bookings).set({ confirmedAt: new Date(Date.now() - 2 * 86_400_000) }).where(eq(bookings.id, booking.id));

    // Besides the minute schedule, ten runs of each job queued at once: the two workers take them concurrently.
    const boss = new PgBoss({ connectionString: d.db.ownerUrl, max: 2, supervise: false, schedule: false, migrate: false });
    await boss.start();
    try {
      await Promise.all(Array.from({ length: 10 }, () => [boss.send('queue.sla-breaches', {}), boss.send('booking.send-reminders', {})]).flat());
    } finally {
      await boss.stop({ graceful: false, wait: true, timeout: 5_000 });
    }
    const of = (email: string) => smtp.received.filter((m) => m.to[0] === email);
    const subjects = (email: string) => of(email).map((m) => /^Subject: (.*)$/m.exec(m.data.replace(/\r\n[ \t]+/g, ' '))?.[1]);
    await expect.poll(() => of(assignee.email).length + of(booked.email).length, { timeout: 90_000, interval: 500 }).toBeGreaterThanOrEqual(2);
    // Let every queued run and the next scheduled one finish before counting.
    const admin = postgres(d.db.url, { max: 1, onnotice: () => undefined });
    try {
      await expect
        .poll(async () => (await admin`select count(*)::int as n from pgboss.job where name in ('queue.sla-breaches', 'booking.send-reminders') and state in ('created', 'retry', 'active')`)[0]!.n, { timeout: 60_000, interval: 500 })
        .toBe(0);
      const runs = await admin`select count(*)::int as n from pgboss.job where name in ('queue.sla-breaches', 'booking.send-reminders') and state = 'completed'`;
      expect(runs[0]!.n).toBeGreaterThanOrEqual(20);
      await new Promise((r) => setTimeout(r, 3_000));
      expect(subjects(assignee.email)).toEqual([expect.stringMatching(/^SLA breached/)]);
      expect(subjects(booked.email)).toEqual([expect.stringMatching(/^Reminder: .* in about an hour/)]);
      const events = await admin`select count(*)::int as n from case_events where case_id = ${breached.id} and kind = 'sla.breached'`;
      expect(events[0]!.n).toBe(1);
    } finally {
      await admin.end();
    }
  }, 240_000);

  /**
   * What polling costs when the pollers are spread over the instances: requests per second one instance pair serves,
   * latency, and database transactions per poll (pg_stat_database, the idle rate of the workers subtracted; every
   * statement outside a transaction is one). Figures, not a pass/fail target: printed for the report. About two
   * minutes of waiting for PostgreSQL's statistics, so it runs on request: MEASURE_POLLING=1.
   */
  it.runIf(process.env.MEASURE_POLLING === '1')('measures the cost of video signalling polls and queue refresh polls across the instances', async () => {
    const { booking, patient } = await makeConfirmedBooking(seed.db, { startsAt: new Date(Date.now() + 60_000) });
    const kp = await signIn(patient.id);
    const signalPath = `/api/consult/${booking.id}/signal`;
    const cursor = ((await (await get(B, signalPath, kp)).json()) as { cursor: number }).cursor;
    const clinician = await makeClinician(seed.db);
    const kc = await signIn(clinician.id);
    for (let i = 0; i < 60; i++) await makeCase(seed.db, { patientId: (await makePatient(seed.db)).id, areas: ['upper_back'] });

    const admin = postgres(d.db.url, { max: 1, onnotice: () => undefined });
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    // Backends report their counts at most once a second, and an idle one within 10 s: windows leave room for that.
    const xacts = async () => {
      await admin`select pg_stat_clear_snapshot()`;
      return Number((await admin`select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()`)[0]!.n);
    };
    async function measure(label: string, n: number, concurrency: number, path: string, cookie: string) {
      const idle0 = await xacts();
      const tIdle = Date.now();
      await sleep(11_000);
      const idleRate = ((await xacts()) - idle0 - 2) / (Date.now() - tIdle);
      const x0 = await xacts();
      const t0 = Date.now();
      const latencies: number[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async (_, w) => {
          while (next < n) {
            const i = next++;
            const s = performance.now();
            const res = await get((i + w) % 2 ? B : A, path, cookie);
            await res.arrayBuffer();
            latencies.push(performance.now() - s);
            expect(res.status).toBe(200);
          }
        }),
      );
      const busyMs = Date.now() - t0;
      await sleep(11_000);
      const total = (await xacts()) - x0 - 2;
      const perPoll = (total - idleRate * (Date.now() - t0)) / n;
      latencies.sort((a, b) => a - b);
      const q = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!);
      const r = { label, polls: n, concurrency, perSecond: Math.round((n / busyMs) * 1000), p50Ms: q(0.5), p95Ms: q(0.95), dbTransactionsPerPoll: Math.round(perPoll * 10) / 10, idleDbTransactionsPerSecond: Math.round(idleRate * 10_000) / 10 };
      console.log(`[two-instances] ${JSON.stringify(r)}`);
      return r;
    }
    try {
      // The floor every request of this stack pays (no session, one `select 1`), measured in the same run.
      await measure('health (GET /api/health)', 300, 6, '/api/health', kp);
      const signal = await measure('signal poll (GET /api/consult/:id/signal?after=)', 300, 6, `${signalPath}?after=${cursor}`, kp);
      const queue = await measure('queue refresh (GET /api/queue?counts=1&limit=50)', 100, 4, '/api/queue?counts=1&limit=50', kc);
      // Sanity bounds only (a poll that fanned out into dozens of queries would show here).
      expect(signal.dbTransactionsPerPoll).toBeLessThan(20);
      expect(queue.dbTransactionsPerPoll).toBeLessThan(30);
    } finally {
      await admin.end();
    }
  }, 240_000);
});
