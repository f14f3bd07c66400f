import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { auditEvents, users } from '../schema';

export interface AuditFilter {
  patientId?: string;
  actorId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  beforeId?: number;
  limit: number;
}

/** Newest first, keyset-paged by id. Admin only (the caller checks). */
export async function listAuditEvents(db: Db, f: AuditFilter) {
  const where: SQL[] = [];
  if (f.patientId) where.push(eq(auditEvents.patientId, f.patientId));
  if (f.actorId) where.push(eq(auditEvents.actorId, f.actorId));
  if (f.action) where.push(eq(auditEvents.action, f.action));
  if (f.from) where.push(gte(auditEvents.at, f.from));
  if (f.to) where.push(lte(auditEvents.at, f.to));
  if (f.beforeId) where.push(lt(auditEvents.id, f.beforeId));
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorId: auditEvents.actorId,
      actorEmail: users.email,
      actorRole: auditEvents.actorRole,
      action: auditEvents.action,
      resourceType: auditEvents.resourceType,
      resourceId: auditEvents.resourceId,
      patientId: auditEvents.patientId,
      outcome: auditEvents.outcome,
      requestId: auditEvents.requestId,
      ip: auditEvents.ip,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(f.limit + 1);
  const items = rows.slice(0, f.limit);
  return { items, nextCursor: rows.length > f.limit ? String(items[items.length - 1].id) : null };
}
