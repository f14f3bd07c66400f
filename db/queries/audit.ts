import { and, desc, eq, gte, lt, lte, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { auditEvents, users } from '../schema';

export interface AuditFilter {
  /** A patient's user id or email. */
  patientId?: string;
  /** An actor's user id or email. */
  actorId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  beforeId?: number;
  limit: number;
}

const patientUser = alias(users, 'patient_user');

/** Ids or emails: a value with "@" matches the user's email (case-insensitive), otherwise the id. */
function personMatch(column: typeof auditEvents.actorId | typeof auditEvents.patientId, who: typeof users | typeof patientUser, value: string): SQL {
  return value.includes('@') ? eq(who.email, value.trim().toLowerCase()) : (or(eq(column, value), eq(who.email, value.toLowerCase())) as SQL);
}

/** Newest first, keyset-paged by id. Admin only (the caller checks). */
export async function listAuditEvents(db: Db, f: AuditFilter) {
  const where: SQL[] = [];
  if (f.patientId) where.push(personMatch(auditEvents.patientId, patientUser, f.patientId));
  if (f.actorId) where.push(personMatch(auditEvents.actorId, users, f.actorId));
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
      patientEmail: patientUser.email,
      outcome: auditEvents.outcome,
      requestId: auditEvents.requestId,
      ip: auditEvents.ip,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(patientUser, eq(patientUser.id, auditEvents.patientId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(f.limit + 1);
  const items = rows.slice(0, f.limit);
  return { items, nextCursor: rows.length > f.limit ? String(items[items.length - 1].id) : null };
}

export type AuditRow = Awaited<ReturnType<typeof listAuditEvents>>['items'][number];

const CSV_COLUMNS: (keyof AuditRow)[] = ['id', 'at', 'actorEmail', 'actorId', 'actorRole', 'action', 'resourceType', 'resourceId', 'patientEmail', 'patientId', 'outcome', 'requestId', 'ip', 'details'];

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
  // Spreadsheet formula injection: a cell starting with = + - @ is neutralised.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function auditCsv(rows: AuditRow[]): string {
  return [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n';
}

type NewAuditEvent = Omit<typeof auditEvents.$inferInsert, 'id' | 'at'>;

/** Appends one row; the table is append-only (the database refuses UPDATE and DELETE on it). */
export async function insertAuditEvent(db: Db, row: NewAuditEvent): Promise<void> {
  await db.insert(auditEvents).values(row);
}
