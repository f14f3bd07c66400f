import { and, asc, count, desc, eq, isNull, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { cases, clinicianProfiles, patientProfiles, triageAssessments, users } from '../schema';
import { caseReadableBy, readableByWho, type ClinicianScope } from './case-scope';
import { hasOverdueCheckIn, latestCheckInWorse, needsAttention } from './attention';
import { patientName } from './names';
import { encodeQueueCursor, type QueueCursor } from './queue-cursor';
import type { TriageReason } from '@/lib/triage';
import { CASE_STATUSES, OPEN_STATUSES, URGENCY_RANK, type CaseStatus, type Urgency } from '@/lib/domain/case';

export interface QueueFilter {
  /** The signed-in clinician (for `assignee: 'me'`). */
  viewerId: string;
  /**
   * What that clinician may read (CONTRACTS §4c): every list and count is limited to it; null shows nothing.
   * 'viewer': the viewer's own scope, looked up inside the same statement (one round trip fewer than
   * clinicianScopeOf + the list; the same predicate, see viewerReadable).
   */
  scope: ClinicianScope | null | 'viewer';
  assignee: 'me' | 'none' | 'any';
  urgency?: Urgency;
  status?: CaseStatus[];
  area?: string;
  /** Only cases that need attention (./attention.ts: latest check-in worse, or a check-in overdue). */
  attention?: boolean;
  limit: number;
  cursor?: QueueCursor | null;
}

export interface QueueItem {
  id: string;
  urgency: Urgency;
  status: CaseStatus;
  assignedClinicianId: string | null;
  assigneeName: string | null;
  regions: string[];
  areas: string[];
  submittedAt: Date;
  slaDueAt: Date;
  breachAlertedAt: Date | null;
  /** Raised from the safety step before the rest of the intake was sent. */
  incomplete: boolean;
  patientName: string | null;
  patientDateOfBirth: string | null;
  reasons: TriageReason[];
  redFlag: boolean;
  mriConcern: 'urgent' | 'review' | null;
  /** How many sentences of the latest assessed MRI report the engine could not read (0 without a report). */
  mriUnread: number;
  /** The latest submitted check-in is worse (./attention.ts). */
  worse: boolean;
  /** A mailed check-in is unanswered past its grace days (./attention.ts). */
  checkInOverdue: boolean;
}

export interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
}

/**
 * `status IN ('submitted', 'in_review')` as literals, not parameters: the planner can only use the partial indexes
 * for open cases (cases_open_*_idx) when it sees the same constants, also in a prepared statement's generic plan.
 * Only known status names reach the SQL text.
 */
function statusPredicate(statuses: CaseStatus[]): SQL {
  const known = CASE_STATUSES.filter((s) => statuses.includes(s));
  if (known.length === 0) return sql`false`;
  return sql`${cases.status} in (${sql.raw(known.map((s) => `'${s}'`).join(', '))})`;
}

/**
 * `caseReadableBy(await clinicianScopeOf(db, viewerId))` as one predicate: the profile row (active, clinician role) is
 * read by uncorrelated subqueries the planner runs once per statement (InitPlans), so the queue's ordered index scan
 * is unchanged. Assigned, pool and break-the-glass come from case-scope.ts (readableByWho); areas and on-call from the row.
 */
function viewerReadable(viewerId: string | Placeholder): SQL {
  const profile = (col: SQL) =>
    sql`(select ${col} from ${clinicianProfiles} inner join ${users} on ${users.id} = ${clinicianProfiles.userId}
      where ${clinicianProfiles.userId} = ${viewerId} and ${clinicianProfiles.active} and ${users.roles} @> array['clinician']::text[])`;
  return and(
    sql`exists ${profile(sql`1`)}`,
    or(
      ...readableByWho(viewerId),
      sql`${cases.areas} && ${profile(sql`${clinicianProfiles.areas}`)}`,
      sql`(${cases.urgency} = 'emergency' and ${profile(sql`${clinicianProfiles.onCall}`)})`,
    ),
  ) as SQL;
}

/**
 * The values a queue statement carries, apart from its shape (which filters are set): the filter's own values, or
 * placeholders that a prepared statement fills on each execution (listQueue keeps one statement per shape).
 */
interface QueueValues {
  viewer: string | Placeholder;
  urgencyRank: number | Placeholder | null;
  area: string | Placeholder | null;
  cursor: { rank: number | Placeholder; due: string | Placeholder; id: string | Placeholder } | null;
  /** Rows fetched: the page size + 1 (whether there is a next page). */
  fetch: number | Placeholder;
}

