import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { idempotencyKeys } from '../schema';

export interface IdempotencyRecord {
  requestHash: string;
  /** null while the effect's second step (a hold's checkout) has not finished */
  status: number | null;
  body: unknown;
  createdAt: Date;
}

/** The user's key if it was recorded at or after `since` (older rows count as gone, even before the sweep). */
export async function findIdempotencyKey(db: Db, userId: string, key: string, since: Date): Promise<IdempotencyRecord | null> {
  const [row] = await db
    .select({ requestHash: idempotencyKeys.requestHash, status: idempotencyKeys.status, body: idempotencyKeys.body, createdAt: idempotencyKeys.createdAt })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key), gte(idempotencyKeys.createdAt, since)));
  return row ?? null;
}

/**
 * Records the key inside the effect's transaction. True when this transaction now owns the key (a new row, or a row
 * older than `staleBefore` replaced); false when a live row exists — the caller must roll its effect back. A
 * concurrent transaction inserting the same key waits on the primary key until this one commits or rolls back.
 */
export async function insertIdempotencyKey(
  tx: Db,
  row: { userId: string; key: string; requestHash: string; status: number | null; body: unknown; now: Date; staleBefore: Date },
): Promise<boolean> {
  const values = { userId: row.userId, key: row.key, requestHash: row.requestHash, status: row.status, body: row.body ?? null, createdAt: row.now };
  const inserted = await tx
    .insert(idempotencyKeys)
    .values(values)
    .onConflictDoUpdate({
      target: [idempotencyKeys.userId, idempotencyKeys.key],
      set: { requestHash: values.requestHash, status: values.status, body: sql`excluded.body`, createdAt: values.createdAt },
      setWhere: lt(idempotencyKeys.createdAt, row.staleBefore),
    })
    .returning({ key: idempotencyKeys.key });
  return inserted.length === 1;
}

/** The response of an effect finished in a second step, in that step's transaction. */
export async function completeIdempotencyKey(tx: Db, userId: string, key: string, response: { status: number; body: unknown }): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ status: response.status, body: response.body })
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
}

/** The effect was undone (a hold released because checkout failed): the key goes with it, so a retry starts afresh. */
export async function deleteIdempotencyKey(tx: Db, userId: string, key: string): Promise<void> {
  await tx.delete(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
}

/** The daily sweep: keys recorded before `before`. */
export async function deleteIdempotencyKeysBefore(db: Db, before: Date): Promise<number> {
  const rows = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).returning({ key: idempotencyKeys.key });
  return rows.length;
}
