/**
 * `npm run bench:uploads-server`: does reading uploaded reports slow the app down? One production server (`next start`)
 * on a throwaway PostgreSQL database, with the job worker IN THE SAME PROCESS (JOBS_IN_PROCESS=true — the worst case:
 * OCR shares the server's CPU and event loop; `npm run worker` would move it to another process). In one run:
 *
 *   idle → busy (scanned 5-page PDFs uploaded through POST /api/intake-files, OCR running) → idle again
 *
 * and in each phase GET /api/health and GET /api/me (a signed-in request: session lookup in the database), one after
 * the other, sequentially. Figures: p95 while OCR runs ÷ p95 idle (both idle phases), for each route; OCR time per
 * page as the server saw it (upload to done). Target (issue 16): busy p95 ≤ 1.5 × idle p95 — reported, exit code 1
 * only on errors (this machine is shared).
 * Env: DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres), BENCH_PORT (3104), NEXT_DIST_DIR (.next-bench),
 * BENCH_FILES (3 scanned PDFs of 5 pages), BENCH_IDLE (120 requests per route per idle phase).
 */
import postgres from 'postgres';
import { PDFDocument } from 'pdf-lib';
import { migratePostgres } from '@/db/migrate-postgres';
import { JOBS } from '@/lib/cli/jobs';
import { createThrowawayDatabase } from '@/lib/testing/throwaway-db';
import { scannedPdf } from '@/lib/testing/upload-fixtures';
import { RIGHT_SCAPULA_MRI_REPORT } from '@/lib/triage/mri/corpus/forum-seeds';
import { emitResult, productionBuild, startNext, summary } from './lib/common';

const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PORT = Number(process.env.BENCH_PORT ?? 3104);
const DIST = process.env.NEXT_DIST_DIR ?? '.next-bench';
const FILES = Number(process.env.BENCH_FILES ?? 3);
const IDLE = Number(process.env.BENCH_IDLE ?? 120);
const PAGES = 5;

async function fivePageScan(): Promise<Uint8Array> {
  const one = await PDFDocument.load(await scannedPdf(RIGHT_SCAPULA_MRI_REPORT));
  const doc = await PDFDocument.create();
  for (let i = 0; i < PAGES; i++) doc.addPage((await doc.copyPages(one, [0]))[0]);
  return doc.save();
}

async function main() {
  productionBuild(DIST, { e2eFactories: false });
  const throwaway = await createThrowawayDatabase(BASE_URL, 'tc_bench_uploads');
  const sql = postgres(throwaway.url, { max: 2, onnotice: () => undefined });
  let stop: (() => Promise<void>) | undefined;
  try {
    await migratePostgres(throwaway.url, { jobQueues: JOBS.map((j) => j.name) });
    const [patient] = await sql<{ id: string }[]>`insert into users (id, email, roles) values (gen_random_uuid()::text, 'bench-uploader@example.test', '{patient}') returning id`;
    const token = `bench-${crypto.randomUUID()}`;
    await sql`insert into sessions (session_token, user_id, expires) values (${token}, ${patient.id}, now() + interval '2 hours')`;
    const cookie = `authjs.session-token=${token}`;

    const { SMTP_URL: _smtp, ...inherited } = process.env;
    void _smtp;
    const server = await startNext({
      port: PORT,
      distDir: DIST,
      env: { ...inherited, DATABASE_URL: throwaway.url, AUTH_SECRET: 'bench-secret-not-for-production-0123456789', DEMO_MODE: 'true', JOBS_IN_PROCESS: 'true', LOG_LEVEL: 'warn', RATE_LIMIT_UPLOADS: '1000/1h' },
    });
    stop = server.stop;
    const get = async (path: string, withCookie: boolean): Promise<number> => {
      const t0 = performance.now();
      const res = await fetch(`${server.base}${path}`, { headers: withCookie ? { cookie } : {} });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      return performance.now() - t0;
    };
    const round = async (into: { health: number[]; me: number[] }) => {
      into.health.push(await get('/api/health', false));
      into.me.push(await get('/api/me', true));
    };
    // Warm-up: compile paths, open pools.
    const warm = { health: [] as number[], me: [] as number[] };
    for (let i = 0; i < 30; i++) await round(warm);

    const idle = { health: [] as number[], me: [] as number[] };
    for (let i = 0; i < IDLE; i++) await round(idle);

    // Busy: upload the scans, then measure for as long as any is still being read.
    const scan = await fivePageScan();
    const ids: string[] = [];
    const uploadedAt = performance.now();
    for (let i = 0; i < FILES; i++) {
      const form = new FormData();
      form.append('file', new Blob([Buffer.from(scan)], { type: 'application/pdf' }), `scan-${i}.pdf`);
      const res = await fetch(`${server.base}/api/intake-files`, { method: 'POST', body: form, headers: { cookie, origin: server.base } });
      if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
      ids.push(((await res.json()) as { id: string }).id);
    }
    const busy = { health: [] as number[], me: [] as number[] };
    const reading = async () => Number((await sql<{ n: number }[]>`select count(*)::int as n from intake_files where status = 'reading'`)[0].n);
    let doneAt = 0;
    while (!doneAt) {
      for (let i = 0; i < 10; i++) await round(busy);
      if ((await reading()) === 0) doneAt = performance.now();
    }
    const statuses = await sql<{ status: string; method: string }[]>`select status, method from intake_files`;
    if (statuses.some((s) => s.status !== 'done' || s.method !== 'ocr')) throw new Error(`not all read by OCR: ${JSON.stringify(statuses)}`);
    const ocrMsPerPage = (doneAt - uploadedAt) / (FILES * PAGES);

    for (let i = 0; i < IDLE; i++) await round(idle);

    const s = { idleHealth: summary(idle.health), busyHealth: summary(busy.health), idleMe: summary(idle.me), busyMe: summary(busy.me) };
    const line = (label: string, x: { n: number; p50: number; p95: number }) => console.log(`${label.padEnd(44)} n=${String(x.n).padStart(4)}  p50 ${x.p50.toFixed(1)} ms  p95 ${x.p95.toFixed(1)} ms`);
    line('GET /api/health, idle', s.idleHealth);
    line('GET /api/health, while OCR runs', s.busyHealth);
    line('GET /api/me (signed in), idle', s.idleMe);
    line('GET /api/me (signed in), while OCR runs', s.busyMe);
    console.log(`OCR in the server: ${FILES} scans × ${PAGES} pages read in ${((doneAt - uploadedAt) / 1000).toFixed(1)} s → ${ocrMsPerPage.toFixed(0)} ms/page (upload to done, one worker)`);
    emitResult({
      bench: 'uploads-server',
      database: 'postgresql',
      figures: [
        { name: 'GET /api/health p95 while OCR runs (worker in the server)', value: s.busyHealth.p95, unit: 'ms', baseline: { name: 'GET /api/health p95 idle', value: s.idleHealth.p95 }, target: 1.5 },
        { name: 'GET /api/me p95 while OCR runs (worker in the server)', value: s.busyMe.p95, unit: 'ms', baseline: { name: 'GET /api/me p95 idle', value: s.idleMe.p95 }, target: 1.5 },
        { name: 'OCR per page in the server (upload to done)', value: Math.round(ocrMsPerPage), unit: 'ms' },
      ],
    });
  } finally {
    await stop?.();
    await sql.end();
    await throwaway.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
