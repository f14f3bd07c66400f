/**
 * Issue 13, "faults survived": PostgreSQL restarted while the app serves. A private cluster (initdb + pg_ctl as the
 * `postgres` user, on a port of 5501–5509, in a temp dir) so the shared server is never touched; the app is
 * `next start` of the shared e2e build. Runs in the PostgreSQL phase (DATABASE_URL set) where initdb exists.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '@/db/client';
import { migratePostgres } from '@/db/migrate-postgres';
import { rightScapulaIntake } from '@/db/seed/forum-cases';
import { JOBS } from '@/lib/cli/jobs';
import { E2E_DIST_DIR, ensureProductionBuildLocked } from '@/lib/cli/production-build';
import { env } from '@/lib/env';
import { signedInPatient, startAppServer, type AppServer, type TestPatient } from '@/lib/testing/app-server';
import { createLeastPrivilegeDatabase } from '@/lib/testing/throwaway-db';

function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const version = fs.readdirSync(root).sort().pop();
  const bin = version ? path.join(root, version, 'bin') : null;
  return bin && fs.existsSync(path.join(bin, 'initdb')) ? bin : null;
}

const BIN = postgresBin();
const CAN_RUN = Boolean(env().DATABASE_URL) && BIN !== null && process.getuid?.() === 0;

function asPostgres(cmd: string, args: string[]): string {
  return execFileSync('runuser', ['-u', 'postgres', '--', path.join(BIN!, cmd), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A throwaway PostgreSQL cluster this test may stop and start. */
class PrivateCluster {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-pgrestart-'));
  readonly data = path.join(this.dir, 'data');
  port = 0;

