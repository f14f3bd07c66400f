import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { cases, checkIns } from '../schema';
import { CHECK_IN_OVERDUE_DAYS } from '@/lib/domain/outcomes';

/**
 * "Needs attention" (issue 15, the queue's filter and row badges), defined here and only here:
 *  - WORSE: the case's latest submitted check-in crossed a worsening threshold (check_ins.worse, set by
 *    lib/outcomes/submit-check-in.ts from lib/outcomes/thresholds.ts). A later check-in that is not worse clears it.
 *  - CHECK-IN OVERDUE: a check-in that was mailed to the patient (sent_at set), is not submitted, and fell due more
 *    than CHECK_IN_OVERDUE_DAYS days ago. One never mailed is not overdue: the patient was never asked.
 * Whether the case is open is the queue's status filter, as for every other filter.
 */
const overdueSince = sql`now() - make_interval(days => ${sql.raw(String(CHECK_IN_OVERDUE_DAYS))})`;

/** Per row (the queue page's ≤ 51 rows): whether the latest submitted check-in of `caseId` is worse. */
export function latestCheckInWorse(caseId: AnyPgColumn | SQL): SQL<boolean> {
  return sql<boolean>`coalesce((select ${checkIns.worse} from ${checkIns}
    where ${checkIns.caseId} = ${caseId} and ${checkIns.submittedAt} is not null
    order by ${checkIns.submittedAt} desc limit 1), false)`;
}

/** Per row: whether `caseId` has a mailed check-in unanswered past the grace days. */
export function hasOverdueCheckIn(caseId: AnyPgColumn | SQL): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${checkIns}
    where ${checkIns.caseId} = ${caseId} and ${checkIns.submittedAt} is null and ${checkIns.sentAt} is not null
      and ${checkIns.dueAt} < ${overdueSince})`;
}

/**
 * The filter over `cases`: the ids of cases that are worse or overdue, as one set-based subquery (a hashed semi-join;
 * check_ins holds a few rows per case, far fewer than cases), so the queue's ordered index scan stays as it is.
 */
export function needsAttention(): SQL {
  return sql`${cases.id} in (
    select w.case_id from check_ins w
      where w.worse and w.submitted_at is not null
        and not exists (select 1 from check_ins l where l.case_id = w.case_id and l.submitted_at > w.submitted_at)
    union
    select o.case_id from check_ins o
      where o.submitted_at is null and o.sent_at is not null and o.due_at < ${overdueSince})`;
}