function filterValues(f: Omit<QueueFilter, 'limit' | 'cursor'> & Partial<Pick<QueueFilter, 'limit' | 'cursor'>>): QueueValues {
  return {
    viewer: f.viewerId,
    urgencyRank: f.urgency ? URGENCY_RANK[f.urgency] : null,
    area: f.area || null,
    cursor: f.cursor ?? null,
    fetch: (f.limit ?? 0) + 1,
  };
}

/** The WHERE shared by the list and the counts (everything except keyset position). */
function scopeConditions(f: Omit<QueueFilter, 'limit' | 'cursor'>, v: QueueValues, opts: { facets: boolean }): SQL[] {
  const where: SQL[] = [f.scope === 'viewer' ? viewerReadable(v.viewer) : caseReadableBy(f.scope)];
  if (f.assignee === 'me') where.push(eq(cases.assignedClinicianId, v.viewer));
  if (f.assignee === 'none') where.push(isNull(cases.assignedClinicianId));
  // The area as a text parameter of its own (not an array literal), which a prepared statement can take as well.
  if (v.area !== null) where.push(sql`${cases.areas} @> array[${v.area}]::text[]`);
  if (f.attention) where.push(needsAttention());
  if (!opts.facets) {
    if (v.urgencyRank !== null) where.push(eq(cases.urgencyRank, v.urgencyRank));
    if (f.status?.length) where.push(statusPredicate(f.status));
  }
  return where;
}

const URGENCY_OF_RANK = Object.fromEntries(Object.entries(URGENCY_RANK).map(([u, r]) => [r, u])) as Record<number, Urgency | undefined>;

/**
 * THE queue query: the page, the JSON API (CONTRACTS §4b) and the benchmark all call this.
 * Ordered by urgency rank, then SLA due time (oldest first), then id; keyset-paged on that triple so every page
 * is an index range scan (cases_open_queue_idx / cases_open_assignee_queue_idx for open cases, cases_queue_idx /
 * cases_assignee_queue_idx / cases_status_queue_idx otherwise), however deep.
 * The page of case rows is chosen first (ordered, limited) and only its ≤ limit+1 rows are joined to names and to
 * their latest triage assessment (a LATERAL probe on triage_assessments_case_idx), so the joins never run on rows
 * that a sort would throw away.
 */
export function buildQueueQuery(db: Db, f: QueueFilter) {
  return queueStatement(db, f, filterValues(f));
}

/** `list`: which list of a combined statement (listQueues) the rows belong to; 0 in a statement of one list. */
function queueStatement(db: Db, f: QueueFilter, v: QueueValues, list = 0) {
  const where = scopeConditions(f, v, { facets: false });
  if (v.cursor) {
    where.push(sql`(${cases.urgencyRank}, ${cases.slaDueAt}, ${cases.id}) > (${v.cursor.rank}, ${v.cursor.due}::timestamptz, ${v.cursor.id}::uuid)`);
  }
  const page = db
    .select({
      id: cases.id,
      patientId: cases.patientId,
      urgency: cases.urgency,
      urgencyRank: cases.urgencyRank,
      status: cases.status,
      assignedClinicianId: cases.assignedClinicianId,
      regions: cases.regions,
      areas: cases.areas,
      submittedAt: cases.submittedAt,
      slaDueAt: cases.slaDueAt,
      slaDueKey: sql<string>`${cases.slaDueAt}::text`.as('sla_due_key'),
      breachAlertedAt: cases.breachAlertedAt,
      incomplete: cases.incomplete,
    })
    .from(cases)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(cases.urgencyRank), asc(cases.slaDueAt), asc(cases.id))
    .limit(v.fetch)
    .as('page');

  const latest = db
    .select({
      reasons: triageAssessments.reasons,
      mriConcern: sql<string | null>`case
        when jsonb_path_exists(${triageAssessments.mriFindings}, '$[*] ? (@.negated == false && @.concern == "urgent")') then 'urgent'
        when jsonb_path_exists(${triageAssessments.mriFindings}, '$[*] ? (@.negated == false && @.concern == "review")') then 'review'
      end`.as('mri_concern'),
      mriUnread: sql<number>`jsonb_array_length(${triageAssessments.unreadMri})`.as('mri_unread'),
    })
    .from(triageAssessments)
    .where(eq(triageAssessments.caseId, page.id))
    .orderBy(desc(triageAssessments.createdAt))
    .limit(1)
    .as('latest');

  // The patient's name and date of birth, one primary-key probe per shown row (LIMIT keeps the planner from turning
  // it into a join, which hashed every patient and account: most of the statement's time at 5,000 patients).
  const who = db
    .select({ patientName: patientName(users.name).as('patient_name'), patientDateOfBirth: patientProfiles.dateOfBirth })
    .from(users)
    .leftJoin(patientProfiles, eq(patientProfiles.userId, users.id))
    .where(eq(users.id, page.patientId))
    .limit(1)
    .as('who');

  return db
    .select({
      list: sql<number>`${sql.raw(String(list))}`.as('list'),
      id: page.id,
      urgency: page.urgency,
      urgencyRank: page.urgencyRank,
      status: page.status,
      assignedClinicianId: page.assignedClinicianId,
      assigneeName: clinicianProfiles.displayName,
      regions: page.regions,
      areas: page.areas,
      submittedAt: page.submittedAt,
      slaDueAt: page.slaDueAt,
      slaDueKey: page.slaDueKey,
      breachAlertedAt: page.breachAlertedAt,
      incomplete: page.incomplete,
      patientName: who.patientName,
      patientDateOfBirth: who.patientDateOfBirth,
      reasons: latest.reasons,
      mriConcern: latest.mriConcern,
      mriUnread: latest.mriUnread,
      // Two index probes per shown row (check_ins_case_submitted_idx), never per scanned case.
      worse: latestCheckInWorse(page.id).as('worse'),
      checkInOverdue: hasOverdueCheckIn(page.id).as('check_in_overdue'),
    })
    .from(page)
    .leftJoinLateral(who, sql`true`)
    .leftJoin(clinicianProfiles, eq(clinicianProfiles.userId, page.assignedClinicianId))
    .leftJoinLateral(latest, sql`true`)
    .orderBy(asc(page.urgencyRank), asc(page.slaDueAt), asc(page.id));
}

