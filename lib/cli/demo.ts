/**
 * `npm run demo`: build, migrate and seed the embedded database, then serve the production build in demo mode
 * (DEMO_MODE=true: the demo mailbox, /api/dev/outbox and the demo checkout exist only then). It listens on 127.0.0.1
 * unless HOST says otherwise, and warns when it does. Safe to run again (idempotent seed; the build is reused while the
 * sources are unchanged). Migration and seeding close the PGlite handle before `next start` opens it, because PGlite
 * allows one process per data directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { childProcessEnv, env, setProcessEnvDefault } from '@/lib/env';
import { migrateHandle, openPglite, openPostgres } from '@/db/client';
import { seedAll } from '@/db/seed/index';
import { DEMO_ACCOUNTS } from '@/db/seed/accounts';
import { ensureDemoAuthSecret } from './auth-secret';
import { demoListen } from './demo-host';
import { DEMO_DIST_DIR, ensureProductionBuild } from './production-build';

async function main() {
  const started = Date.now();
  setProcessEnvDefault('AUTH_SECRET', ensureDemoAuthSecret('.data'));
  // The seed's mail goes to the demo outbox, as the server's will.
  process.env.DEMO_MODE = 'true';
  const e = env();
  const port = String(e.PORT);
  const { host, warning } = demoListen(e.HOST, port);
  if (warning) console.warn(warning);
  const url = (e.APP_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  const skipBuild = process.argv.includes('--no-build');

  // The demo never serves a build with test factories (its own folder, built without E2E_FACTORIES).
  if (!skipBuild) ensureProductionBuild(DEMO_DIST_DIR, { e2eFactories: false });

  console.log(`› migrating and seeding ${e.DATABASE_URL ? 'PostgreSQL' : `the embedded database (${path.resolve(e.PGLITE_DIR)})`}…`);
  const handle = e.DATABASE_URL ? await openPostgres(e.DATABASE_URL, { max: 1 }) : await openPglite(e.PGLITE_DIR);
  try {
    await migrateHandle(handle);
    await seedAll(handle.db);
  } finally {
    await handle.close();
  }

  console.log('› starting the server…');
  // node runs next's own CLI, with no npx or shell in between: our signal then reaches the server itself.
  const server = spawn(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'start', '-p', port, '-H', host], {
    stdio: 'inherit',
    env: childProcessEnv({
      NODE_ENV: 'production',
      NEXT_DIST_DIR: DEMO_DIST_DIR,
      DEMO_MODE: 'true',
      E2E_FACTORIES: undefined,
      AUTH_SECRET: e.AUTH_SECRET,
      APP_URL: url,
      AUTH_URL: url,
    }),
  });
  forwardStopSignals(server);
  const probeHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const probe = `http://${probeHost.includes(':') ? `[${probeHost}]` : probeHost}:${port}/api/health`;
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(probe);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  console.log(
    [
      '',
      `Triage & Consult is running at ${url}  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      `Health:        ${url}/api/health`,
      `Demo mailbox:  ${url}/dev/mailbox   (demo mode: email is kept here, not sent)`,
      '',
      'Demo accounts (sign in with the email, then open the link from the demo mailbox):',
      ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(width)}  ${a.describe}`),
      '',
      'Press Ctrl+C to stop.',
    ].join('\n'),
  );
  if (warning) console.warn(`\n${warning}`);
}

/**
 * Ctrl+C, or a SIGTERM to npm, stops the server too: we pass the signal on, wait for the server's clean shutdown
 * (lib/server/shutdown.ts: requests finish, the database closes) and exit with its code. A terminal's Ctrl+C also
 * reaches the server directly (same process group); it handles the second signal as one. Another Ctrl+C while it
 * shuts down kills it. npm 11 does NOT pass a SIGTERM on to its script (measured: it exits and leaves the script
 * running, re-parented to init), so we also watch the processes that started us and stop when one of them is gone.
 */
function forwardStopSignals(server: ChildProcess): void {
  let firstSignalAt = 0;
  const stop = (signal: NodeJS.Signals) => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    // One Ctrl+C may arrive twice (from the terminal and relayed by npm/tsx): only a later one means "now".
    if (firstSignalAt && Date.now() - firstSignalAt > 1_000) {
      console.warn('› killing the server');
      server.kill('SIGKILL');
      return;
    }
    if (!firstSignalAt) {
      firstSignalAt = Date.now();
      console.log(`› ${signal}: stopping the server (requests in flight finish first)…`);
    }
    server.kill(signal);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
  const launchers = ancestorPids(3);
  const watch = setInterval(() => {
    if (launchers.some((pid) => !isRunning(pid))) {
      clearInterval(watch);
      stop('SIGTERM');
    }
  }, 500);
  watch.unref();
  server.on('exit', (code, signal) => {
    if (firstSignalAt) console.log(code === 0 ? '› server stopped cleanly' : `› server stopped (${signal ?? `exit ${code}`})`);
    process.exit(code ?? (signal ? 1 : 0));
  });
}

/** Our parent and its ancestors (npm run → sh → tsx → us), read from /proc where there is one; init is never counted. */
function ancestorPids(depth: number): number[] {
  const pids: number[] = [];
  let pid = process.ppid;
  for (let i = 0; i < depth && pid > 1; i++) {
    pids.push(pid);
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may contain spaces, so read after its closing parenthesis.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      break;
    }
  }
  return pids;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
