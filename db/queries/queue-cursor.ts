import { isUuid } from '@/lib/domain/ids';

/**
 * Keyset cursor of the queue query (queue.ts), beside it because its fields are that query's ORDER BY: the last
 * row's (urgency_rank, sla_due_at, id). `due` is PostgreSQL's own text of the timestamp (microseconds kept), so the
 * next page starts exactly after the last row even when two cases share a due time down to the millisecond.
 */
export interface QueueCursor {
  rank: number;
  due: string;
  id: string;
}

const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;

export function encodeQueueCursor(c: QueueCursor): string {
  return Buffer.from(JSON.stringify([c.rank, c.due, c.id]), 'utf8').toString('base64url');
}

/** Returns null for anything that is not a cursor this module wrote (callers answer 400). */
export function decodeQueueCursor(raw: string): QueueCursor | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== 3) return null;
    const [rank, due, id] = v as unknown[];
    if (typeof rank !== 'number' || !Number.isInteger(rank) || rank < 0 || rank > 9) return null;
    if (typeof due !== 'string' || !PG_TIMESTAMP.test(due)) return null;
    if (typeof id !== 'string' || !isUuid(id)) return null;
    return { rank, due, id };
  } catch {
    return null;
  }
}
