/**
 * `npm run bench:intake`: submissions per second and latency of POST /api/intakes against a production server,
 * next to the same server's GET /api/health in the same run, at 20 concurrent clients.
 *
 * Starts the production build through lib/cli/e2e-server.ts (fresh migrated + seeded database, factories on) on
 * BENCH_PORT (3101), unless BENCH_URL points at a server that is already running with E2E_FACTORIES=true.
 * Builds first when NEXT_DIST_DIR (default .next-intake) has no build. With DATABASE_URL set, the server runs on a
 * throwaway PostgreSQL database instead of PGlite.
 *
 * Env: BENCH_CLIENTS (20), BENCH_SUBMISSIONS (200), BENCH_HEALTH_REQUESTS (1000), BENCH_PATIENTS (= clients),
 * BENCH_ROUNDS (5: health and intake phases alternate, so both see the same background load).
 * Target: intake p95 < 5 × health p95, zero errors. Exit code 1 when the target is missed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rightScapulaIntake } from '@/db/seed/forum-cases';
import postgres from 'postgres';
import { createThrowawayDatabase } from '@/lib/testing/throwaway-db';
import { emitResult, productionBuild, startNext, type StartedServer } from './lib/common';

const port = Number(process.env.BENCH_PORT ?? 3101);
const external = process.env.BENCH_URL;
const baseUrl = (external ?? `http://127.0.0.1:${port}`).replace(/\/$/, '');
const distDir = process.env.NEXT_DIST_DIR ?? '.next-intake';
const clients = Number(process.env.BENCH_CLIENTS ?? 20);
const submissions = Number(process.env.BENCH_SUBMISSIONS ?? 200);
const healthRequests = Number(process.env.BENCH_HEALTH_REQUESTS ?? 1000);
const patients = Number(process.env.BENCH_PATIENTS ?? clients);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

interface Run {
  latencies: number[];
  errors: string[];
  wallMs: number;
}

/** `total` requests spread over `concurrency` workers, each sending one request at a time. */
async function load(concurrency: number, total: number, send: (i: number, worker: number) => Promise<void>): Promise<Run> {
  const latencies: number[] = [];
  const errors: string[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        const t0 = performance.now();
        try {
          await send(i, worker);
          latencies.push(performance.now() - t0);
        } catch (err) {
          errors.push(err instanceof Error ? err.message : String(err));
        }
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), errors, wallMs: performance.now() - started };
}

