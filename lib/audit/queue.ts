import 'server-only';
import { createHash } from 'node:crypto';
import { getDb } from '@/db';
import { insertAuditEventIfChanged } from '@/db/queries/audit';
import { requestContext } from '@/lib/request-context';
import type { ActorRef } from '@/lib/domain/actor';

/** An unchanged view is recorded again after this long: "when did they see case X" is answerable to within an hour. */
const QUEUE_VIEW_REFRESH_MINUTES = 60;

/**
 * This process remembers the digest it last confirmed with the database per (user, view) for this long and skips the
 * database for a poll that shows the same set: a polling tab costs no audit round trip. The database mark stays the
 * truth across instances and restarts; behind a load balancer without sticky sessions, a set shown again on this
 * instance after another instance recorded a different one is recorded at the latest this much later.
 */
const LOCAL_CONFIRM_MS = 5 * 60_000;
const LOCAL_MAX_ENTRIES = 10_000;
const confirmed = new Map<string, { digest: string; at: number }>();

function locallyConfirmed(key: string, digest: string, at: number): boolean {
  const hit = confirmed.get(key);
  return hit !== undefined && hit.digest === digest && at >= hit.at && at - hit.at < LOCAL_CONFIRM_MS;
}

function confirm(key: string, digest: string, at: number): void {
  confirmed.delete(key);
  if (confirmed.size >= LOCAL_MAX_ENTRIES) confirmed.delete(confirmed.keys().next().value!);
  confirmed.set(key, { digest, at });
}

/** Tests: forget what this process confirmed (as a restart or another instance would). */
export function forgetQueueViewsForTests(): void {
  confirmed.clear();
}

export interface QueueView {
  assignee: string;
  status: string[] | null;
  urgency: string | null;
  area: string | null;
  /** Only cases that need attention (issue 15: worse, or a check-in overdue). */
  attention?: boolean;
  /** The page's keyset cursor (null: the first page). */
  cursor: string | null;
}

/** The view as a stable key: the same filter and page give the same key, from the page and from the JSON API. */
function queueViewKey(v: QueueView): string {
  const key = [v.assignee, v.status ? [...v.status].sort() : null, v.urgency, v.area, v.cursor];
  // The attention view is another view: its own key, so it and the full list do not overwrite each other's mark.
  return JSON.stringify(v.attention ? [...key, 'attention'] : key);
}

/** Digest of the shown set: the ids sorted, so a reorder alone is not a new disclosure. */
function shownDigest(caseIds: string[]): string {
  return createHash('sha256').update([...caseIds].sort().join(',')).digest('hex');
}

/**
 * Records what the queue disclosed, not every look at it: one `queue.view` row naming the shown case ids when the set
 * shown to this clinician in this view differs from the last one recorded (or that one is older than
 * QUEUE_VIEW_REFRESH_MINUTES). A tab polling an unchanged queue every 10 s writes ≈ 24 rows a day instead of 8,640,
 * and "which clinician saw case X, when" stays answerable (listAuditEvents with `caseId`). Counts disclose no
 * patient and are not recorded. One statement when this process has not just confirmed the same set; on an unchanged
 * view it writes nothing.
 */
export async function auditQueueView(actor: ActorRef, view: QueueView, caseIds: string[], at = new Date()): Promise<boolean> {
  const viewKey = queueViewKey(view);
  const digest = shownDigest(caseIds);
  const localKey = `${actor.id}\0${viewKey}`;
  if (locallyConfirmed(localKey, digest, at.getTime())) return false;
  const ctx = await requestContext();
  const written = await insertAuditEventIfChanged(
    await getDb(),
    { userId: actor.id, viewKey, digest, refreshMinutes: QUEUE_VIEW_REFRESH_MINUTES, at },
    {
      actorId: actor.id,
      actorRole: actor.roles.length ? actor.roles.join('+') : null,
      action: 'queue.view',
      resourceType: 'queue',
      resourceId: null,
      patientId: null,
      outcome: 'allowed',
      requestId: ctx.requestId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { ...view, cursor: Boolean(view.cursor), shown: caseIds.length, caseIds },
    },
  );
  confirm(localKey, digest, at.getTime());
  return written;
}
