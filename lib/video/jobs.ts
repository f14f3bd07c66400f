import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db';
import { deleteVideoSignalsBefore } from '@/db/queries/video';
import { defineJob } from '@/lib/jobs/registry';
import { log } from '@/lib/log';

/** Signalling is only needed while a call is set up; a day later it is noise (SDP carries network addresses). */
const SIGNAL_RETENTION_MS = 24 * 3_600_000;

export async function sweepVideoSignals(now = Date.now()): Promise<number> {
  const n = await deleteVideoSignalsBefore(await getDb(), new Date(now - SIGNAL_RETENTION_MS));
  if (n > 0) log().info({ count: n }, 'deleted old video signalling');
  return n;
}

const sweepVideoSignalsJob = defineJob({ name: 'video.sweep-signals', schema: z.object({}), cron: '17 * * * *', handler: async () => void (await sweepVideoSignals()) });

export const VIDEO_JOBS = [sweepVideoSignalsJob];
