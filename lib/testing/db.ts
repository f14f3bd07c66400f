import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { setDbHandleForTests } from '@/db';
import { migrateHandle, openPglite, openPostgres, type Db, type DbHandle } from '@/db/client';
import { APPEND_ONLY_TABLES } from '@/db/privileges';
import { env } from '@/lib/env';
import { createThrowawayDatabase } from './throwaway-db';

export type TestDbKind = 'pglite' | 'postgres';

const APPEND_ONLY_ARRAY = sql.raw(`ARRAY[${APPEND_ONLY_TABLES.map((t) => `'${t}'`).join(', ')}]`);

/**
 * Which databases integration tests run on: PGlite always, PostgreSQL too when DATABASE_URL is set — or only
 * PostgreSQL with TEST_DATABASES=postgres (CI's second phase: the first has already run them on PGlite).
 */
export function testDbKinds(): TestDbKind[] {
  const e = env();
  if (!e.DATABASE_URL) return ['pglite'];
  return e.TEST_DATABASES === 'postgres' ? ['postgres'] : ['pglite', 'postgres'];
}

export interface TestDb extends DbHandle {
  /** Empties every app table (not the migrations), for a clean slate between tests. */
  reset(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * One migrated database per test file/worker: PGlite in memory, or a throwaway database on the server.
 * Suites on the app's handle want `useTestDb` below; call this directly to manage a database yourself.
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
      // The append-only tables refuse DELETE/TRUNCATE by design; tests switch the guards off only inside this
      // reset (the test database's owner may; the app's role on PostgreSQL may not).
      await handle.db.execute(sql`
        DO $$ DECLARE t text; BEGIN
          FOREACH t IN ARRAY ${APPEND_ONLY_ARRAY} LOOP
            EXECUTE format('ALTER TABLE %I DISABLE TRIGGER USER', t);
          END LOOP;
          FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('sla_policies') LOOP
            EXECUTE format('TRUNCATE TABLE %I CASCADE', t);
          END LOOP;
          FOREACH t IN ARRAY ${APPEND_ONLY_ARRAY} LOOP
            EXECUTE format('ALTER TABLE %I ENABLE TRIGGER USER', t);
          END LOOP;
        END $$;`);
    },
    async destroy() {
      await handle.close();
      await drop();
    },
  };
}

/** What a test sees of the database `useTestDb` manages; read it inside tests and hooks, never at collection time. */
export interface TestDbAccess {
  readonly db: Db;
  executeSql: DbHandle['executeSql'];
}

/**
 * The integration-test lifecycle in one call, inside `describe.each(testDbKinds())`:
 * beforeAll creates the database and installs it as the app's handle (what `getDb()` returns),
 * beforeEach empties it (unless `reset: false`, for suites that keep one state across their tests),
 * afterAll uninstalls and destroys it.
 *
 * Call it before registering the suite's own hooks: its beforeAll/beforeEach then run first, and (vitest's
 * default `sequence.hooks: 'stack'`) its afterAll runs last, after the suite has stopped whatever uses the database.
 */
export function useTestDb(kind: TestDbKind, opts: { reset?: boolean } = {}): TestDbAccess {
  let current: TestDb | undefined;
  const live = (): TestDb => {
    if (!current) throw new Error(`useTestDb(${kind}): the database exists only while the suite runs (in tests and hooks)`);
    return current;
  };
  beforeAll(async () => {
    current = await createTestDb(kind);
    setDbHandleForTests(current);
  });
  afterAll(async () => {
    setDbHandleForTests(undefined);
    await current?.destroy();
    current = undefined;
  });
  if (opts.reset ?? true) beforeEach(() => live().reset());
  return {
    get db() {
      return live().db;
    },
    executeSql: (text, values) => live().executeSql(text, values),
  };
}
