/**
 * `npm run bench:video`: the cost of one signalling poll (GET /api/consult/:id/signal?after=N, ~1/s per participant).
 *
 * On PGlite (in memory) and, when reachable, a throwaway PostgreSQL database (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres): 200 confirmed bookings and 100,000 signalling rows, ANALYZEd. Then,
 * interleaved in one run: the app's poll (room access check — the booking joined with its clinician, patient and
 * payment — plus the inbox query, lib/video/signals.ts pollSignals) against the bare inbox query alone and a `select 1`
 * round trip. Prints p50/p95 and the poll/inbox ratio (machines here are noisy: read the ratios).
 * Env: BENCH_ITER (400).
 */
import { sql } from 'drizzle-orm';
import { migrateHandle, openPglite, openPostgres, type DbHandle } from '@/db/client';
import { setDbHandleForTests } from '@/db';
import { listVideoSignalsFor } from '@/db/queries/video';
import { createThrowawayDatabase } from '@/lib/testing/throwaway-db';
import { pollSignals } from '@/lib/video/signals';
import { makeConfirmedBooking } from '@/lib/testing/factories/video-booking';
import { emitResult } from './lib/common';

const ITER = Number(process.env.BENCH_ITER ?? 400);
const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: pct(s, 50), p95: pct(s, 95) };
}

async function run(label: string, handle: DbHandle) {
  await migrateHandle(handle);
  setDbHandleForTests(handle);
  const db = handle.db;
  const rooms = [];
  for (let i = 0; i < 200; i++) rooms.push(await makeConfirmedBooking(db, { startsAt: new Date(Date.now() + ((i % 10) - 5) * 60_000) }));
  await db.execute(sql`
    INSERT INTO video_signals (booking_id, from_user_id, to_user_id, kind, payload)
    SELECT b.id, CASE WHEN g % 2 = 0 THEN b.patient_id ELSE b.clinician_id END, CASE WHEN g % 2 = 0 THEN b.clinician_id ELSE b.patient_id END,
           'ice', '{"session":"bench-session-1","to":"bench-session-2","candidate":{"candidate":"candidate:1 1 udp 2122260223 192.168.1.2 50000 typ host"}}'::jsonb
    FROM bookings b CROSS JOIN generate_series(1, 500) g`);
  await db.execute(sql`ANALYZE`);
  // An open room (starts now ± 5 min) polled by its clinician from the newest id: the steady state of a call.
  const room = rooms.find((r) => Math.abs(r.booking.startsAt.getTime() - Date.now()) <= 5 * 60_000)!;
  const user = { id: room.clinician.id, email: room.clinician.email, name: room.clinician.name, roles: room.clinician.roles, timezone: 'UTC' };
  const first = await pollSignals(user, room.booking.id, undefined);
  if (!first.ok) throw new Error(`poll failed: ${first.error}`);
  const cursor = first.data.cursor;

  const t = { poll: [] as number[], inbox: [] as number[], ping: [] as number[] };
  for (let i = 0; i < ITER + 20; i++) {
    const a = performance.now();
    const r = await pollSignals(user, room.booking.id, cursor);
    const b = performance.now();
    await listVideoSignalsFor(db, { bookingId: room.booking.id, toUserId: user.id, afterId: cursor });
    const c = performance.now();
    await db.execute(sql`select 1`);
    const d = performance.now();
    if (!r.ok || r.data.messages.length !== 0) throw new Error('unexpected poll result');
    if (i < 20) continue; // warm-up
    t.poll.push(b - a);
    t.inbox.push(c - b);
    t.ping.push(d - c);
  }
  const s = { poll: stats(t.poll), inbox: stats(t.inbox), ping: stats(t.ping) };
  const f = (x: { p50: number; p95: number }) => `p50 ${x.p50.toFixed(2)} ms  p95 ${x.p95.toFixed(2)} ms`;
  console.log(`\n${label}: 200 rooms, 100,000 signalling rows, ${ITER} polls`);
  console.log(`  poll (access check + inbox)  ${f(s.poll)}`);
  console.log(`  inbox query alone            ${f(s.inbox)}`);
  console.log(`  select 1                     ${f(s.ping)}`);
  console.log(`  ratio poll/inbox p95 ${(s.poll.p95 / s.inbox.p95).toFixed(2)}×, inbox/select1 p95 ${(s.inbox.p95 / s.ping.p95).toFixed(2)}×`);
  setDbHandleForTests(undefined);
  // Reported, no target: the figures to read are the ratios.
  emitResult({
    bench: 'video',
    database: label,
    figures: [
      { name: `signalling poll p95 (${label}, in process: access check + inbox)`, value: s.poll.p95, unit: 'ms', baseline: { name: 'inbox query alone p95', value: s.inbox.p95 } },
      { name: `inbox query p95 (${label}, 100,000 signalling rows)`, value: s.inbox.p95, unit: 'ms', baseline: { name: 'select 1 p95', value: s.ping.p95 } },
    ],
  });
}

const pglite = await openPglite();
try {
  await run('PGlite', pglite);
} finally {
  await pglite.close();
}

let throwaway: Awaited<ReturnType<typeof createThrowawayDatabase>> | null = null;
try {
  throwaway = await createThrowawayDatabase(PG_URL, 'tc_bench_video');
} catch (err) {
  console.log(`\nPostgreSQL skipped (${PG_URL} not reachable: ${(err as Error).message})`);
}
if (throwaway) {
  const pg = await openPostgres(throwaway.url, { max: 5 });
  try {
    await run('PostgreSQL', pg);
  } finally {
    await pg.close();
    await throwaway.drop();
  }
}
