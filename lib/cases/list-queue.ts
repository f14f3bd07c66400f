import 'server-only';
import { getDb } from '@/db';
import { clinicianScopeOf } from '@/db/queries/case-scope';
import { listQueue, queueCounts, type QueueCounts, type QueuePage } from '@/db/queries/queue';
import { audit } from '@/lib/audit';
import type { QueueQuery } from '@/lib/validation/queue';
import { decodeQueueCursor } from '@/db/queries/queue-cursor';
import type { ActorRef } from '@/lib/domain/actor';

export type QueueResult = { ok: true; page: QueuePage; counts?: QueueCounts; at: number } | { ok: false; error: 'invalid_cursor' };

/**
 * The queue as the page and GET /api/queue both serve it: one query function (db/queries/queue.ts), one audit row
 * per look at the list (it shows patient names).
 */
export async function readQueue(actor: ActorRef, q: QueueQuery, opts: { withCounts: boolean }): Promise<QueueResult> {
  const cursor = q.cursor ? decodeQueueCursor(q.cursor) : null;
  if (q.cursor && !cursor) return { ok: false, error: 'invalid_cursor' };
  const db = await getDb();
  const filter = { viewerId: actor.id, scope: await clinicianScopeOf(db, actor.id), assignee: q.assignee, urgency: q.urgency, status: q.status, area: q.area };
  const [page, counts] = await Promise.all([
    listQueue(db, { ...filter, limit: q.limit, cursor }),
    opts.withCounts ? queueCounts(db, filter) : Promise.resolve(undefined),
  ]);
  await audit({
    actor,
    action: 'queue.view',
    resourceType: 'queue',
    details: { assignee: q.assignee, urgency: q.urgency ?? null, status: q.status ?? null, area: q.area ?? null, cursor: Boolean(cursor), shown: page.items.length },
  });
  return { ok: true, page, counts, at: Date.now() };
}