  async init(): Promise<void> {
    for (let p = 5501; p <= 5509; p++) {
      if (await portFree(p)) {
        this.port = p;
        break;
      }
    }
    if (!this.port) throw new Error('no free port in 5501–5509 for a private PostgreSQL cluster');
    fs.chownSync(this.dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
    asPostgres('initdb', ['-D', this.data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    this.start();
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  start(): void {
    asPostgres('pg_ctl', ['start', '-w', '-D', this.data, '-l', path.join(this.dir, 'log'), '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`]);
  }

  stop(): void {
    asPostgres('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', this.data]);
  }

  destroy(): void {
    spawnSync('runuser', ['-u', 'postgres', '--', path.join(BIN!, 'pg_ctl'), 'stop', '-w', '-m', 'immediate', '-D', this.data], { stdio: 'ignore' });
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

interface Sample {
  kind: 'health' | 'intake' | 'me';
  at: number;
  ms: number;
  status?: number;
  error?: string;
}

describe.skipIf(!CAN_RUN)('PostgreSQL restarted while the app serves', () => {
  let cluster: PrivateCluster | undefined;
  let server: AppServer | undefined;
  let databaseUrl = '';

  beforeAll(async () => {
    await ensureProductionBuildLocked(E2E_DIST_DIR, { e2eFactories: true });
    cluster = new PrivateCluster();
    await cluster.init();
    const db = await createLeastPrivilegeDatabase(cluster.url, 'tc_restart');
    await migratePostgres(db.ownerUrl, { appRole: db.appRole, jobQueues: JOBS.map((j) => j.name) });
    databaseUrl = db.url;
    server = await startAppServer({ env: { DATABASE_URL: db.appUrl, PGLITE_DIR: undefined } });
  }, 900_000);

  afterAll(async () => {
    await server?.stop('SIGTERM').catch(() => server?.kill());
    cluster?.destroy();
  });

  it('/api/health answers 503 within 2 s of the database stopping and 200 again by itself; no request hangs; data before and after is kept', async () => {
    const url = server!.url;
    const json = { 'content-type': 'application/json', origin: url };
    const draft = (p: TestPatient, name: string) =>
      fetch(`${url}/api/intake-draft`, { method: 'PUT', headers: { ...json, cookie: p.cookie }, body: JSON.stringify({ data: { patient: { name } }, step: 'about', baseRevision: 0 }) });
    const submit = (p: TestPatient) => fetch(`${url}/api/intakes`, { method: 'POST', headers: { ...json, cookie: p.cookie }, body: JSON.stringify(rightScapulaIntake()) });

    // Before: a draft and a submission.
    const [drafterBefore, submitterBefore, drafterAfter, submitterAfter, prober] = await Promise.all(Array.from({ length: 5 }, () => signedInPatient(url)));
    expect((await draft(drafterBefore!, 'Before Outage')).status).toBe(200);
    const before = await submit(submitterBefore!);
    expect(before.status).toBe(201);
    const beforeId = ((await before.json()) as { id: string }).id;

    // Probes through the outage: health, a signed-in read (the session lookup) and submissions.
    const samples: Sample[] = [];
    let probing = true;
    const probe = async (kind: Sample['kind'], call: () => Promise<Response>) => {
      while (probing) {
        const at = Date.now();
        const sample: Sample = { kind, at, ms: 0 };
        try {
          const res = await call();
          sample.status = res.status;
          await res.arrayBuffer();
        } catch (err) {
          sample.error = String((err as { cause?: { code?: string } }).cause?.code ?? err);
        }
        sample.ms = Date.now() - at;
        samples.push(sample);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const timeout = () => AbortSignal.timeout(30_000);
    const probes = Promise.all([
      probe('health', () => fetch(`${url}/api/health`, { signal: timeout() })),
      probe('me', () => fetch(`${url}/api/intake-draft`, { headers: { cookie: prober!.cookie }, signal: timeout() })),
      probe('intake', () => fetch(`${url}/api/intakes`, { method: 'POST', headers: { ...json, cookie: prober!.cookie }, body: JSON.stringify(rightScapulaIntake()), signal: timeout() })),
    ]);
    await new Promise((r) => setTimeout(r, 1_000));

    const stoppedAt = Date.now();
    cluster!.stop();
    const downFor = Date.now() - stoppedAt;
    // The first health answer that began after the stop returned 503 at most 2 s after the stop began.
    await expect.poll(() => samples.some((s) => s.kind === 'health' && s.at >= stoppedAt + downFor && s.status === 503), { timeout: 10_000, interval: 100 }).toBe(true);
    const firstDown = samples.find((s) => s.kind === 'health' && s.at >= stoppedAt + downFor && s.status === 503)!;
    await new Promise((r) => setTimeout(r, 5_000));

    const startedAt = Date.now();
    cluster!.start();
    const upIn = Date.now() - startedAt;
    await expect.poll(() => samples.some((s) => s.kind === 'health' && s.at >= startedAt + upIn && s.status === 200), { timeout: 20_000, interval: 100 }).toBe(true);
    const firstUp = samples.find((s) => s.kind === 'health' && s.at >= startedAt + upIn && s.status === 200)!;
    await new Promise((r) => setTimeout(r, 1_000));
    probing = false;
    await probes;

    const during = samples.filter((s) => s.at >= stoppedAt && s.at < startedAt + upIn);
    const maxMs = Math.max(...during.map((s) => s.ms));
    const statuses = [...new Set(during.map((s) => `${s.kind}:${s.status ?? s.error}`))].sort();
    console.log(
      `[pg-restart] stop took ${downFor} ms; health 503 ${firstDown.at + firstDown.ms - stoppedAt} ms after the stop began; ` +
        `200 again ${firstUp.at + firstUp.ms - (startedAt + upIn)} ms after the start returned; ${during.length} requests during the outage, ` +
        `max ${maxMs} ms; answers: ${statuses.join(', ')}`,
    );
    const slow = during.filter((s) => s.ms > 3_000).map((s) => `${s.kind} at +${s.at - stoppedAt} ms took ${s.ms} ms → ${s.status ?? s.error}`);
    if (slow.length) console.log(`[pg-restart] slow: ${slow.join('; ')}`);
    expect(firstDown.at + firstDown.ms - stoppedAt).toBeLessThanOrEqual(2_000 + downFor);
    // It recovers by itself, promptly: no restart, no reconnection backoff grown to 20 s.
    expect(firstUp.at + firstUp.ms - (startedAt + upIn)).toBeLessThan(5_000);
    // No request hangs: each answered within the request's bounds (connect 3 s, statements 5 s) and some margin.
    expect(maxMs).toBeLessThan(8_000);
    // Never "Sign in first" for a database that is down, and never a dropped connection.
    expect(during.filter((s) => s.status === 401 || s.error)).toEqual([]);

    // After: a draft and a submission.
    expect((await draft(drafterAfter!, 'After Outage')).status).toBe(200);
    const after = await submit(submitterAfter!);
    expect(after.status).toBe(201);
    const afterId = ((await after.json()) as { id: string }).id;

    const check = await openPostgres(databaseUrl, { max: 1 });
    try {
      const { rows: stored } = await check.executeSql(`select id::text as id from cases where id = any($1::uuid[])`, [[beforeId, afterId]]);
      expect(stored.map((r) => r.id).sort()).toEqual([beforeId, afterId].sort());
      const { rows: drafts } = await check.executeSql(`select patient_id as id from intake_drafts where patient_id = any($1::text[])`, [[drafterBefore!.userId, drafterAfter!.userId]]);
      expect(drafts.map((r) => r.id).sort()).toEqual([drafterBefore!.userId, drafterAfter!.userId].sort());
    } finally {
      await check.close();
    }
  }, 300_000);
});
