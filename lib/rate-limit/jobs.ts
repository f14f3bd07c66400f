import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db';
import { deleteRateLimitWindowsBefore } from '@/db/queries/rate-limits';
import { env } from '@/lib/env';
import { defineJob } from '@/lib/jobs/registry';
import { log } from '@/lib/log';
import { RATE_LIMIT_RULES } from './index';

/** Counters of windows that have ended refuse nothing; an hour after the longest window they go. */
export async function sweepRateLimits(now = Date.now()): Promise<number> {
  const e = env();
  const longest = Math.max(...Object.values(RATE_LIMIT_RULES).map((name) => e[name].windowSeconds));
  const n = await deleteRateLimitWindowsBefore(await getDb(), new Date(now - (longest + 3600) * 1000));
  if (n > 0) log().info({ count: n }, 'deleted old rate-limit counters');
  return n;
}

const sweepRateLimitsJob = defineJob({ name: 'rate-limit.sweep', schema: z.object({}), cron: '23 * * * *', handler: async () => void (await sweepRateLimits()) });

export const RATE_LIMIT_JOBS = [sweepRateLimitsJob];
