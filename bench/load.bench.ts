/**
 * `npm run bench:load`: 50 concurrent clients for 60 s on TWO `next start` instances over one PostgreSQL database.
 *
 * 1. A throwaway database on DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), migrated, with the demo
 *    accounts and consult types/hours, 5,000 patients and BENCH_LOAD_CASES (20,000) cases (bench/lib/seed-queue.ts).
 *    Sessions are database rows written here (Auth.js database sessions): 10 clinicians, 1,000 patients — no test
 *    factory, so the servers run the plain production build (NEXT_DIST_DIR, default .next-bench).
 * 2. Two servers (BENCH_PORT, BENCH_PORT+1; default 3510/3511), no in-process jobs. Each client sends one request at a
 *    time to the instances in turn, each request a kind drawn by weight: the queue page, the queue's JSON poll (with
 *    counts), a case view, an intake submission, a slot look-up, a hold, and the health route (the floor).
 *    Holds take distinct free slots (collected before the run), three per patient (the live-hold cap); intakes go
 *    round-robin over the patients (10 an hour each is the rate limit). Default rate limits are left as they are.
 * 3. Prints p50/p95/p99 and errors per kind. Target: zero errors; p95 of every kind ≤ 10 × health p95 (same run).
 *    A hold that loses a slot race would answer 409 slot_unavailable: counted as its own outcome, not as an error
 *    (with distinct slots there should be none).
 * Env: BENCH_CLIENTS (50), BENCH_SECONDS (60), BENCH_LOAD_CASES (20000), BENCH_PORT (3510), NEXT_DIST_DIR (.next-bench).
 */
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrateHandle, openPostgres, type Db } from '@/db/client';
import * as schema from '@/db/schema';
import { seedBooking } from '@/db/seed/booking';
import { rightScapulaIntake } from '@/db/seed/forum-cases';
import { createThrowawayDatabase } from '@/lib/testing/throwaway-db';
import { seedQueueCases } from './lib/seed-queue';
import { emitResult, productionBuild, startNext, summary, type StartedServer } from './lib/common';

const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CASES = Number(process.env.BENCH_LOAD_CASES ?? 20_000);
const PORT = Number(process.env.BENCH_PORT ?? 3510);
const DIST = process.env.NEXT_DIST_DIR ?? '.next-bench';
const PATIENTS = 1000;
const TARGET_RATIO = 10;

type Kind = 'health' | 'queue page' | 'queue poll' | 'case view' | 'intake' | 'slots' | 'hold';
const WEIGHTS: [Kind, number][] = [
  ['health', 15],
  ['queue page', 15],
  ['queue poll', 20],
  ['case view', 15],
  ['intake', 10],
  ['slots', 15],
  ['hold', 10],
];
const TOTAL_WEIGHT = WEIGHTS.reduce((a, [, w]) => a + w, 0);

function pickKind(): Kind {
  let r = Math.random() * TOTAL_WEIGHT;
  for (const [k, w] of WEIGHTS) {
    if ((r -= w) < 0) return k;
  }
  return 'health';
}

interface Fixture {
  clinicianCookies: string[];
  patientCookies: string[];
  openCaseIds: string[];
  consultTypeId: string;
  bookable: { clinicianId: string; slots: string[] }[];
}

async function prepare(sql: postgres.Sql, db: Db): Promise<Omit<Fixture, 'bookable'> & { bookableIds: string[] }> {
  const { clinicians } = await seedQueueCases(sql, db, CASES);
  await seedBooking(db);
  const cookie = (t: string) => `authjs.session-token=${t}`;
  const clinicianCookies: string[] = [];
  for (const id of clinicians) {
    const token = `load-c-${crypto.randomUUID()}`;
    await sql`INSERT INTO sessions (session_token, user_id, expires) VALUES (${token}, ${id}, now() + interval '2 hours')`;
    clinicianCookies.push(cookie(token));
  }
  const patientTokens = await sql<{ t: string }[]>`
    INSERT INTO sessions (session_token, user_id, expires)
    SELECT 'load-p-' || g || '-' || md5(random()::text), 'bench-p-' || g, now() + interval '2 hours' FROM generate_series(1, ${PATIENTS}) g
    RETURNING session_token AS t`;
  // Open cases in the shared pool: every clinician may read them (CONTRACTS §4c), so a case view is always a 200.
  const open = await sql<{ id: string }[]>`SELECT id FROM cases WHERE status IN ('submitted', 'in_review') AND assigned_clinician_id IS NULL LIMIT 500`;
  const [ct] = await sql<{ id: string }[]>`SELECT id FROM consult_types WHERE active ORDER BY sort_order LIMIT 1`;
  const bookable = await sql<{ id: string }[]>`SELECT DISTINCT clinician_id AS id FROM availability_rules`;
  return {
    clinicianCookies,
    patientCookies: patientTokens.map((r) => cookie(r.t)),
    openCaseIds: open.map((r) => r.id),
    consultTypeId: ct.id,
    bookableIds: bookable.map((r) => r.id),
  };
}

