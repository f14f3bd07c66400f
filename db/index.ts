import 'server-only';
import { env } from '@/lib/env';
import { APP_POSTGRES_TIMEOUTS, DatabaseUnavailableError, openPglite, openPostgres, type Db, type DbHandle } from './client';

export type { Db, DbHandle } from './client';
export { DatabaseUnavailableError, isDatabaseUnavailable } from './client';

const globalForDb = globalThis as unknown as { __tcDb?: Promise<DbHandle>; __tcDbClosed?: boolean };

/**
 * The one database handle of this process, opened on first use (never at import time, so `next build`
 * touches no database) and kept on globalThis so dev hot reloads reuse it. On PostgreSQL it runs with the app's
 * timeouts (APP_POSTGRES_TIMEOUTS: connect 3 s, statements 5 s), so a database that is down fails a request fast.
 * After `closeDbHandle` (shutdown) it refuses, rather than opening the database again behind the shutdown's back.
 */
export function getDbHandle(): Promise<DbHandle> {
  if (globalForDb.__tcDbClosed) return Promise.reject(new DatabaseUnavailableError('the server is shutting down'));
  if (!globalForDb.__tcDb) {
    const e = env();
    globalForDb.__tcDb = (e.DATABASE_URL ? openPostgres(e.DATABASE_URL, APP_POSTGRES_TIMEOUTS) : openPglite(e.PGLITE_DIR)).catch((err) => {
      globalForDb.__tcDb = undefined;
      throw err;
    });
  }
  return globalForDb.__tcDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Shutdown: closes the handle (PGlite checkpoints and releases its lock) and refuses to open another. */
export async function closeDbHandle(): Promise<void> {
  const pending = globalForDb.__tcDb;
  globalForDb.__tcDbClosed = true;
  globalForDb.__tcDb = undefined;
  const handle = await pending?.catch(() => undefined);
  await handle?.close();
}

/** Tests inject their own (per-worker) database through this. */
export function setDbHandleForTests(handle: DbHandle | undefined): void {
  globalForDb.__tcDbClosed = false;
  globalForDb.__tcDb = handle ? Promise.resolve(handle) : undefined;
}
