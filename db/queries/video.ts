import { and, asc, count, eq, gt, lt, max } from 'drizzle-orm';
import type { Db } from '../client';
import { videoSignals, type VideoSignalKind } from '../schema';

export type VideoSignal = typeof videoSignals.$inferSelect;

/** Stores one signalling message from one participant of a room to the other. Returns its id (the poll cursor). */
export async function insertVideoSignal(
  db: Db,
  s: { bookingId: string; fromUserId: string; toUserId: string; kind: VideoSignalKind; payload: Record<string, unknown> },
): Promise<number> {
  const [row] = await db.insert(videoSignals).values(s).returning({ id: videoSignals.id });
  return row!.id;
}

/**
 * The caller's inbox in one room: messages addressed to `toUserId` in `bookingId` with an id above `afterId`, oldest
 * first. Scoped by both columns, so a participant never reads what they sent nor another room's messages.
 */
export async function listVideoSignalsFor(db: Db, q: { bookingId: string; toUserId: string; afterId: number; limit?: number }): Promise<VideoSignal[]> {
  return db
    .select()
    .from(videoSignals)
    .where(and(eq(videoSignals.bookingId, q.bookingId), eq(videoSignals.toUserId, q.toUserId), gt(videoSignals.id, q.afterId)))
    .orderBy(asc(videoSignals.id))
    .limit(q.limit ?? 100);
}

/** The newest id in the caller's inbox for this room (0 when empty): where a freshly joined client starts polling. */
export async function latestVideoSignalIdFor(db: Db, bookingId: string, toUserId: string): Promise<number> {
  const [row] = await db
    .select({ id: max(videoSignals.id) })
    .from(videoSignals)
    .where(and(eq(videoSignals.bookingId, bookingId), eq(videoSignals.toUserId, toUserId)));
  return row?.id == null ? 0 : Number(row.id);
}

/** How many messages one participant has sent in a room (the inbox index of the recipient answers it). */
export async function countVideoSignalsSent(db: Db, bookingId: string, fromUserId: string, toUserId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(videoSignals)
    .where(and(eq(videoSignals.bookingId, bookingId), eq(videoSignals.toUserId, toUserId), eq(videoSignals.fromUserId, fromUserId)));
  return Number(row?.n ?? 0);
}

/** Removes signalling older than `before` (it is useless once a call is set up; the sweep job calls this). */
export async function deleteVideoSignalsBefore(db: Db, before: Date): Promise<number> {
  const rows = await db.delete(videoSignals).where(lt(videoSignals.createdAt, before)).returning({ id: videoSignals.id });
  return rows.length;
}
