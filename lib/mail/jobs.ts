import 'server-only';
import { z } from 'zod';
import { defineJob } from '@/lib/jobs/registry';
import { log } from '@/lib/log';
import { deliverPendingMail } from './deliver';

export const MAIL_DELIVERY_JOB = 'mail.deliver';

/**
 * Delivers the outbox. sendMail queues a run in the transaction that writes the mail (it starts once that commits);
 * the minute schedule is the sweep that retries after backoff and sends rows whose run could not be queued.
 */
export const mailDeliveryJob = defineJob({
  name: MAIL_DELIVERY_JOB,
  schema: z.object({}).passthrough(),
  cron: '* * * * *',
  handler: async () => {
    const r = await deliverPendingMail();
    if (r.sent + r.retrying + r.failed > 0) log().info(r, 'mail delivery run');
  },
});

export const MAIL_JOBS = [mailDeliveryJob];
