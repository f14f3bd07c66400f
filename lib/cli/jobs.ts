import type { JobDefinition } from '@/lib/jobs/registry';
import { BOOKING_JOBS } from '@/lib/booking/jobs';
import { QUEUE_JOBS } from '@/lib/cases/jobs';
import { IDEMPOTENCY_JOBS } from '@/lib/idempotency/jobs';
import { INTAKE_FILE_JOBS } from '@/lib/intake-files/jobs';
import { MAIL_JOBS } from '@/lib/mail/jobs';
import { OUTCOME_JOBS } from '@/lib/outcomes/jobs';
import { RATE_LIMIT_JOBS } from '@/lib/rate-limit/jobs';
import { VIDEO_JOBS } from '@/lib/video/jobs';

/**
 * Every job this app runs, in one list, composed here at the entry points (lib/cli/worker.ts, the in-process
 * worker started by instrumentation.ts, the migrations that create their queues) so that lib/jobs stays a
 * transport that knows no feature. Each definition lives beside the feature it serves:
 *
 *   // lib/booking/jobs.ts
 *   export const expireHoldsJob = defineJob({ name: 'booking.expire-holds', schema: z.object({}), cron: '* * * * *', handler });
 *
 * Add the feature's list here; queue one with `enqueueJob(name, data, { startAfter, singletonKey })` from
 * '@/lib/jobs' after your transaction commits.
 */
export const JOBS: JobDefinition[] = [...(BOOKING_JOBS as JobDefinition[]), ...(QUEUE_JOBS as JobDefinition[]), ...(VIDEO_JOBS as JobDefinition[]), ...(RATE_LIMIT_JOBS as JobDefinition[]), ...(MAIL_JOBS as JobDefinition[]), ...(IDEMPOTENCY_JOBS as JobDefinition[]), ...(OUTCOME_JOBS as JobDefinition[]), ...(INTAKE_FILE_JOBS as JobDefinition[])];
