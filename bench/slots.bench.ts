/**
 * Slot computation and the slots API. Run: npm run bench:slots (builds into .next-booking when that build is missing or
 * older than the sources; BENCH_DIST_DIR picks another build folder).
 *
 * 1. computeSlots for one clinician over 60 days with 200 existing bookings, in process: median of many runs,
 *    reported per clinician-month (target < 2 ms).
 * 2. GET /api/clinicians/:id/slots (60 days, the same 200 bookings in the database) next to GET /api/health,
 *    interleaved in the same run against a production server (`next start`) on a fresh PGlite database;
 *    p95 of each and the ratio (target ≤ 3×). Ratios, because this machine is shared and noisy.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { migrateHandle, openPglite, openPostgres, type DbHandle } from '../db/client';
import { createThrowawayDatabase } from '../lib/testing/throwaway-db';
import { bookings, consultTypes, users } from '../db/schema';
import { seedAll } from '../db/seed/index';
import { DEMO_CONSULT_TYPES } from '../db/seed/booking';
import { computeSlots, type SlotInput } from '../lib/booking/slots';
import type { Interval, WeeklyRule } from '../lib/domain/availability';
import { clearOffsetCache } from '../lib/booking/zoned-time';
import { emitResult, productionBuild } from './lib/common';

/** With DATABASE_URL set (as `npm run bench` does), the API part runs on a throwaway PostgreSQL database; else PGlite. */
const PG_BASE = process.env.DATABASE_URL;

const DAY = 86_400_000;
const TARGET_MS_PER_MONTH = 2;
const TARGET_API_RATIO = 3;
const PORT = Number(process.env.BENCH_PORT ?? 3193);
const DIST = process.env.BENCH_DIST_DIR ?? '.next-booking';

const weekdays = (s: number, e: number): WeeklyRule[] => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: s, endMinute: e }));
const HOURS = [...weekdays(9 * 60, 12 * 60 + 30), ...weekdays(13 * 60 + 30, 17 * 60)]; // as seeded for clinician@demo.test
const type = DEMO_CONSULT_TYPES[0]!;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
}

/** 200 bookings spread over the free slots of the next 60 days (every n-th slot), as [start, end+buffer). */
function pickBookings(now: number): { start: number; end: number; blocked: number }[] {
  const all = computeSlots(baseInput(now, []));
  if (all.length < 200) throw new Error(`only ${all.length} slots in 60 days`);
  const step = all.length / 200;
  return Array.from({ length: 200 }, (_, i) => {
    const s = all[Math.floor(i * step)]!;
    return { start: s.startsAt, end: s.endsAt, blocked: s.endsAt + type.bufferAfterMinutes * 60_000 };
  });
}

function baseInput(now: number, busy: Interval[]): SlotInput {
  return {
    timezone: 'Europe/London',
    rules: HOURS,
    overrides: [{ date: new Date(now + 10 * DAY).toISOString().slice(0, 10), startMinute: null, endMinute: null }],
    busy,
    durationMinutes: type.durationMinutes,
    bufferAfterMinutes: type.bufferAfterMinutes,
    minNoticeMinutes: type.minNoticeMinutes,
    horizonDays: type.horizonDays,
    from: now,
    to: now + 60 * DAY,
    now,
  };
}

function benchComputation(): number {
  const now = Date.now();
  const booked = pickBookings(now);
  const input = baseInput(now, booked.map((b) => ({ start: b.start, end: b.blocked })));
  const t0 = performance.now();
  const first = computeSlots(input);
  const cold = performance.now() - t0;
  const runs: number[] = [];
  for (let i = 0; i < 400; i++) {
    const t = performance.now();
    computeSlots(input);
    runs.push(performance.now() - t);
  }
  const uncached: number[] = [];
  for (let i = 0; i < 100; i++) {
    clearOffsetCache();
    const t = performance.now();
    computeSlots(input);
    uncached.push(performance.now() - t);
  }
  const perRun = median(runs);
  const perMonth = perRun / 2;
  console.log('— slot computation (pure, in process) —');
  console.log(`  60 days, 200 bookings, ${first.length} free slots returned`);
  console.log(`  first run ${cold.toFixed(3)} ms (cold offset cache); median of 400 runs ${perRun.toFixed(3)} ms`);
  console.log(`  per clinician-month: ${perMonth.toFixed(3)} ms  (target < ${TARGET_MS_PER_MONTH} ms → ${(perMonth / TARGET_MS_PER_MONTH).toFixed(2)}× of the budget)`);
  const perMonthUncached = median(uncached) / 2;
  console.log(`  without the time-zone offset cache: median ${median(uncached).toFixed(3)} ms per 60 days → ${perMonthUncached.toFixed(3)} ms per clinician-month (${(perMonthUncached / TARGET_MS_PER_MONTH).toFixed(2)}× of the budget)`);
  return Math.max(perMonth, perMonthUncached);
}

