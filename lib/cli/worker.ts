/** `npm run worker`: the job worker as its own process (PostgreSQL only; on PGlite it runs inside the server). */
import { env } from '@/lib/env';
import { startWorker } from '@/lib/jobs';
import { stopBoss } from '@/lib/jobs/boss';
import { JOBS } from './jobs';

async function main() {
  if (!env().DATABASE_URL) {
    console.error('npm run worker needs DATABASE_URL: with the embedded database (PGlite) the worker runs inside the web server.');
    process.exit(2);
  }
  await startWorker(JOBS);
  console.log('worker running; Ctrl+C to stop');
  const stop = () => void stopBoss().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Started with an IPC channel (lib/cli/e2e-server.ts): stop when that parent goes, even if it was killed.
  if (process.send) process.on('disconnect', stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
