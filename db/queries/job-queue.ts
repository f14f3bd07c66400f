import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';

/** A value as PostgreSQL text: the job library's SQL casts each parameter itself ($3::jsonb, $4::int …). */
function asParam(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return v;
}

/**
 * Runs a library's own parameterised SQL (`$1`, `$2`, …) on `db` — which may be the caller's transaction — so that
 * pg-boss can insert a job in the same transaction as the change that asks for it (its `db` option). Each `$n` becomes
 * a drizzle parameter; the library's SQL carries no dollar-quoted strings.
 */
export function sqlExecutorOn(db: Db): { executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> } {
  return {
    async executeSql(text, values = []) {
      const chunks: SQL[] = text.split(/\$(\d+)/).map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${asParam(values[Number(part) - 1])}`));
      const result = (await db.execute(sql.join(chunks))) as unknown as Record<string, unknown>[] | { rows: Record<string, unknown>[] };
      return { rows: Array.isArray(result) ? Array.from(result) : result.rows };
    },
  };
}
