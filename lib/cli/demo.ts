/**
 * `npm run demo`: build, migrate and seed the embedded database, then serve the production build in demo mode
 * (DEMO_MODE=true: the demo mailbox, /api/dev/outbox and the demo checkout exist only then). It listens on 127.0.0.1
 * unless HOST says otherwise, and warns when it does. Safe to run again (idempotent seed; the build is reused while the
 * sources are unchanged). Migration and seeding close the PGlite handle before `next start` opens it, because PGlite
 * allows one process per data directory.
 */
import { spawn } from 'node:child_process';
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
  const server = spawn('npx', ['next', 'start', '-p', port, '-H', host], {
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
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => process.exit(code ?? 0));

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

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