async function waitForHealth(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server at ${baseUrl} did not become healthy`);
}

function startServer(): ChildProcess {
  productionBuild(distDir, { e2eFactories: true });
  console.log(`› starting the production server on ${baseUrl} (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})…`);
  return spawn('npx', ['tsx', '--conditions=react-server', 'lib/cli/e2e-server.ts', String(port)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_DIST_DIR: distDir },
    detached: true, // own process group, so stopping it also stops `next start`
  });
}

/**
 * BENCH_PLAIN_BUILD=1 with DATABASE_URL (as `npm run bench` runs it): the plain production build (no test factories,
 * shared with the other benches), `next start` on a throwaway PostgreSQL database, patient sessions written to the
 * database directly. The intake rate limit is raised as the e2e server raises it (hundreds of intakes per patient).
 */
async function startPlain(): Promise<{ server: StartedServer; cookies: (n: number) => Promise<string[]>; drop: () => Promise<void> }> {
  productionBuild(distDir, { e2eFactories: false });
  // Imported here: the seed reaches server-only modules, so this path runs under --conditions=react-server (bench/run.ts).
  const { migrateHandle, openPostgres } = await import('@/db/client');
  const { seedAll } = await import('@/db/seed/index');
  const throwaway = await createThrowawayDatabase(process.env.DATABASE_URL!, 'tc_bench_intake');
  const handle = await openPostgres(throwaway.url, { max: 2 });
  await migrateHandle(handle);
  process.env.DEMO_MODE ??= 'true'; // the seed's mail goes to the demo outbox, as lib/cli/e2e-server.ts seeds
  await seedAll(handle.db);
  await handle.close();
  const { SMTP_URL: _smtp, STRIPE_SECRET_KEY: _stripe, ...inherited } = process.env;
  void _smtp;
  void _stripe;
  console.log(`› starting the production server on ${baseUrl} (PostgreSQL, plain build)…`);
  const server = await startNext({
    port,
    distDir,
    env: { ...inherited, DATABASE_URL: throwaway.url, AUTH_SECRET: 'bench-secret-not-for-production-0123456789', DEMO_MODE: 'true', JOBS_IN_PROCESS: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_INTAKES: process.env.RATE_LIMIT_INTAKES ?? '2000/1h' },
  });
  const sql = postgres(throwaway.url, { max: 1, onnotice: () => undefined });
  return {
    server,
    cookies: async (n) => {
      const rows = await sql<{ t: string }[]>`
        WITH u AS (INSERT INTO users (id, email, roles, email_verified) SELECT gen_random_uuid()::text, 'bench-' || md5(random()::text) || '@example.test', ARRAY['patient'], now() FROM generate_series(1, ${n}) RETURNING id)
        INSERT INTO sessions (session_token, user_id, expires) SELECT md5(random()::text) || md5(random()::text), id, now() + interval '1 hour' FROM u RETURNING session_token AS t`;
      return rows.map((r) => `authjs.session-token=${r.t}`);
    },
    drop: async () => {
      await sql.end({ timeout: 5 });
      await server.stop();
      await throwaway.drop();
    },
  };
}

async function main() {
  const plain = !external && process.env.BENCH_PLAIN_BUILD === '1' && process.env.DATABASE_URL ? await startPlain() : null;
  const server = external || plain ? null : startServer();
  const stop = () => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  };
  process.on('SIGINT', () => {
    stop();
    process.exit(130);
  });
  try {
    await waitForHealth(120_000);
    const health = (await (await fetch(`${baseUrl}/api/health`)).json()) as { db: string };

    console.log(`› creating ${patients} patient sessions${plain ? ' in the database' : ' through the factory'}…`);
    const cookies: string[] = plain ? await plain.cookies(patients) : [];
    for (let i = 0; i < (plain ? 0 : patients); i++) {
      const res = await fetch(`${baseUrl}/api/test/patient-session`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', origin: baseUrl } });
      if (res.status !== 201) throw new Error(`patient-session factory answered ${res.status} (is E2E_FACTORIES=true on the server?)`);
      const { cookie } = (await res.json()) as { cookie: { name: string; value: string } };
      cookies.push(`${cookie.name}=${cookie.value}`);
    }
    const body = JSON.stringify(rightScapulaIntake());

    // Warm up both routes (first requests compile nothing in production but open the DB and JIT the code).
    for (let i = 0; i < 5; i++) {
      await fetch(`${baseUrl}/api/health`);
      await fetch(`${baseUrl}/api/intakes`, { method: 'POST', body, headers: { 'content-type': 'application/json', origin: baseUrl, cookie: cookies[i % cookies.length] } });
    }

    const healthGet = async () => {
      const res = await fetch(`${baseUrl}/api/health`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`health ${res.status}`);
    };
    const intakePost = async (_i: number, worker: number) => {
      const res = await fetch(`${baseUrl}/api/intakes`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', origin: baseUrl, cookie: cookies[worker % cookies.length] },
      });
      const text = await res.text();
      if (res.status !== 201) throw new Error(`intake ${res.status}: ${text.slice(0, 200)}`);
    };

    // Interleaved rounds, so both endpoints see the same background load on a shared machine.
    const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
    console.log(`› ${rounds} rounds of GET /api/health (${healthRequests} in all) then POST /api/intakes (${submissions} in all), ${clients} concurrent clients each…`);
    const h: Run = { latencies: [], errors: [], wallMs: 0 };
    const s: Run = { latencies: [], errors: [], wallMs: 0 };
    for (let r = 0; r < rounds; r++) {
      for (const [acc, run] of [
        [h, await load(clients, Math.ceil(healthRequests / rounds), healthGet)],
        [s, await load(clients, Math.ceil(submissions / rounds), intakePost)],
      ] as const) {
        acc.latencies.push(...run.latencies);
        acc.errors.push(...run.errors);
        acc.wallMs += run.wallMs;
      }
    }
    h.latencies.sort((a, b) => a - b);
    s.latencies.sort((a, b) => a - b);

    const hp50 = percentile(h.latencies, 50);
    const hp95 = percentile(h.latencies, 95);
    const sp50 = percentile(s.latencies, 50);
    const sp95 = percentile(s.latencies, 95);
    const ratio = sp95 / hp95;
    const perSecond = (s.latencies.length / s.wallMs) * 1000;
    const ok = ratio < 5 && h.errors.length === 0 && s.errors.length === 0;
    const f = (n: number) => n.toFixed(1).padStart(8);
    console.log('');
    console.log(`Intake benchmark — ${health.db}, ${clients} concurrent clients, ${patients} patients`);
    console.log('                         requests   errors    p50 ms    p95 ms    per s');
    console.log(`GET  /api/health        ${String(h.latencies.length).padStart(8)} ${String(h.errors.length).padStart(8)} ${f(hp50)}  ${f(hp95)}  ${f((h.latencies.length / h.wallMs) * 1000)}`);
    console.log(`POST /api/intakes       ${String(s.latencies.length).padStart(8)} ${String(s.errors.length).padStart(8)} ${f(sp50)}  ${f(sp95)}  ${f(perSecond)}`);
    console.log('');
    console.log(`submissions per second: ${perSecond.toFixed(1)}`);
    console.log(`ratio intake p95 / health p95: ${ratio.toFixed(2)}× (target < 5×) — ${ok ? 'PASS' : 'FAIL'}`);
    for (const e of [...h.errors, ...s.errors].slice(0, 5)) console.log(`  error: ${e}`);
    emitResult({
      bench: 'intake',
      database: health.db,
      figures: [
        { name: `POST /api/intakes p95 (${clients} concurrent clients, ${submissions} submissions, ${perSecond.toFixed(1)}/s)`, value: sp95, unit: 'ms', baseline: { name: 'GET /api/health p95, same clients', value: hp95 }, target: 5 },
        { name: 'intake errors', value: h.errors.length + s.errors.length, unit: 'errors', target: 0 },
      ],
    });
    process.exitCode = ok ? 0 : 1;
  } finally {
    stop();
    await plain?.drop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
