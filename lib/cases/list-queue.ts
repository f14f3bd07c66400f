import 'server-only';
import { getDb } from '@/db';
import { listQueue, listQueues, queueCounts, type QueueCounts, type QueueFilter, type QueuePage } from '@/db/queries/queue';
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
  const filter = viewerFilter(actor, q);
  const [page, counts] = await Promise.all([
    listQueue(db, { ...filter, limit: q.limit, cursor }),
    opts.withCounts ? queueCounts(db, filter) : Promise.resolve(undefined),
  ]);
  await auditShown(actor, q, page);
  return { ok: true, page, counts, at: Date.now() };
}

/**
 * Two views for one page (its list and the cases that need attention) in one statement, each as readQueue reads it
 * without counts — and each audited as its own view. A view whose cursor is not valid gets `invalid_cursor`.
 */
export async function readQueues(actor: ActorRef, qs: QueueQuery[]): Promise<QueueResult[]> {
  const cursors = qs.map((q) => (q.cursor ? decodeQueueCursor(q.cursor) : null));
  const valid = qs.flatMap((q, i) => (q.cursor && !cursors[i] ? [] : [i]));
  const pages = valid.length > 0 ? await listQueues(await getDb(), valid.map((i) => ({ ...viewerFilter(actor, qs[i]), limit: qs[i].limit, cursor: cursors[i] }))) : [];
  const at = Date.now();
  const results: QueueResult[] = qs.map(() => ({ ok: false, error: 'invalid_cursor' }));
  await Promise.all(
    valid.map(async (i, k) => {
      await auditShown(actor, qs[i], pages[k]);
      results[i] = { ok: true, page: pages[k], at };
    }),
  );
  return results;
}

/** The viewer's scope is read inside the queue statement itself: one round trip per list, not two. */
function viewerFilter(actor: ActorRef, q: QueueQuery): Omit<QueueFilter, 'limit' | 'cursor'> & { scope: 'viewer' } {
  return { viewerId: actor.id, scope: 'viewer', assignee: q.assignee, urgency: q.urgency, status: q.status, area: q.area, attention: q.attention };
}

function auditShown(actor: ActorRef, q: QueueQuery, page: QueuePage): Promise<boolean> {
  return auditQueueView(
    actor,
    { assignee: q.assignee, status: q.status ?? null, urgency: q.urgency ?? null, area: q.area ?? null, attention: q.attention === true, cursor: q.cursor ?? null },
    page.items.map((i) => i.id),
  );
}
