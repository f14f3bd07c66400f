import 'server-only';
import { env } from '@/lib/env';
import { openPglite, openPostgres, type Db, type DbHandle } from './client';

export type { Db, DbHandle } from './client';

const globalForDb = globalThis as unknown as { __tcDb?: Promise<DbHandle> };

/**
 * The one database handle of this process, opened on first use (never at import time, so `next build`
 * touches no database) and kept on globalThis so dev hot reloads reuse it.
 */
export function getDbHandle(): Promise<DbHandle> {
  if (!globalForDb.__tcDb) {
    const e = env();
    globalForDb.__tcDb = (e.DATABASE_URL ? openPostgres(e.DATABASE_URL) : openPglite(e.PGLITE_DIR)).catch((err) => {
      globalForDb.__tcDb = undefined;
      throw err;
    });
  }
  return globalForDb.__tcDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Tests inject their own (per-worker) database through this. */
export function setDbHandleForTests(handle: DbHandle | undefined): void {
  globalForDb.__tcDb = handle ? Promise.resolve(handle) : undefined;
}