function slotsUrl(clinicianId: string, consultTypeId: string): string {
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 60 * 86_400_000).toISOString();
  return `/api/clinicians/${clinicianId}/slots?consultType=${consultTypeId}&from=${from}&to=${to}`;
}

interface Outcome {
  latencies: number[];
  errors: number;
  conflicts: number;
  samples: string[];
}

async function main() {
  productionBuild(DIST, { e2eFactories: false });
  const throwaway = await createThrowawayDatabase(BASE_URL, 'tc_bench_load');
  const sql = postgres(throwaway.url, { max: 4, onnotice: () => undefined });
  const db = drizzle(sql, { schema }) as unknown as Db;
  const servers: StartedServer[] = [];
  try {
    const migrator = await openPostgres(throwaway.url, { max: 1 });
    await migrateHandle(migrator);
    await migrator.close();
    const fx0 = await prepare(sql, db);
    const [{ v }] = await sql<{ v: string }[]>`select version() as v`;
    const { SMTP_URL: _smtp, STRIPE_SECRET_KEY: _stripe, STRIPE_API_BASE: _stripeBase, ...inherited } = process.env;
    void _smtp;
    void _stripe;
    void _stripeBase;
    const env = {
      ...inherited,
      DATABASE_URL: throwaway.url,
      AUTH_SECRET: 'bench-secret-not-for-production-0123456789',
      DEMO_MODE: 'true', // demo checkout, outbox mail: nothing leaves the machine
      JOBS_IN_PROCESS: 'false',
      LOG_LEVEL: 'warn',
    };
    for (const port of [PORT, PORT + 1]) servers.push(await startNext({ port, distDir: DIST, env }));
    const base0 = servers[0].base;
    const bookable: Fixture['bookable'] = [];
    for (const id of fx0.bookableIds) {
      const res = await fetch(base0 + slotsUrl(id, fx0.consultTypeId));
      const slots = (await res.json()) as { startsAt: string }[];
      bookable.push({ clinicianId: id, slots: slots.map((s) => s.startsAt) });
    }
    const holdSlots = bookable.flatMap((b) => b.slots.map((startsAt) => ({ clinicianId: b.clinicianId, startsAt })));
    // Interleave clinicians so consecutive holds do not queue on one clinician's rows.
    holdSlots.sort(() => Math.random() - 0.5);
    const fx: Fixture = { ...fx0, bookable };
    const intakeBody = JSON.stringify(rightScapulaIntake());
    console.log(
      `PostgreSQL: ${v.split(',')[0]}; ${CASES.toLocaleString('en')} cases, ${fx.clinicianCookies.length} clinician and ${PATIENTS} patient sessions, ` +
        `${holdSlots.length} free slots for holds, two instances on ${servers.map((s) => s.port).join(' and ')}`,
    );

    let seq = 0;
    let intakeSeq = 0;
    let holdSeq = 0;
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
    async function send(kind: Kind, base: string): Promise<'ok' | 'conflict'> {
      const json = { 'content-type': 'application/json', origin: base };
      let res: Response;
      let ok: (s: number, body: string) => boolean = (s) => s === 200;
      switch (kind) {
        case 'health':
          res = await fetch(`${base}/api/health`);
          break;
        case 'queue page':
          res = await fetch(`${base}/queue?assignee=any&status=open`, { headers: { cookie: pick(fx.clinicianCookies) }, redirect: 'manual' });
          ok = (s, b) => s === 200 && b.includes('Triage queue');
          break;
        case 'queue poll':
          res = await fetch(`${base}/api/queue?assignee=any&status=open&limit=50&counts=1`, { headers: { cookie: pick(fx.clinicianCookies) } });
          ok = (s, b) => s === 200 && b.includes('"counts"');
          break;
        case 'case view':
          res = await fetch(`${base}/queue/cases/${pick(fx.openCaseIds)}`, { headers: { cookie: pick(fx.clinicianCookies) }, redirect: 'manual' });
          break;
        case 'intake': {
          const cookie = fx.patientCookies[intakeSeq++ % fx.patientCookies.length];
          res = await fetch(`${base}/api/intakes`, { method: 'POST', body: intakeBody, headers: { ...json, cookie } });
          ok = (s) => s === 201;
          break;
        }
        case 'slots': {
          const b = pick(fx.bookable);
          res = await fetch(base + slotsUrl(b.clinicianId, fx.consultTypeId));
          break;
        }
        case 'hold': {
          const n = holdSeq++;
          const slot = holdSlots[n % holdSlots.length];
          const cookie = fx.patientCookies[Math.floor(n / 3) % fx.patientCookies.length];
          res = await fetch(`${base}/api/bookings`, {
            method: 'POST',
            body: JSON.stringify({ clinicianId: slot.clinicianId, consultTypeId: fx.consultTypeId, startsAt: slot.startsAt, acknowledgeNoRefund: true, timezone: 'Europe/London' }),
            headers: { ...json, cookie },
          });
          ok = (s) => s === 201;
          break;
        }
      }
      const body = await res.text();
      if (kind === 'hold' && res.status === 409 && body.includes('slot_unavailable')) return 'conflict';
      if (!ok(res.status, body)) throw new Error(`${kind} → ${res.status}: ${body.slice(0, 160)}`);
      return 'ok';
    }

    // Warm-up: each kind a few times on each instance (JIT, connection pools), not counted.
    for (const s of servers) for (const [k] of WEIGHTS) if (k !== 'hold' && k !== 'intake') for (let i = 0; i < 3; i++) await send(k, s.base);

    const outcomes = new Map<Kind, Outcome>(WEIGHTS.map(([k]) => [k, { latencies: [], errors: 0, conflicts: 0, samples: [] }]));
    const until = performance.now() + SECONDS * 1000;
    console.log(`› ${CLIENTS} clients for ${SECONDS} s…`);
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < until) {
          const kind = pickKind();
          const server = servers[seq++ % servers.length];
          const o = outcomes.get(kind)!;
          const t0 = performance.now();
          try {
            const r = await send(kind, server.base);
            o.latencies.push(performance.now() - t0);
            if (r === 'conflict') o.conflicts++;
          } catch (err) {
            o.errors++;
            if (o.samples.length < 3) o.samples.push(err instanceof Error ? `${err.message}${err.cause ? ` (${String(err.cause)})` : ''}` : String(err));
          }
        }
      }),
    );

    const health = summary(outcomes.get('health')!.latencies);
    const f = (n: number) => n.toFixed(1).padStart(8);
    console.log(`\nLoad: ${CLIENTS} clients, ${SECONDS} s, 2 instances, PostgreSQL`);
    console.log('kind            requests  errors  409s     p50 ms   p95 ms   p99 ms   p95/health p95');
    let totalErrors = 0;
    let totalRequests = 0;
    const figures = [];
    for (const [kind] of WEIGHTS) {
      const o = outcomes.get(kind)!;
      const s = summary(o.latencies);
      totalErrors += o.errors;
      totalRequests += s.n + o.errors;
      const ratio = s.p95 / health.p95;
      console.log(
        `${kind.padEnd(15)} ${String(s.n).padStart(8)} ${String(o.errors).padStart(7)} ${String(o.conflicts).padStart(5)} ${f(s.p50)} ${f(s.p95)} ${f(s.p99)}   ${kind === 'health' ? '' : `${ratio.toFixed(2)}×`}`,
      );
      for (const e of o.samples) console.log(`    error: ${e}`);
      if (kind !== 'health') {
        figures.push({
          name: `load ${kind} p95 (p50 ${s.p50.toFixed(1)}, p99 ${s.p99.toFixed(1)} ms; ${s.n} requests, ${o.errors} errors)`,
          value: s.p95,
          unit: 'ms',
          baseline: { name: 'health p95, same run', value: health.p95 },
          target: TARGET_RATIO,
        });
      }
    }
    console.log(`\n${totalRequests} requests, ${(totalRequests / SECONDS).toFixed(1)} per s, ${totalErrors} errors. Target: zero errors, every kind's p95 ≤ ${TARGET_RATIO}× health p95.`);
    const ok = emitResult({
      bench: 'load',
      database: v.split(',')[0],
      figures: [
        { name: `load errors (of ${totalRequests} requests, ${CLIENTS} clients, ${SECONDS} s, 2 instances)`, value: totalErrors, unit: 'errors', target: 0 },
        { name: `load health p95 (p50 ${health.p50.toFixed(1)}, p99 ${health.p99.toFixed(1)} ms)`, value: health.p95, unit: 'ms' },
        ...figures,
      ],
    });
    process.exitCode = ok ? 0 : 1;
  } finally {
    for (const s of servers) await s.stop();
    await sql.end({ timeout: 5 });
    await throwaway.drop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
