import 'server-only';
import { getDb } from '@/db';
import { listQueue, queueCounts, type QueueCounts, type QueuePage } from '@/db/queries/queue';
import { auditQueueView } from '@/lib/audit/queue';
import type { QueueQuery } from '@/lib/validation/queue';
import { decodeQueueCursor } from '@/db/queries/queue-cursor';
import type { ActorRef } from '@/lib/domain/actor';

export type QueueResult = { ok: true; page: QueuePage; counts?: QueueCounts; at: number } | { ok: false; error: 'invalid_cursor' };

/**
 * The queue as the page and GET /api/queue both serve it: one query function (db/queries/queue.ts), and an audit
 * row when the cases it shows this clinician in this view change (lib/audit/queue.ts) — not one per 10-second poll.
 */
export async function readQueue(actor: ActorRef, q: QueueQuery, opts: { withCounts: boolean }): Promise<QueueResult> {
  const cursor = q.cursor ? decodeQueueCursor(q.cursor) : null;
  if (q.cursor && !cursor) return { ok: false, error: 'invalid_cursor' };
  const db = await getDb();
  // The viewer's scope is read inside the queue statement itself: one round trip per list, not two.
  const filter = { viewerId: actor.id, scope: 'viewer' as const, assignee: q.assignee, urgency: q.urgency, status: q.status, area: q.area, attention: q.attention };
  const [page, counts] = await Promise.all([
    listQueue(db, { ...filter, limit: q.limit, cursor }),
    opts.withCounts ? queueCounts(db, filter) : Promise.resolve(undefined),
  ]);
  await auditQueueView(
    actor,
    { assignee: q.assignee, status: q.status ?? null, urgency: q.urgency ?? null, area: q.area ?? null, cursor: q.cursor ?? null },
    page.items.map((i) => i.id),
  );
  return { ok: true, page, counts, at: Date.now() };
}
