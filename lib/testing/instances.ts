/**
 * A small deployment for tests: several `next start` instances of one production build and one job worker
 * (`npm run worker`), all on one throwaway PostgreSQL database, as a clinic runs it behind a load balancer.
 * Migrations run as the database's owner, the processes connect as its DML-only app role.
 *
 * The build is the caller's (test files may import lib/cli; this file may not, see lib/architecture.test.ts):
 * `ensureProductionBuild(E2E_DIST_DIR, { e2eFactories: true })`, and the job queues come from lib/cli/jobs.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { migratePostgres } from '@/db/migrate-postgres';
import { createLeastPrivilegeDatabase, type LeastPrivilegeDatabase } from './throwaway-db';

export interface Deployment {
  /** The instances' base URLs, e.g. http://127.0.0.1:3401. */
  urls: string[];
  /**
   * The one public origin every instance is configured with (APP_URL/AUTH_URL), as behind a load balancer: write
   * requests carry it as their Origin whichever instance they reach.
   */
  publicUrl: string;
  db: LeastPrivilegeDatabase;
  /** What each process wrote, by name (a, b, …, worker), for failure messages. */
  output(name: string): string;
  /** Starts one more worker process on the same database (e.g. to race two workers); stopped with the rest. */
  startWorker(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface DeploymentOptions {
  baseDatabaseUrl: string;
  distDir: string;
  ports: number[];
  jobQueues: readonly string[];
  /** On top of the defaults below, for every process; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
}

interface Proc {
  name: string;
  child: ChildProcess;
  out: string[];
  exited: Promise<void>;
}

const NEXT_BIN = path.resolve('node_modules/next/dist/bin/next');
const TSX_BIN = path.resolve('node_modules/tsx/dist/cli.mjs');

function launch(name: string, args: string[], env: NodeJS.ProcessEnv): Proc {
  // node directly (no npx/npm in between), in its own process group so stop() reaches everything it started.
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const out: string[] = [];
  const keep = (b: Buffer) => {
    out.push(b.toString('utf8'));
    if (out.length > 400) out.splice(0, out.length - 400);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { name, child, out, exited };
}

async function waitHealthy(url: string, proc: Proc, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void proc.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${proc.name} exited before it was healthy:\n${proc.out.join('')}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${proc.name} at ${url} was not healthy within ${timeoutMs} ms:\n${proc.out.join('')}`);
}

async function stopProc(p: Proc): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const group = -p.child.pid!;
  try {
    process.kill(group, 'SIGTERM');
  } catch {
    return;
  }
  const killed = await Promise.race([p.exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 10_000))]);
  if (killed) {
    try {
      process.kill(group, 'SIGKILL');
    } catch {
      /* gone */
    }
    await p.exited;
  }
}

/**
 * Creates and migrates a throwaway database on `baseDatabaseUrl`, starts one `next start` per port (JOBS_IN_PROCESS
 * false: the instances only enqueue) and one worker, and resolves when every instance answers /api/health.
 */
export async function startDeployment(opts: DeploymentOptions): Promise<Deployment> {
  if (!fs.existsSync(path.join(opts.distDir, 'BUILD_ID'))) throw new Error(`No production build in ${opts.distDir}: build it first.`);
  const db = await createLeastPrivilegeDatabase(opts.baseDatabaseUrl, 'tc_inst');
  const procs: Proc[] = [];
  const publicUrl = `http://127.0.0.1:${opts.ports[0]}`;
  const common: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: db.appUrl,
    MIGRATION_DATABASE_URL: undefined,
    NEXT_DIST_DIR: opts.distDir,
    AUTH_SECRET: 'instances-secret-not-for-production-0123456789',
    AUTH_TRUST_HOST: undefined,
    APP_URL: publicUrl,
    AUTH_URL: publicUrl,
    JOBS_IN_PROCESS: 'false',
    DEMO_MODE: undefined,
    E2E_FACTORIES: undefined,
    STRIPE_SECRET_KEY: undefined,
    SMTP_URL: undefined,
    LOG_LEVEL: 'warn',
    // vitest's own variables must not reach the servers.
    VITEST: undefined,
    VITEST_POOL_ID: undefined,
    VITEST_WORKER_ID: undefined,
    ...opts.env,
  };
  for (const [k, v] of Object.entries(common)) if (v === undefined) delete common[k];
  const stop = async () => {
    await Promise.all(procs.map(stopProc));
    await db.drop().catch(() => undefined);
  };
  const startWorker = async (name: string) => {
    const w = launch(name, [TSX_BIN, '--conditions=react-server', 'lib/cli/worker.ts'], common);
    procs.push(w);
    const deadline = Date.now() + 60_000;
    while (!w.out.join('').includes('worker running')) {
      if (w.child.exitCode !== null) throw new Error(`${name} exited:\n${w.out.join('')}`);
      if (Date.now() > deadline) throw new Error(`${name} did not start within 60 s:\n${w.out.join('')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  try {
    await migratePostgres(db.ownerUrl, { appRole: db.appRole, jobQueues: opts.jobQueues });
    const urls = opts.ports.map((port) => `http://127.0.0.1:${port}`);
    opts.ports.forEach((port, i) => procs.push(launch(String.fromCharCode(97 + i), [NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], common)));
    await Promise.all(urls.map((url, i) => waitHealthy(url, procs[i]!, 90_000)));
    await startWorker('worker');
    return {
      urls,
      publicUrl,
      db,
      output: (name) => procs.filter((p) => p.name === name).map((p) => p.out.join('')).join('\n'),
      startWorker,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
