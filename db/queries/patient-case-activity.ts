import 'server-only';
import { and, asc, eq, isNotNull, or } from 'drizzle-orm';
import type { Db } from '@/db';
import { caseEvents } from '@/db/schema';
import type { CaseStatus } from '@/lib/domain/case';

/*
 * What a patient may see of the team's work on their own case. Callers have already checked that the case
 * belongs to the patient (findCaseWithIntake with the patient as viewer).
 */

export interface PatientVisibleEvent {
  id: number;
  kind: string;
  toStatus: CaseStatus | null;
  createdAt: Date;
}

/** Status changes and the submission/edits only: internal bookkeeping (claims, notes, reassignments) stays internal. */
export async function listPatientVisibleEvents(db: Db, caseId: string): Promise<PatientVisibleEvent[]> {
  return db
    .select({ id: caseEvents.id, kind: caseEvents.kind, toStatus: caseEvents.toStatus, createdAt: caseEvents.createdAt })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), or(isNotNull(caseEvents.toStatus), eq(caseEvents.kind, 'amended'))))
    .orderBy(asc(caseEvents.createdAt), asc(caseEvents.id));
}
