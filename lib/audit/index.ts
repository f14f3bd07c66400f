import 'server-only';
import { getDb, type Db } from '@/db';
import { insertAuditEvent } from '@/db/queries/audit';
import { countRateLimitHit } from '@/db/queries/rate-limits';
import { env } from '@/lib/env';
import { requestContext } from '@/lib/request-context';
import { requestLog } from '@/lib/log';
import type { ActorRef } from '@/lib/domain/actor';

export interface AuditEntry {
  actor: ActorRef | null;
  action: string; // verb.noun, e.g. 'case.view', 'intake.submit', 'page.denied'
  resourceType: string;
  resourceId?: string | null;
  patientId?: string | null;
  outcome?: 'allowed' | 'denied';
  details?: Record<string, unknown>;
}

/**
 * The one way to write an audit row. Pass `tx` to make the row part of the same transaction as the change
 * it records; reads outside a transaction write it on their own.
 */
export async function audit(entry: AuditEntry, tx?: Db): Promise<void> {
  const db = tx ?? (await getDb());
  const ctx = await requestContext();
  // The log is append-only, so what an anonymous client can make it write is capped per IP; past the cap the
  // rate-limit counter row still records how many there were. The counter is read from db/queries, not through
  // lib/rate-limit, because rate-limit audits its own denials: the two features import each other one way only.
  if (!entry.actor?.id) {
    const cap = await countRateLimitHit(db, 'audit.anonymous', ctx.ip ?? 'unknown', env().RATE_LIMIT_ANONYMOUS_AUDIT, Date.now());
    if (!cap.ok) {
      if (cap.firstDenial) (await requestLog()).warn({ action: entry.action, limit: cap.limit }, 'anonymous audit cap reached; counting only');
      return;
    }
  }
  await insertAuditEvent(db, {
    actorId: entry.actor?.id ?? null,
    actorRole: entry.actor?.roles.length ? entry.actor.roles.join('+') : null,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    patientId: entry.patientId ?? null,
    outcome: entry.outcome ?? 'allowed',
    requestId: ctx.requestId,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    details: entry.details ?? null,
  });
  if (entry.outcome === 'denied') {
    (await requestLog()).warn({ action: entry.action, resourceType: entry.resourceType, actorId: entry.actor?.id ?? null }, 'access denied');
  }
}
