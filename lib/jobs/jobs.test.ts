import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { stopBoss } from './boss';
import { defineJob, enqueueJob, startWorker } from './index';

describe.each(testDbKinds())('job queue (%s)', (kind) => {
  // No reset between tests, as before: the worker started below runs for the whole suite.
  const t = useTestDb(kind, { reset: false });
  const seen: number[] = [];
  beforeAll(async () => {
    await startWorker([
      defineJob({
        name: 'test.echo',
        schema: z.object({ n: z.number().int() }),
        handler: async ({ n }) => {
          seen.push(n);
        },
      }),
    ]);
  });
  // Runs before useTestDb's afterAll (hooks unwind in reverse), so the worker stops before its database goes.
  afterAll(async () => {
    await stopBoss();
  });

  it('runs a queued job once, from the database', async () => {
    await enqueueJob('test.echo', { n: 7 });
    await expect.poll(() => seen.includes(7), { timeout: 15_000, interval: 200 }).toBe(true);
    const { rows } = await t.executeSql(`select count(*)::int as n from pgboss.job where name = 'test.echo' and state = 'completed'`);
    expect(rows[0]?.n).toBe(1);
    expect(seen.filter((x) => x === 7)).toHaveLength(1);
  });

  it('refuses an unknown job name instead of losing it', async () => {
    await expect(enqueueJob('no.such.job', {})).rejects.toThrow(/Unknown job/);
  });
});
