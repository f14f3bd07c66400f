import fs from 'node:fs';
import path from 'node:path';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import * as schema from './schema';

type Schema = typeof schema;
/** Both drivers' databases (and their transactions) share this type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface DbHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** postgres only: for libraries that open their own pool (pg-boss). */
  connectionString?: string;
  /** Cheap liveness probe used by /api/health. */
  ping(): Promise<void>;
  /** Raw SQL for libraries that bring their own (pg-boss); several statements allowed when there are no values. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  close(): Promise<void>;
}

export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<DbHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const sql = postgres(url, {
    max: opts.max ?? 10,
    onnotice: () => undefined,
    connect_timeout: 5,
  });
  const db = drizzle(sql, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    connectionString: url,
    ping: async () => {
      await sql`select 1`;
    },
    executeSql: async (text, values) => {
      const rows = values?.length ? await sql.unsafe(text, values as never[]) : await sql.unsafe(text);
      return { rows: Array.from(rows) as Record<string, unknown>[] };
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

/**
 * PGlite has no multi-process lock: two processes on one data directory silently lose writes.
 * We keep `<dir>.lock` with our pid and refuse to open while a live process holds it.
 */
function takeDirLock(dir: string): () => void {
  const lockPath = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (pid === process.pid) return () => undefined;
      if (pid && isAlive(pid)) {
        throw new Error(
          `PGlite data dir ${dir} is in use by pid ${pid}. Stop that process or set PGLITE_DIR to another folder.`,
        );
      }
      fs.unlinkSync(lockPath); // stale lock from a dead process
    }
  }
  throw new Error(`Could not lock PGlite data dir ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `dir` undefined → in-memory (tests). */
export async function openPglite(dir?: string): Promise<DbHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const { drizzle } = await import('drizzle-orm/pglite');
  let release: () => void = () => undefined;
  let dataDir: string | undefined;
  if (dir) {
    dataDir = path.resolve(/*turbopackIgnore: true*/ dir);
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    release = takeDirLock(dataDir);
  }
  const client = await PGlite.create(dataDir ?? 'memory://', { extensions: { btree_gist } });
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    ping: async () => {
      await client.query('select 1');
    },
    executeSql: async (text, values) => {
      if (values?.length) return { rows: (await client.query<Record<string, unknown>>(text, values)).rows };
      const results = await client.exec(text);
      return { rows: (results[results.length - 1]?.rows ?? []) as Record<string, unknown>[] };
    },
    close: async () => {
      await client.close();
      release();
    },
  };
}

export async function migrateHandle(handle: DbHandle): Promise<void> {
  const migrationsFolder = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'db/migrations');
  if (handle.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as unknown as PgliteDatabase<Schema>, { migrationsFolder });
  } else {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await migrate(handle.db as unknown as PostgresJsDatabase<Schema>, { migrationsFolder });
  }
}
