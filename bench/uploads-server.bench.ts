/**
 * `npm run bench:uploads-server`: does reading uploaded reports slow the app's requests down? A production server
 * (`next start`) on a throwaway PostgreSQL database, in two set-ups, each in one run:
 *
 *   - worker: the job worker as its own process (`npm run worker`, the PostgreSQL default: JOBS_IN_PROCESS=false);
 *   - in-process: the worker inside the server (JOBS_IN_PROCESS=true, as on PGlite): the job shares its event loop,
 *     the reading itself runs in a low-priority worker thread (lib/uploads/read-thread.ts).
 *
 * In each: idle → busy (scanned 5-page PDFs uploaded through POST /api/intake-files, read by OCR) → idle again, with
 * GET /api/health and GET /api/me (signed in: a session lookup) requested one after the other throughout. Figures: p95
 * while reading ÷ p95 idle (both idle phases), per route; failed requests (non-200, e.g. a 503 when the health ping
 * waited over 1.5 s) are counted and timed; OCR time per page as the server saw it (upload to done). Target (issue 16):
 * busy p95 ≤ 1.5 × idle p95 — reported; exit code 1 only on errors (this machine is shared).
 * Env: DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres), BENCH_PORT (3104), NEXT_DIST_DIR (.next-bench),
 * BENCH_FILES (2 scanned PDFs of 5 pages), BENCH_IDLE (100 rounds per idle phase), BENCH_MODES (worker,in-process).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import postgres from 'postgres';
import { PDFDocument } from 'pdf-lib';
import { migratePostgres } from '@/db/migrate-postgres';
import { JOBS } from '@/lib/cli/jobs';
import { createThrowawayDatabase } from '@/lib/testing/throwaway-db';
import { scannedPdf } from '@/lib/testing/upload-fixtures';
import { RIGHT_SCAPULA_MRI_REPORT } from '@/lib/triage/mri/corpus/forum-seeds';
import { emitResult, productionBuild, startNext, summary, type BenchFigure } from './lib/common';

const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PORT = Number(process.env.BENCH_PORT ?? 3104);
const DIST = process.env.NEXT_DIST_DIR ?? '.next-bench';
const FILES = Number(process.env.BENCH_FILES ?? 2);
const IDLE = Number(process.env.BENCH_IDLE ?? 100);
const MODES = (process.env.BENCH_MODES ?? 'worker,in-process').split(',') as ('worker' | 'in-process')[];
const PAGES = 5;

async function fivePageScan(): Promise<Uint8Array> {
  const one = await PDFDocument.load(await scannedPdf(RIGHT_SCAPULA_MRI_REPORT));
  const doc = await PDFDocument.create();
  for (let i = 0; i < PAGES; i++) doc.addPage((await doc.copyPages(one, [0]))[0]);
  return doc.save();
}

interface Samples {
  health: number[];
  me: number[];
  failed: number;
}
const samples = (): Samples => ({ health: [], me: [], failed: 0 });

async function runMode(mode: 'worker' | 'in-process', scan: Uint8Array): Promise<BenchFigure[]> {
  const throwaway = await createThrowawayDatabase(BASE_URL, 'tc_bench_uploads');
  const sql = postgres(throwaway.url, { max: 2, onnotice: () => undefined });
  const stops: (() => Promise<void>)[] = [];
  try {
    await migratePostgres(throwaway.url, { jobQueues: JOBS.map((j) => j.name) });
    const [patient] = await sql<{ id: string }[]>`insert into users (id, email, roles) values (gen_random_uuid()::text, 'bench-uploader@example.test', '{patient}') returning id`;
    const token = `bench-${crypto.randomUUID()}`;
    await sql`insert into sessions (session_token, user_id, expires) values (${token}, ${patient.id}, now() + interval '2 hours')`;
    const cookie = `authjs.session-token=${token}`;

    const { SMTP_URL: _smtp, ...inherited } = process.env;
    void _smtp;
    const env = { ...inherited, DATABASE_URL: throwaway.url, AUTH_SECRET: 'bench-secret-not-for-production-0123456789', DEMO_MODE: 'true', LOG_LEVEL: 'warn', RATE_LIMIT_UPLOADS: '1000/1h' };
    const server = await startNext({ port: PORT, distDir: DIST, env: { ...env, JOBS_IN_PROCESS: mode === 'in-process' ? 'true' : 'false' } });
    stops.push(server.stop);
    if (mode === 'worker') {
      const worker = spawn(process.execPath, [path.resolve('node_modules/.bin/tsx'), '--conditions=react-server', 'lib/cli/worker.ts'], { env: { ...env, NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
      const exited = new Promise<void>((r) => worker.once('exit', () => r()));
      stops.push(async () => {
        try {
          process.kill(-worker.pid!, 'SIGTERM');
        } catch {
          return;
        }
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      });
    }
    const get = async (p: string, withCookie: boolean, into: Samples): Promise<number> => {
      const t0 = performance.now();
      const res = await fetch(`${server.base}${p}`, { headers: withCookie ? { cookie } : {} });
      await res.arrayBuffer();
      if (res.status !== 200) into.failed++;
      return performance.now() - t0;
    };
    const round = async (into: Samples) => {
      into.health.push(await get('/api/health', false, into));
      into.me.push(await get('/api/me', true, into));
    };
    for (let i = 0; i < 30; i++) await round(samples()); // warm-up: compile paths, open pools

    const idle = samples();
    for (let i = 0; i < IDLE; i++) await round(idle);

    const uploadedAt = performance.now();
    for (let i = 0; i < FILES; i++) {
      const form = new FormData();
      form.append('file', new Blob([Buffer.from(scan)], { type: 'application/pdf' }), `scan-${i}.pdf`);
      const res = await fetch(`${server.base}/api/intake-files`, { method: 'POST', body: form, headers: { cookie, origin: server.base } });
      if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
    }
    const busy = samples();
    const reading = async () => Number((await sql<{ n: number }[]>`select count(*)::int as n from intake_files where status = 'reading'`)[0].n);
    let doneAt = 0;
    while (!doneAt) {
      for (let i = 0; i < 5; i++) await round(busy);
      if ((await reading()) === 0) doneAt = performance.now();
      if (performance.now() - uploadedAt > 600_000) throw new Error('the files were not read within 10 minutes');
    }
    const statuses = await sql<{ status: string; method: string; message: string | null }[]>`select status, method, message from intake_files`;
    if (statuses.some((s) => s.status !== 'done' || s.method !== 'ocr')) throw new Error(`not all read by OCR: ${JSON.stringify(statuses)}`);
    const ocrMsPerPage = (doneAt - uploadedAt) / (FILES * PAGES);

    for (let i = 0; i < IDLE; i++) await round(idle);

    const s = { idleHealth: summary(idle.health), busyHealth: summary(busy.health), idleMe: summary(idle.me), busyMe: summary(busy.me) };
    const line = (label: string, x: { n: number; p50: number; p95: number }) => console.log(`[${mode}] ${label.padEnd(40)} n=${String(x.n).padStart(4)}  p50 ${x.p50.toFixed(1)} ms  p95 ${x.p95.toFixed(1)} ms`);
    line('GET /api/health, idle', s.idleHealth);
    line('GET /api/health, while reading', s.busyHealth);
    line('GET /api/me (signed in), idle', s.idleMe);
    line('GET /api/me (signed in), while reading', s.busyMe);
    console.log(`[${mode}] failed requests: idle ${idle.failed}, while reading ${busy.failed}`);
    console.log(`[${mode}] ${FILES} scans × ${PAGES} pages read in ${((doneAt - uploadedAt) / 1000).toFixed(1)} s → ${ocrMsPerPage.toFixed(0)} ms/page (upload to done, one OCR worker)`);
    return [
      { name: `[${mode}] GET /api/health p95 while OCR runs`, value: s.busyHealth.p95, unit: 'ms', baseline: { name: 'idle p95', value: s.idleHealth.p95 }, target: 1.5, note: `${busy.failed} of ${busy.health.length * 2} requests failed while reading` },
      { name: `[${mode}] GET /api/me p95 while OCR runs`, value: s.busyMe.p95, unit: 'ms', baseline: { name: 'idle p95', value: s.idleMe.p95 }, target: 1.5 },
      { name: `[${mode}] OCR per page in the app (upload to done)`, value: Math.round(ocrMsPerPage), unit: 'ms' },
    ];
  } finally {
    for (const stop of stops.reverse()) await stop();
    await sql.end();
    await throwaway.drop();
  }
}

async function main() {
  productionBuild(DIST, { e2eFactories: false });
  const scan = await fivePageScan();
  const figures: BenchFigure[] = [];
  for (const mode of MODES) figures.push(...(await runMode(mode, scan)));
  emitResult({ bench: 'uploads-server', database: 'postgresql', figures });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
