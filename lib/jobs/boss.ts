import 'server-only';
import PgBoss from 'pg-boss';
import { getDbHandle } from '@/db';
import { log } from '@/lib/log';

const g = globalThis as unknown as { __tcBoss?: Promise<PgBoss>; __tcWorkerStarted?: boolean };

/** Whether this process works the queues (set by startWorker, cleared by stopBoss). */
export const workerState = {
  get started() {
    return g.__tcWorkerStarted === true;
  },
  set started(v: boolean) {
    g.__tcWorkerStarted = v;
  },
};

/**
 * pg-boss on the app's own database handle (PGlite or postgres-js), so the queue lives in PostgreSQL
 * (schema `pgboss`) on both drivers and nothing is held in one process's memory.
 */
export function getBoss(): Promise<PgBoss> {
  g.__tcBoss ??= (async () => {
    const handle = await getDbHandle();
    // On PostgreSQL pg-boss keeps its own small pool (it runs multi-statement transactions); on PGlite,
    // which allows one connection, it shares the app's handle.
    // Its pool (node-postgres) waits forever for a connection unless told: fail fast like the app's handle does.
    const connection: PgBoss.ConstructorOptions = handle.connectionString
      ? ({ connectionString: handle.connectionString, max: 4, connectionTimeoutMillis: 3_000 } as PgBoss.ConstructorOptions)
      : { db: { executeSql: (text: string, values?: unknown[]) => handle.executeSql(text, values) } };
    const boss = new PgBoss({
      ...connection,
      schedule: true,
      supervise: true,
      migrate: true,
    } as PgBoss.ConstructorOptions);
    boss.on('error', (err: Error) => log().error({ err }, 'job queue error'));
    await boss.start();
    return boss;
  })().catch((err) => {
    g.__tcBoss = undefined;
    throw err;
  });
  return g.__tcBoss;
}

export async function stopBoss(): Promise<void> {
  const pending = g.__tcBoss;
  g.__tcBoss = undefined;
  g.__tcWorkerStarted = false;
  if (pending) await (await pending).stop({ graceful: true, wait: true, timeout: 10_000 });
}
