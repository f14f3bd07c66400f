/**
 * Issue 13, "faults survived": the app process SIGKILLed and SIGTERMed during a burst of intake submissions.
 * Against `next start` of the shared e2e build (.next-e2e, built once and reused by `npm run test:e2e`), on a fresh
 * database: the embedded one when DATABASE_URL is unset (the PGlite phase of CI), a throwaway database on the server
 * when it is set (the PostgreSQL phase) — so each variant runs once per CI run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateHandle, openPglite, openPostgres, type DbHandle } from '@/db/client';
import { migratePostgres } from '@/db/migrate-postgres';
import { rightScapulaIntake } from '@/db/seed/forum-cases';
import { JOBS } from '@/lib/cli/jobs';
import { E2E_DIST_DIR, ensureProductionBuildLocked } from '@/lib/cli/production-build';
import { env } from '@/lib/env';
import { signedInPatient, startAppServer, type AppServer, type TestPatient } from '@/lib/testing/app-server';
import { createLeastPrivilegeDatabase } from '@/lib/testing/throwaway-db';

const KIND = env().DATABASE_URL ? 'postgres' : 'pglite';
const CLIENTS = 10;

interface Attempt {
  client: number;
  issuedAt: number;
  ms: number;
  status?: number;
  id?: string;
  /** The socket-level failure (ECONNREFUSED, UND_ERR_SOCKET, …) when no response came. */
  error?: string;
}

/** The data an app server runs on, and a way to read it while no server holds it (PGlite) or beside one (PostgreSQL). */
interface AppData {
  serverEnv: Record<string, string | undefined>;
  /** Opens the database for the test's own checks; close it before a PGlite server starts again. */
  open(): Promise<DbHandle>;
  pgliteDir?: string;
  drop(): Promise<void>;
}

