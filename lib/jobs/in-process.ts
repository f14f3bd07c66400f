import 'server-only';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { registerJobs, startWorker } from './index';
import type { JobDefinition } from './registry';

/**
 * Called from instrumentation.ts with the app's job list when the server boots. On PGlite the worker must live in
 * the server process; on PostgreSQL `npm run worker` works the queues and the server only enqueues. Stopping it is
 * the shutdown's job (lib/server/shutdown.ts, installed by instrumentation.ts).
 */
export async function startJobsInProcess(jobs: JobDefinition[]): Promise<void> {
  registerJobs(jobs);
  const e = env();
  if (e.DATABASE_URL && !e.JOBS_IN_PROCESS) return;
  try {
    await startWorker(jobs);
  } catch (err) {
    log().error({ err }, 'could not start the job worker');
    return;
  }
}
