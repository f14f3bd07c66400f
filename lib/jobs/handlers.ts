import type { JobDefinition } from './registry';
import { BOOKING_JOBS } from '@/lib/booking/jobs';
import { QUEUE_JOBS } from '@/lib/cases/jobs';
import { VIDEO_JOBS } from '@/lib/video/jobs';
import { RATE_LIMIT_JOBS } from '@/lib/rate-limit/jobs';

/**
 * Every job the worker runs. Add one line per job; the definition lives beside the feature it serves:
 *
 *   // lib/booking/jobs.ts
 *   export const sendReminderJob = defineJob({ name: 'booking.reminder', schema: z.object({ bookingId: z.string() }),
 *     handler: async ({ bookingId }) => { ...idempotent... } });
 *   export const expireHoldsJob = defineJob({ name: 'booking.expire-holds', schema: z.object({}), cron: '* * * * *', handler });
 *
 * Queue one with `enqueueJob('booking.reminder', { bookingId }, { startAfter, singletonKey })` from '@/lib/jobs'
 * after your transaction commits. The worker runs inside the server on PGlite and as `npm run worker` on PostgreSQL.
 */
export const JOBS: JobDefinition[] = [...(BOOKING_JOBS as JobDefinition[]), ...(QUEUE_JOBS as JobDefinition[]), ...(VIDEO_JOBS as JobDefinition[]), ...(RATE_LIMIT_JOBS as JobDefinition[])];
