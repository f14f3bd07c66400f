import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db';
import { defineJob } from '@/lib/jobs/registry';
import { log } from '@/lib/log';
import { detectSlaBreaches } from './detect-sla-breaches';

/** Every minute: alert the assignee and the leads of each new SLA breach, once (see detectSlaBreaches). */
const slaBreachJob = defineJob({
  name: 'queue.sla-breaches',
  schema: z.object({}).passthrough(),
  cron: '* * * * *',
  handler: async () => {
    const r = await detectSlaBreaches(await getDb(), new Date());
    if (r.alerted > 0) log().warn({ alerted: r.alerted, mails: r.mails }, 'SLA breaches alerted');
  },
});

export const QUEUE_JOBS = [slaBreachJob];
