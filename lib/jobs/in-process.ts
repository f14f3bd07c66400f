import 'server-only';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { startWorker } from './index';
import { stopBoss } from './boss';

/** Called from instrumentation.ts when the server boots. On PGlite the worker must live in the server process. */
export async function startJobsInProcess(): Promise<void> {
  const e = env();
  if (e.DATABASE_URL && !e.JOBS_IN_PROCESS) return;
  try {
    await startWorker();
  } catch (err) {
    log().error({ err }, 'could not start the job worker');
    return;
  }
  const stop = () => void stopBoss().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
