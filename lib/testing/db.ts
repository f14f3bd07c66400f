import { sql } from 'drizzle-orm';
import { migrateHandle, openPglite, openPostgres, type DbHandle } from '@/db/client';
import { env } from '@/lib/env';
import { createThrowawayDatabase } from './throwaway-db';

export type TestDbKind = 'pglite' | 'postgres';

/** Which databases integration tests run on: PGlite always, PostgreSQL too when DATABASE_URL is set. */
export function testDbKinds(): TestDbKind[] {
  return env().DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDb extends DbHandle {
  /** Empties every app table (not the migrations), for a clean slate between tests. */
  reset(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * One migrated database per test file/worker: PGlite in memory, or a throwaway database on the server.
 * Use `describe.each(testDbKinds())` and create it in beforeAll.
 */
export async function createTestDb(kind: TestDbKind): Promise<TestDb> {
  let handle: DbHandle;
  let drop: () => Promise<void> = async () => undefined;
  if (kind === 'postgres') {
    const base = env().DATABASE_URL;
    if (!base) throw new Error('DATABASE_URL is not set');
    const throwaway = await createThrowawayDatabase(base);
    drop = throwaway.drop;
    handle = await openPostgres(throwaway.url, { max: 30 });
  } else {
    handle = await openPglite();
  }
  await migrateHandle(handle);
  return {
    ...handle,
    async reset() {
      // audit_events refuses DELETE/TRUNCATE by design; tests switch the guard off only inside this reset.
      await handle.db.execute(sql`
        DO $$ DECLARE t text; BEGIN
          ALTER TABLE audit_events DISABLE TRIGGER USER;
          FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('sla_policies') LOOP
            EXECUTE format('TRUNCATE TABLE %I CASCADE', t);
          END LOOP;
          ALTER TABLE audit_events ENABLE TRIGGER USER;
        END $$;`);
    },
    async destroy() {
      await handle.close();
      await drop();
    },
  };
}
