import 'server-only';
import { log } from '@/lib/log';
import { getBoss, workerState } from './boss';
import { JOBS } from './handlers';

export { defineJob } from './registry';

export interface EnqueueOptions {
  startAfter?: Date;
  /** At most one queued job per key (e.g. `reminder-24h:<bookingId>`). */
  singletonKey?: string;
}

/** Queues a job after the caller's transaction has committed (handlers re-check state, so a late run is harmless). */
export async function enqueueJob(name: string, data: object, opts: EnqueueOptions = {}): Promise<string | null> {
  if (!JOBS.some((j) => j.name === name)) throw new Error(`Unknown job "${name}": add it to lib/jobs/handlers.ts`);
  const boss = await getBoss();
  await boss.createQueue(name);
  return boss.send(name, data, { startAfter: opts.startAfter, singletonKey: opts.singletonKey, retryLimit: 5, retryBackoff: true });
}

/** Starts working every queue and registers recurring schedules. Safe to call twice. */
export async function startWorker(): Promise<void> {
  if (workerState.started) return;
  workerState.started = true;
  const boss = await getBoss();
  for (const job of JOBS) {
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
  log().info({ jobs: JOBS.map((j) => j.name) }, 'job worker started');
}
