import { and, desc, eq, gte, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { auditEvents, queueViewMarks, users } from '../schema';

export interface AuditFilter {
  /** A patient's user id or email. */
  patientId?: string;
  /** An actor's user id or email. */
  actorId?: string;
  action?: string;
  /** A case id: rows about that case, and the queue rows that showed it (details.caseIds). */
  caseId?: string;
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

/** Queue rows whose shown cases include `caseId` (the partial GIN index audit_events_shown_cases_idx). */
function shownInQueue(caseId: string): SQL {
  return sql`(${auditEvents.action} = 'queue.view' and ${auditEvents.details} -> 'caseIds' @> ${JSON.stringify([caseId])}::jsonb)`;
}

/** Newest first, keyset-paged by id. Admin only (the caller checks). */
export async function listAuditEvents(db: Db, f: AuditFilter) {
  const where: SQL[] = [];
  if (f.patientId) where.push(personMatch(auditEvents.patientId, patientUser, f.patientId));
  if (f.actorId) where.push(personMatch(auditEvents.actorId, users, f.actorId));
  if (f.action) where.push(eq(auditEvents.action, f.action));
  if (f.caseId) where.push(or(eq(auditEvents.resourceId, f.caseId), shownInQueue(f.caseId)) as SQL);
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

export interface QueueViewMark {
  userId: string;
  /** The view: filter and page, normalised (lib/audit/queue.ts). */
  viewKey: string;
  /** Digest of the shown case ids. */
  digest: string;
  /** An unchanged view is recorded again after this long, so "when" stays answerable to within it. */
  refreshMinutes: number;
  /** The time of this look (the app's clock, like the other services' `now`). */
  at: Date;
}

/**
 * Appends `row` only when `mark` differs from the last one recorded for (user, view) or that one is older than the
 * refresh interval, and moves the mark, in ONE statement. An unchanged view writes nothing (the NOT EXISTS leaves
 * the upsert no row to insert, so no row lock either). Two requests racing on the same change: the second waits on
 * the first's row lock, then finds the digest equal and writes no audit row. Returns whether a row was written.
 */
export async function insertAuditEventIfChanged(db: Db, mark: QueueViewMark, row: NewAuditEvent): Promise<boolean> {
  const m = queueViewMarks;
  const at = mark.at.toISOString();
  const stale = sql`${at}::timestamptz - make_interval(mins => ${mark.refreshMinutes})`;
  const result = await db.execute(sql`
    WITH moved AS (
      INSERT INTO ${m} (user_id, view_key, digest, recorded_at)
      SELECT ${mark.userId}, ${mark.viewKey}, ${mark.digest}, ${at}::timestamptz
      WHERE NOT EXISTS (
        SELECT 1 FROM ${m} WHERE ${m.userId} = ${mark.userId} AND ${m.viewKey} = ${mark.viewKey} AND ${m.digest} = ${mark.digest} AND ${m.recordedAt} > ${stale}
      )
      ON CONFLICT (user_id, view_key) DO UPDATE SET digest = excluded.digest, recorded_at = excluded.recorded_at
        WHERE ${m}.digest <> excluded.digest OR ${m}.recorded_at <= ${stale}
      RETURNING 1
    )
    INSERT INTO ${auditEvents} (actor_id, actor_role, action, resource_type, resource_id, patient_id, outcome, request_id, ip, user_agent, details)
    SELECT ${row.actorId ?? null}, ${row.actorRole ?? null}, ${row.action}, ${row.resourceType}, ${row.resourceId ?? null}, ${row.patientId ?? null},
      ${row.outcome}, ${row.requestId ?? null}, ${row.ip ?? null}, ${row.userAgent ?? null}, ${row.details ? JSON.stringify(row.details) : null}::jsonb
    FROM moved
    RETURNING id`);
  const rows = Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows;
  return rows.length > 0;
}