async function prepareDatabase(dir: string, pgUrl?: string): Promise<{ clinicianId: string; consultTypeId: string }> {
  fs.rmSync(dir, { recursive: true, force: true });
  const handle: DbHandle = pgUrl ? await openPostgres(pgUrl, { max: 2 }) : await openPglite(dir);
  try {
    await migrateHandle(handle);
    await seedAll(handle.db);
    const [clinician] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, 'clinician@demo.test'));
    const [patient] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, 'patient@demo.test'));
    const [ct] = await handle.db.select().from(consultTypes).where(eq(consultTypes.name, type.name));
    const booked = pickBookings(Date.now());
    await handle.db.insert(bookings).values(
      booked.map((b) => ({
        patientId: patient!.id,
        clinicianId: clinician!.id,
        consultTypeId: ct!.id,
        status: 'confirmed' as const,
        startsAt: new Date(b.start),
        endsAt: new Date(b.end),
        blockedUntil: new Date(b.blocked),
        priceCents: ct!.priceCents,
        currency: ct!.currency,
        confirmedAt: new Date(),
      })),
    );
    return { clinicianId: clinician!.id, consultTypeId: ct!.id };
  } finally {
    await handle.close();
  }
}

async function timed(url: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url} → ${res.status}`);
  return performance.now() - t;
}

async function benchApi(): Promise<{ ratio: number; health: number; slots: number; db: string }> {
  productionBuild(DIST, { e2eFactories: false });
  const dir = path.resolve('.data', `bench-slots-${process.pid}`);
  const throwaway = PG_BASE ? await createThrowawayDatabase(PG_BASE, 'tc_bench_slots') : null;
  const dbLabel = throwaway ? 'PostgreSQL' : 'PGlite';
  const { clinicianId, consultTypeId } = await prepareDatabase(dir, throwaway?.url);
  // Its own process group, so stopping it also stops next-server (a child of the `next` launcher).
  const server = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', String(PORT), '-H', '127.0.0.1'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !['DATABASE_URL', 'STRIPE_SECRET_KEY', 'STRIPE_API_BASE', 'SMTP_URL'].includes(k))),
      NODE_ENV: 'production',
      NEXT_DIST_DIR: DIST,
      ...(throwaway ? { DATABASE_URL: throwaway.url, JOBS_IN_PROCESS: 'false' } : { PGLITE_DIR: dir }),
      AUTH_SECRET: 'bench-secret-not-for-production-0123456789',
      DEMO_MODE: 'true',
      APP_URL: `http://127.0.0.1:${PORT}`,
      AUTH_URL: `http://127.0.0.1:${PORT}`,
      LOG_LEVEL: 'warn',
    },
  });
  const base = `http://127.0.0.1:${PORT}`;
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        /* not up yet */
      }
      if (Date.now() > deadline) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 250));
    }
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 60 * DAY).toISOString();
    const slotsUrl = `${base}/api/clinicians/${clinicianId}/slots?consultType=${consultTypeId}&from=${from}&to=${to}`;
    const count = ((await (await fetch(slotsUrl)).json()) as unknown[]).length;
    for (let i = 0; i < 30; i++) {
      await timed(`${base}/api/health`);
      await timed(slotsUrl);
    }
    const health: number[] = [];
    const slots: number[] = [];
    for (let i = 0; i < 300; i++) {
      health.push(await timed(`${base}/api/health`));
      slots.push(await timed(slotsUrl));
    }
    const ratio = p95(slots) / p95(health);
    console.log(`— slots API vs /api/health (production server, ${dbLabel}, same run, interleaved) —`);
    console.log(`  slots: 60 days, 200 bookings in the database, ${count} free slots per response`);
    console.log(`  /api/health  p50 ${median(health).toFixed(2)} ms  p95 ${p95(health).toFixed(2)} ms`);
    console.log(`  slots API    p50 ${median(slots).toFixed(2)} ms  p95 ${p95(slots).toFixed(2)} ms`);
    console.log(`  ratio p95 slots / p95 health: ${ratio.toFixed(2)}×  (target ≤ ${TARGET_API_RATIO}×)`);
    return { ratio, health: p95(health), slots: p95(slots), db: dbLabel };
  } finally {
    const exited = new Promise((r) => server.once('exit', r));
    process.kill(-server.pid!, 'SIGTERM');
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(`${dir}.lock`, { force: true });
    await throwaway?.drop();
  }
}

async function main() {
  process.env.LOG_LEVEL ??= 'warn';
  const perMonth = benchComputation();
  const api = await benchApi();
  const ratio = api.ratio;
  const ok = perMonth < TARGET_MS_PER_MONTH && ratio <= TARGET_API_RATIO;
  emitResult({
    bench: 'slots',
    database: api.db,
    figures: [
      { name: 'slot computation per clinician-month (median; worst of with/without the offset cache)', value: perMonth, unit: 'ms', target: TARGET_MS_PER_MONTH },
      { name: 'GET /api/clinicians/:id/slots p95 (60 days, 200 bookings)', value: api.slots, unit: 'ms', baseline: { name: 'GET /api/health p95', value: api.health }, target: TARGET_API_RATIO },
    ],
  });
  console.log(ok ? 'PASS' : 'FAIL', `computation ${perMonth.toFixed(3)} ms/clinician-month, API p95 ratio ${ratio.toFixed(2)}×`);
  process.exit(ok ? 0 : 1);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
