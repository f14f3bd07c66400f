import PgBoss from 'pg-boss';
import { migrateHandle, openPostgres } from './client';
import { grantAppRole, JOB_SCHEMA } from './privileges';

/**
 * pg-boss's own queue for cron: its timekeeper creates it at start (`createQueue`, DDL) and swallows the error when
 * it cannot, after which no scheduled job (reminders, SLA alerts, sweeps) is ever sent. The app role may not run DDL,
 * so the owner creates it here with the app's queues.
 */
export const PG_BOSS_CRON_QUEUE = '__pgboss__send-it';

export interface PostgresMigrationOptions {
  /** The role the app connects as; when given it gets DML only (db/privileges.ts). */
  appRole?: string;
  /** Every pg-boss queue the app uses: created here, because creating one is DDL the app role may not run. */
  jobQueues: readonly string[];
}

/**
 * Everything that changes the schema, run as the database owner: the drizzle migrations, pg-boss's own schema and
 * queues, then (with a separate app role) the grants. Idempotent: run it after every deploy (`npm run db:migrate`).
 */
export async function migratePostgres(ownerUrl: string, opts: PostgresMigrationOptions): Promise<void> {
  const handle = await openPostgres(ownerUrl, { max: 1 });
  try {
    await migrateHandle(handle);
    const boss = new PgBoss({ connectionString: ownerUrl, max: 1, schema: JOB_SCHEMA, migrate: true, supervise: false, schedule: false });
    await boss.start();
    try {
      for (const name of [PG_BOSS_CRON_QUEUE, ...opts.jobQueues]) await boss.createQueue(name);
    } finally {
      await boss.stop({ graceful: false, wait: true, timeout: 5_000 });
    }
    if (opts.appRole) await grantAppRole((text) => handle.executeSql(text), opts.appRole);
  } finally {
    await handle.close();
  }
}