async function freshAppData(): Promise<AppData> {
  const base = env().DATABASE_URL;
  if (base) {
    const db = await createLeastPrivilegeDatabase(base, 'tc_fault');
    await migratePostgres(db.ownerUrl, { appRole: db.appRole, jobQueues: JOBS.map((j) => j.name) });
    return {
      serverEnv: { DATABASE_URL: db.appUrl, PGLITE_DIR: undefined },
      open: () => openPostgres(db.url, { max: 2 }),
      drop: db.drop,
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-faults-'));
  const pgliteDir = path.join(dir, 'db');
  const handle = await openPglite(pgliteDir);
  await migrateHandle(handle);
  await handle.close();
  return {
    serverEnv: { DATABASE_URL: undefined, PGLITE_DIR: pgliteDir },
    open: () => openPglite(pgliteDir),
    pgliteDir,
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

function errorCode(err: unknown): string {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return err instanceof Error ? err.name : String(err);
}

/**
 * CLIENTS patients submit intakes back to back until `until` has resolved and their server is gone, recording every
 * attempt (with what came back) in `attempts` as they go.
 */
async function submissionBurst(url: string, patients: TestPatient[], until: Promise<unknown>, attempts: Attempt[]): Promise<void> {
  let over = false;
  void until.then(
    () => (over = true),
    () => (over = true),
  );
  const body = JSON.stringify(rightScapulaIntake());
  await Promise.all(
    patients.map(async (p, client) => {
      for (;;) {
        const issuedAt = Date.now();
        const attempt: Attempt = { client, issuedAt, ms: 0 };
        attempts.push(attempt);
        try {
          const res = await fetch(`${url}/api/intakes`, {
            method: 'POST',
            body,
            headers: { 'content-type': 'application/json', origin: url, cookie: p.cookie },
            signal: AbortSignal.timeout(30_000),
          });
          // A response counts once its body is in: a status line without its body is no answer.
          const json = (await res.json()) as { id?: string };
          attempt.status = res.status;
          if (res.status === 201) attempt.id = json.id;
        } catch (err) {
          attempt.error = errorCode(err);
        }
        attempt.ms = Date.now() - issuedAt;
        if (over) return;
        if (attempt.error) await new Promise((r) => setTimeout(r, 50));
      }
    }),
  );
}

/** Resolves once `n` submissions were accepted (polling the attempts array the burst fills). */
async function accepted(attempts: Attempt[], n: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (attempts.filter((a) => a.status === 201).length < n) {
    if (Date.now() > deadline) throw new Error(`fewer than ${n} submissions accepted in ${timeoutMs} ms: ${JSON.stringify(attempts.slice(-5))}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Every accepted submission is there and complete — its case, intake version 1, the assessment of that version,
 * the 'submitted' case event, the audit row, the patient's confirmation mail in the outbox — and nothing is
 * half-written: no case lacks any of those, whether or not its client saw the 201.
 */
async function expectCompleteAndNothingHalfWritten(handle: DbHandle, acceptedIds: string[], patients: TestPatient[]): Promise<{ cases: number }> {
  const q = async (text: string, values?: unknown[]) => (await handle.executeSql(text, values)).rows;
  const present = await q(`select id::text as id from cases where id = any($1::uuid[])`, [acceptedIds]);
  expect(present.map((r) => r.id).sort()).toEqual([...acceptedIds].sort());
  const halfWritten = await q(`
    select c.id::text as id,
      exists (select 1 from intake_versions v where v.case_id = c.id and v.version = 1) as has_version,
      exists (select 1 from triage_assessments a join intake_versions v on v.id = a.intake_version_id where v.case_id = c.id and v.version = 1) as has_assessment,
      exists (select 1 from case_events e where e.case_id = c.id) as has_event,
      exists (select 1 from audit_events au where au.resource_id = c.id::text and au.action = 'intake.submit') as has_audit,
      exists (select 1 from outbox_messages m join users u on u.email = m."to" where u.id = c.patient_id and m.text like '%' || c.id::text || '%') as has_mail
    from cases c`);
  const incomplete = halfWritten.filter((r) => !(r.has_version && r.has_assessment && r.has_event && r.has_audit && r.has_mail));
  expect(incomplete).toEqual([]);
  // And nothing belongs to no case: versions, assessments and submit audits all point at a stored case.
  const orphans = await q(`
    select
      (select count(*)::int from intake_versions v where not exists (select 1 from cases c where c.id = v.case_id)) as versions,
      (select count(*)::int from audit_events au where au.action = 'intake.submit' and not exists (select 1 from cases c where c.id::text = au.resource_id)) as audits`);
  expect(orphans[0]).toEqual({ versions: 0, audits: 0 });
  const mine = await q(`select count(*)::int as n from cases where patient_id = any($1::text[])`, [patients.map((p) => p.userId)]);
  return { cases: Number(mine[0]?.n) };
}

describe(`the app process stopped or killed during a burst of intake submissions (${KIND})`, () => {
  beforeAll(async () => {
    await ensureProductionBuildLocked(E2E_DIST_DIR, { e2eFactories: true });
  }, 900_000);

  let data: AppData | undefined;
  let server: AppServer | undefined;
  afterAll(async () => {
    await server?.kill().catch(() => undefined);
    await data?.drop();
  });

  it('SIGKILL: after a restart on the same data every 201 is there, complete, and nothing is half-written', async () => {
    data = await freshAppData();
    server = await startAppServer({ env: data.serverEnv });
    const patients = await Promise.all(Array.from({ length: CLIENTS }, () => signedInPatient(server!.url)));
    const done: Attempt[] = [];
    let killedAt = 0;
    const first = server;
    const kill = (async () => {
      await accepted(done, 15);
      killedAt = Date.now();
      await first.kill();
    })();
    await submissionBurst(first.url, patients, kill, done);
    await kill;
    expect(killedAt).toBeGreaterThan(0);
    const acceptedIds = done.filter((a) => a.status === 201).map((a) => a.id!);
    expect(acceptedIds.length).toBeGreaterThanOrEqual(15);
    // Requests were in flight when it died: some clients saw their socket close (or the connection refused).
    expect(done.some((a) => a.error)).toBe(true);
    expect(done.filter((a) => a.status !== undefined && a.status !== 201)).toEqual([]);

    // The killed process left its lock (and, on PGlite, a directory nobody closed): a new server opens it.
    server = await startAppServer({ env: data.serverEnv });
    const owner = patients[done.find((a) => a.id === acceptedIds[0])!.client]!;
    const one = await fetch(`${server.url}/api/intakes/${acceptedIds[0]}`, { headers: { cookie: owner.cookie } });
    expect(one.status).toBe(200);
    const stop = await server.stop('SIGTERM');
    expect(stop.code).toBe(0);
    server = undefined;

    const handle = await data.open();
    try {
      const { cases } = await expectCompleteAndNothingHalfWritten(handle, acceptedIds, patients);
      console.log(`[faults ${KIND}] SIGKILL after ${acceptedIds.length} × 201 (${done.length} attempts, ${done.filter((a) => a.error).length} socket errors): ${cases} cases stored, all complete`);
    } finally {
      await handle.close();
    }
    await data.drop();
    data = undefined;
  }, 300_000);

  it('SIGTERM: requests in flight finish (201), the server exits 0 within its bound, and every 201 is stored complete', async () => {
    data = await freshAppData();
    server = await startAppServer({ env: data.serverEnv });
    const patients = await Promise.all(Array.from({ length: CLIENTS }, () => signedInPatient(server!.url)));
    const live = server;
    const done: Attempt[] = [];
    let signalledAt = 0;
    let exit: Awaited<ReturnType<AppServer['stop']>> | undefined;
    const stopped = (async () => {
      await accepted(done, 15);
      signalledAt = Date.now();
      exit = await live.stop('SIGTERM', 30_000);
    })();
    await submissionBurst(live.url, patients, stopped, done);
    await stopped;
    server = undefined;

    expect(exit?.code).toBe(0);
    // The bound: 10 s for requests in flight, then pg-boss and the database (lib/server/shutdown.ts).
    expect(exit?.ms).toBeLessThan(15_000);
    // Every request sent well before the signal was answered, and answered 201: none cut off mid-way.
    const before = done.filter((a) => a.issuedAt < signalledAt - 100);
    expect(before.filter((a) => a.status !== 201)).toEqual([]);
    // After the signal nothing new is accepted on a new connection; a request answered during the drain is a 201.
    expect(done.filter((a) => a.status !== undefined && a.status !== 201)).toEqual([]);
    const acceptedIds = done.filter((a) => a.status === 201).map((a) => a.id!);
    if (data.pgliteDir) expect(fs.existsSync(`${data.pgliteDir}.lock`)).toBe(false);

    const handle = await data.open();
    try {
      const { cases } = await expectCompleteAndNothingHalfWritten(handle, acceptedIds, patients);
      // A clean stop answers every request it accepted: no case exists whose 201 its client missed.
      expect(cases).toBe(acceptedIds.length);
      console.log(`[faults ${KIND}] SIGTERM after ${acceptedIds.length} × 201: exit ${exit?.code} in ${exit?.ms} ms, ${cases} cases stored, all complete`);
    } finally {
      await handle.close();
    }
  }, 300_000);
});
