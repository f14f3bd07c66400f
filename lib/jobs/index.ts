import 'server-only';
import PgBoss from 'pg-boss';
import type { Db } from '@/db';
import { sqlExecutorOn } from '@/db/queries/job-queue';
import { log } from '@/lib/log';
import { getBoss, workerState } from './boss';
import type { JobDefinition } from './registry';

export { defineJob } from './registry';

export interface EnqueueOptions {
  startAfter?: Date;
  /** At most one queued job per key (e.g. `reminder-24h:<bookingId>`). */
  singletonKey?: string;
}

// On globalThis like the boss: Next loads instrumentation and route handlers as separate module instances.
const g = globalThis as unknown as { __tcJobNames?: Set<string> };

/** Tells this process which jobs exist (the list is composed at the entry points), so enqueueJob can refuse others. */
export function registerJobs(jobs: JobDefinition[]): void {
  g.__tcJobNames ??= new Set();
  for (const job of jobs) g.__tcJobNames.add(job.name);
}

/** Queues a job after the caller's transaction has committed (handlers re-check state, so a late run is harmless). */
export async function enqueueJob(name: string, data: object, opts: EnqueueOptions = {}): Promise<string | null> {
  if (!g.__tcJobNames?.has(name)) throw new Error(`Unknown job "${name}": add it to JOBS in lib/cli/jobs.ts`);
  const boss = await getBoss();
  await boss.createQueue(name);
  return boss.send(name, data, { startAfter: opts.startAfter, singletonKey: opts.singletonKey, retryLimit: 5, retryBackoff: true });
}

/**
 * A pg-boss that is never started: it only writes job rows through the `db` passed to each send, so queueing inside
 * a transaction neither opens a connection nor waits for one (PGlite has only the transaction's).
 */
const g2 = globalThis as unknown as { __tcJobWriter?: PgBoss };
function jobWriter(): PgBoss {
  g2.__tcJobWriter ??= new PgBoss({
    db: {
      executeSql: () => {
        throw new Error('the job writer only sends through a transaction');
      },
    },
  });
  return g2.__tcJobWriter;
}

/**
 * Queues a job in the caller's transaction `tx`: the job exists exactly when the transaction commits — never before
 * the rows it is about, never lost between the commit and a later enqueue. Returns the job id (null when the queue
 * does not exist yet). Errors propagate and would abort `tx`: wrap the call in a savepoint if the job is optional.
 */
export async function enqueueJobInTransaction(tx: Db, name: string, data: object, opts: EnqueueOptions = {}): Promise<string | null> {
  if (!g.__tcJobNames?.has(name)) throw new Error(`Unknown job "${name}": add it to JOBS in lib/cli/jobs.ts`);
  return jobWriter().send(name, data, { startAfter: opts.startAfter, singletonKey: opts.singletonKey, retryLimit: 5, retryBackoff: true, db: sqlExecutorOn(tx) } as PgBoss.SendOptions);
}

/** Starts working the queues of `jobs` and registers their recurring schedules. Safe to call twice. */
export async function startWorker(jobs: JobDefinition[]): Promise<void> {
  if (workerState.started) return;
  workerState.started = true;
  registerJobs(jobs);
  const boss = await getBoss();
  for (const job of jobs) {
    await boss.createQueue(job.name);
    await boss.work(job.name, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([item]) => {
      const parsed = job.schema.safeParse(item.data ?? {});
      if (!parsed.success) throw new Error(`Invalid payload for ${job.name}: ${parsed.error.message}`);
      const t0 = Date.now();
      await job.handler(parsed.data);
      log().info({ job: job.name, id: item.id, ms: Date.now() - t0 }, 'job done');
    });
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'UTC', singletonKey: job.name });
    else await boss.unschedule(job.name).catch(() => undefined);
  }
  log().info({ jobs: jobs.map((j) => j.name) }, 'job worker started');
}
