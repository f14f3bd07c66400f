import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db';
import { deleteIdempotencyKeysBefore } from '@/db/queries/idempotency';
import { defineJob } from '@/lib/jobs/registry';
import { log } from '@/lib/log';
import { IDEMPOTENCY_WINDOW_MS } from './index';

/** Keys older than the 24-hour window answer nothing any more (the lookup ignores them): once a day they go. */
export async function sweepIdempotencyKeys(now = Date.now()): Promise<number> {
  const n = await deleteIdempotencyKeysBefore(await getDb(), new Date(now - IDEMPOTENCY_WINDOW_MS));
  if (n > 0) log().info({ count: n }, 'deleted expired idempotency keys');
  return n;
}

const sweepIdempotencyKeysJob = defineJob({ name: 'idempotency.sweep', schema: z.object({}), cron: '41 3 * * *', handler: async () => void (await sweepIdempotencyKeys()) });

export const IDEMPOTENCY_JOBS = [sweepIdempotencyKeysJob];
