/**
 * Serves the production build for Playwright on a fresh database: a new PGlite dir under .data/e2e,
 * or (with DATABASE_URL) a throwaway database on that server, migrated by its owner role and served (and seeded)
 * as the DML-only app role. Dropped on exit.
 * In demo mode with the test factories, except with `--production`: then as `next start` alone would run in
 * production without SMTP or Stripe keys (no DEMO_MODE, no E2E_FACTORIES at run time), for the tests that prove
 * such a server is not a demo.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { childProcessEnv, env, setProcessEnvDefault } from '@/lib/env';
import { migrateHandle, openPglite, openPostgres } from '@/db/client';
import { migratePostgres } from '@/db/migrate-postgres';
import { seedAll } from '@/db/seed/index';
import { JOBS } from './jobs';
import { createLeastPrivilegeDatabase } from '@/lib/testing/throwaway-db';
import { E2E_DIST_DIR } from './production-build';

async function main() {
  const port = process.argv[2] ?? '3100';
  const production = process.argv.includes('--production');
  // Seeding sends the forum cases' mail like the server would: to the demo outbox in demo mode.
  if (!production) setProcessEnvDefault('DEMO_MODE', 'true');
  const e = env();
  let databaseUrl: string | undefined;
  let pgliteDir: string | undefined;
  let cleanup: () => Promise<void> = async () => undefined;

  if (e.DATABASE_URL) {
    // As production should run: migrations as the owner, the server (and the seed) as the DML-only app role, so
    // every e2e journey proves the app needs no more than that.
    const db = await createLeastPrivilegeDatabase(e.DATABASE_URL, 'tc_e2e');
    cleanup = db.drop;
    await migratePostgres(db.ownerUrl, { appRole: db.appRole, jobQueues: JOBS.map((j) => j.name) });
    databaseUrl = db.appUrl;
  } else {
    pgliteDir = path.resolve('.data', 'e2e', `run-${process.pid}`);
    fs.rmSync(pgliteDir, { recursive: true, force: true });
    // Only this run's directory (and its lock): several e2e servers run side by side under .data/e2e.
    cleanup = async () => {
      fs.rmSync(pgliteDir!, { recursive: true, force: true });
      fs.rmSync(`${pgliteDir}.lock`, { force: true });
    };
  }

  const handle = databaseUrl ? await openPostgres(databaseUrl, { max: 1 }) : await openPglite(pgliteDir);
  if (!databaseUrl) await migrateHandle(handle);
  await seedAll(handle.db);
  await handle.close();

  // node runs next's CLI directly (no npx in between), so our SIGTERM reaches the server and its clean shutdown.
  const serverEnv = childProcessEnv({
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    MIGRATION_DATABASE_URL: undefined,
    PGLITE_DIR: pgliteDir ?? e.PGLITE_DIR,
    NEXT_DIST_DIR: childProcessEnv({}).NEXT_DIST_DIR || E2E_DIST_DIR,
    AUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
    // Links come from AUTH_URL only (no AUTH_TRUST_HOST): the forged-Host e2e test relies on that.
    AUTH_TRUST_HOST: undefined,
    APP_URL: `http://127.0.0.1:${port}`,
    AUTH_URL: `http://127.0.0.1:${port}`,
    // Demo mode: outbox mail (read by the tests through /api/dev/outbox) and the demo checkout.
    DEMO_MODE: production ? undefined : 'true',
    SMTP_URL: undefined,
    STRIPE_SECRET_KEY: undefined,
    // The suite signs in as the same demo accounts dozens of times from one address, and the benchmarks submit
    // hundreds of intakes per patient: generous limits here (an environment value still wins). The 429s are
    // proven by lib/rate-limit/rate-limit.test.ts and, for sign-in mail per address, e2e/request-hardening.spec.ts.
    RATE_LIMIT_SIGNIN_EMAIL: process.env.RATE_LIMIT_SIGNIN_EMAIL ?? '40/15m',
    RATE_LIMIT_SIGNIN_IP: process.env.RATE_LIMIT_SIGNIN_IP ?? '5000/15m',
    RATE_LIMIT_MESSAGES: process.env.RATE_LIMIT_MESSAGES ?? '1000/10m',
    RATE_LIMIT_INTAKES: process.env.RATE_LIMIT_INTAKES ?? '2000/1h',
    RATE_LIMIT_HOLDS: process.env.RATE_LIMIT_HOLDS ?? '1000/15m',
    RATE_LIMIT_UPLOADS: process.env.RATE_LIMIT_UPLOADS ?? '1000/1h',
    RATE_LIMIT_ANONYMOUS_AUDIT: process.env.RATE_LIMIT_ANONYMOUS_AUDIT ?? '5000/10m',
    E2E_FACTORIES: production ? undefined : 'true',
    LOG_LEVEL: 'warn',
  });
  // Idle connections kept open longer than Node's 5 s default: Playwright's request context reuses a socket that has
  // been idle a few seconds, and when the server closes it at that moment the test sees ECONNRESET (seen under load on
  // a mailbox poll). A load balancer in front of `next start` needs the same (README, "Running it for real").
  const server = spawn(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'start', '-p', port, '-H', '127.0.0.1', '--keepAliveTimeout', '65000'], {
    stdio: 'inherit',
    env: serverEnv,
  });
  // On PostgreSQL the server only enqueues jobs (JOBS_IN_PROCESS is off there): the job worker runs beside it as in
  // production (`npm run worker`, same env), so uploaded files are read and scheduled jobs run. One node process (tsx
  // as a loader, not its CLI, which would add a process between us); the IPC channel makes it stop if we die.
  const worker = databaseUrl
    ? spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', path.resolve('lib/cli/worker.ts')], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: serverEnv })
    : undefined;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    const exited = (child: ChildProcess) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r)));
    server.kill('SIGTERM');
    worker?.kill('SIGTERM');
    await Promise.all([exited(server), worker ? exited(worker) : undefined]);
    await cleanup().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  server.on('exit', () => void stop());
  worker?.on('exit', (code, signal) => {
    if (!stopping) console.error(`e2e job worker exited (${signal ?? code}); stopping the e2e server`);
    void stop();
  });
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