type QueueRow = Awaited<ReturnType<typeof buildQueueQuery>>[number];
interface QueueStatement {
  execute(values: Record<string, unknown>): Promise<QueueRow[]>;
}

/** The viewer-scoped statements built so far, per database handle and filter shape (a few dozen shapes at most). */
const statements = new WeakMap<Db, Map<string, QueueStatement>>();

/**
 * The app's lists (scope 'viewer') as one statement, built once per shape of filters — which filters are set, the
 * statuses (literals in the text, see statusPredicate) — with placeholders for every value, and run with its values.
 * Two lists are one UNION ALL (the page's list and its "Needs attention" list: one round trip, not two).
 */
function executeForViewer(db: Db, fs: QueueFilter[]): Promise<QueueRow[]> {
  const vs = fs.map(filterValues);
  const shape = JSON.stringify(fs.map((f, i) => [f.assignee, f.status ?? null, f.attention === true, vs[i].urgencyRank !== null, vs[i].area !== null, vs[i].cursor !== null]));
  let byShape = statements.get(db);
  if (!byShape) statements.set(db, (byShape = new Map()));
  let statement = byShape.get(shape);
  if (!statement) {
    const [first, second, ...more] = fs.map((f, i) => {
      const slot = (name: string) => sql.placeholder(`${name}${i}`);
      const v = vs[i];
      const placeholders: QueueValues = {
        viewer: slot('viewer'),
        urgencyRank: v.urgencyRank === null ? null : slot('urgencyRank'),
        area: v.area === null ? null : slot('area'),
        cursor: v.cursor ? { rank: slot('cursorRank'), due: slot('cursorDue'), id: slot('cursorId') } : null,
        fetch: slot('fetch'),
      };
      return queueStatement(db, f, placeholders, i);
    });
    if (more.length > 0) throw new Error('listQueues combines at most two lists');
    statement = second
      ? first.unionAll(second).orderBy(sql`list, urgency_rank, sla_due_at, id`).prepare('queue_pages')
      : first.prepare('queue_page');
    byShape.set(shape, statement);
  }
  const values: Record<string, unknown> = {};
  vs.forEach((v, i) => {
    Object.assign(values, {
      [`viewer${i}`]: v.viewer,
      [`urgencyRank${i}`]: v.urgencyRank,
      [`area${i}`]: v.area,
      [`cursorRank${i}`]: v.cursor?.rank,
      [`cursorDue${i}`]: v.cursor?.due,
      [`cursorId${i}`]: v.cursor?.id,
      [`fetch${i}`]: v.fetch,
    });
  });
  return statement.execute(values);
}

