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

/**
 * The database cannot answer now (down, restarting, refusing connections, a statement past its timeout, or this
 * process shutting down). Requests answer 503 for it, never 401 or a bare 500 (lib/server/unavailable.ts).
 */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** postgres-js / Node socket codes that mean "no connection to the database", not "your query is wrong". */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
]);

/**
 * Whether `err` (or any error in its cause chain: drizzle wraps the driver's, Auth.js wraps drizzle's in `cause.err`)
 * says the database is unavailable rather than that a query failed on its merits: a connection failure, SQLSTATE
 * class 08 (connection exception), 57P01–57P03 (admin shutdown, crash shutdown, cannot connect now), 57014 (statement
 * timeout or cancel), 25P03 (idle-in-transaction timeout), 53300 (too many connections).
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = err;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    if (e instanceof DatabaseUnavailableError) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (CONNECTION_CODES.has(code) || code.startsWith('08') || ['57P01', '57P02', '57P03', '57014', '25P03', '53300'].includes(code)) return true;
    }
    const cause = (e as { cause?: unknown }).cause;
    // Auth.js: `new SessionTokenError(e)` keeps the original as `cause.err`.
    e = cause && typeof cause === 'object' && 'err' in cause && !(cause instanceof Error) ? (cause as { err: unknown }).err : cause;
  }
  return false;
}

export interface PostgresOptions {
  max?: number;
  /** Seconds to wait for a connection before the query fails (default 3): a database that is down fails fast. */
  connectTimeoutSeconds?: number;
  /**
   * Server-side limits for the app's connections (0 or absent: none, as migrations want): `statement_timeout` ends a
   * statement that runs longer, `idle_in_transaction_session_timeout` ends a session that holds a transaction (and
   * its row locks) open without using it, `lock_timeout` a statement that waits that long for a lock.
   */
  statementTimeoutMs?: number;
  idleInTransactionTimeoutMs?: number;
  lockTimeoutMs?: number;
}

/** What the app's own handle runs with (db/index.ts); migrations and tests open without statement limits. */
export const APP_POSTGRES_TIMEOUTS = {
  connectTimeoutSeconds: 3,
  statementTimeoutMs: 5_000,
  lockTimeoutMs: 4_000,
  idleInTransactionTimeoutMs: 10_000,
} as const satisfies PostgresOptions;

export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<DbHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const connection: Record<string, string> = {};
  if (opts.statementTimeoutMs) connection.statement_timeout = String(opts.statementTimeoutMs);
  if (opts.lockTimeoutMs) connection.lock_timeout = String(opts.lockTimeoutMs);
  if (opts.idleInTransactionTimeoutMs) connection.idle_in_transaction_session_timeout = String(opts.idleInTransactionTimeoutMs);
  const sql = postgres(url, {
    max: opts.max ?? 10,
    onnotice: () => undefined,
    connect_timeout: opts.connectTimeoutSeconds ?? 3,
    // Reconnection delay: postgres-js's default grows to 20 s (3^n / 100 s), so after an outage of a few seconds
    // the app stayed down long after the database was back. At most 1 s, with jitter.
    backoff: (retries: number) => Math.min(0.1 * 2 ** retries, 1) * (0.5 + Math.random() / 2),
    connection,
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

/** What to tell an operator when PGlite cannot open `dir` (instead of WebAssembly's bare `Aborted()`). */
function pgliteOpenFailure(dir: string, err: unknown): string {
  const cause = err instanceof Error ? err.message : String(err);
  return [
    `The embedded database in ${dir} could not be opened (${cause.slice(0, 300)}).`,
    'A process killed while it was writing can leave the folder unreadable. To go on:',
    `  1. stop every server and worker using it (the lock file ${dir}.lock names the last one);`,
    `  2. move the folder aside, keeping it for recovery: mv '${dir}' '${dir}.broken-${new Date().toISOString().slice(0, 10)}';`,
    '  3. start again: `npm run demo` creates, migrates and seeds a fresh folder (or set PGLITE_DIR to another folder);',
    '     to keep the old data, restore a copy of the folder taken while the server was stopped.',
    'PGlite is for demos and one-machine trials; keep patients\' data on PostgreSQL (DATABASE_URL).',
  ].join('\n');
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
  let client: InstanceType<typeof PGlite>;
  try {
    client = await PGlite.create(dataDir ?? 'memory://', { extensions: { btree_gist } });
  } catch (err) {
    release();
    throw new Error(dataDir ? pgliteOpenFailure(dataDir, err) : `Could not start the in-memory database: ${String(err)}`, { cause: err });
  }
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
