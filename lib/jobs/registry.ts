import type { z } from 'zod';

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  /** Validates the payload before the handler runs; a bad payload fails the job instead of corrupting data. */
  schema: S;
  handler: (data: z.output<S>) => Promise<void>;
  /** Recurring jobs: a cron expression (UTC, minute granularity). */
  cron?: string;
  retryLimit?: number;
}

/** Handlers must be idempotent: a job may run again after a crash or a retry. */
export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}