function toPage(rows: QueueRow[], limit: number): QueuePage {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => {
      const reasons = (Array.isArray(r.reasons) ? r.reasons : []) as TriageReason[];
      return {
        id: r.id,
        urgency: r.urgency,
        status: r.status,
        assignedClinicianId: r.assignedClinicianId,
        assigneeName: r.assigneeName,
        regions: r.regions,
        areas: r.areas,
        submittedAt: r.submittedAt,
        slaDueAt: r.slaDueAt,
        breachAlertedAt: r.breachAlertedAt,
        incomplete: r.incomplete,
        patientName: r.patientName,
        patientDateOfBirth: r.patientDateOfBirth,
        reasons,
        redFlag: reasons.some((x) => x.source === 'screen'),
        mriConcern: r.mriConcern === 'urgent' || r.mriConcern === 'review' ? r.mriConcern : null,
        mriUnread: Number(r.mriUnread ?? 0),
        worse: r.worse === true,
        checkInOverdue: r.checkInOverdue === true,
      };
    }),
    nextCursor: rows.length > limit && last ? encodeQueueCursor({ rank: last.urgencyRank, due: last.slaDueKey, id: last.id }) : null,
  };
}

export async function listQueue(db: Db, f: QueueFilter): Promise<QueuePage> {
  // A prepared statement: postgres-js keeps it per connection by its text, so each call is one round trip (Bind +
  // Execute) instead of an unnamed statement's two (Parse + Describe, then Bind + Execute) parsed anew each time. The
  // app's own filters (scope 'viewer') also skip building the SQL: one statement per filter shape, values as parameters.
  const rows = await (f.scope === 'viewer' ? executeForViewer(db, [f]) : buildQueueQuery(db, f).prepare('queue_page').execute());
  return toPage(rows, f.limit);
}

/** One or two of the app's lists (scope 'viewer') in one statement: each list as listQueue gives it. */
export async function listQueues(db: Db, fs: (QueueFilter & { scope: 'viewer' })[]): Promise<QueuePage[]> {
  const rows = await executeForViewer(db, fs);
  return fs.map((f, i) => toPage(rows.filter((r) => r.list === i), f.limit));
}

export interface QueueCounts {
  /**
   * Per status within the assignee/area/attention scope — for the open statuses and the chosen ones only: a decided or
   * closed status nobody picked is null (not counted). The history grows without end (97 % of the bench's 100,000
   * cases) and counting it on every 10-second poll was most of the poll's cost (issue 13).
   */
  byStatus: Record<CaseStatus, number | null>;
  byUrgency: Record<Urgency, number>;
  total: number;
}

/**
 * Facet counts for the filters: per status (within the assignee/area/attention scope) and per urgency (within that
 * scope and the chosen statuses), so each number says what picking it would show. One aggregate over the open
 * statuses plus the chosen ones (the open ones as literals, so the partial open-case indexes serve it); every status
 * only when "any status" is chosen.
 */
export async function queueCounts(db: Db, f: Omit<QueueFilter, 'limit' | 'cursor'>): Promise<QueueCounts> {
  const scope = scopeConditions(f, filterValues(f), { facets: true });
  const counted: CaseStatus[] | null = f.status?.length ? [...new Set<CaseStatus>([...OPEN_STATUSES, ...f.status])] : null;
  if (counted) scope.push(statusPredicate(counted));
  // Grouped by urgency_rank, not the urgency label, so an index on (…, status, urgency_rank) can answer it.
  const statusRows = await db
    .select({ status: cases.status, urgencyRank: cases.urgencyRank, n: count() })
    .from(cases)
    .where(scope.length ? and(...scope) : undefined)
    .groupBy(cases.status, cases.urgencyRank)
    .prepare('queue_counts') // as listQueue: one round trip per poll, not two
    .execute();
  const byStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, counted && !counted.includes(s) ? null : 0])) as Record<CaseStatus, number | null>;
  const byUrgency = { emergency: 0, urgent: 0, routine: 0 } as Record<Urgency, number>;
  let total = 0;
  for (const r of statusRows) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
    const urgency = URGENCY_OF_RANK[r.urgencyRank];
    if (urgency && (!f.status?.length || f.status.includes(r.status))) {
      byUrgency[urgency] = (byUrgency[urgency] ?? 0) + r.n;
      total += r.n;
    }
  }
  return { byStatus, byUrgency, total };
}
