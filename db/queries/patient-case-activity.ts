import 'server-only';
import { and, asc, eq, isNotNull, or } from 'drizzle-orm';
import type { Db } from '@/db';
import { caseEvents, caseMessages, clinicianProfiles, users, type CaseStatus } from '@/db/schema';

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

export interface PatientVisibleMessage {
  id: string;
  body: string;
  createdAt: Date;
  authorId: string;
  authorName: string | null;
  authorTitle: string | null;
}

/** The case thread without internal notes, oldest first. */
export async function listPatientVisibleMessages(db: Db, caseId: string): Promise<PatientVisibleMessage[]> {
  return db
    .select({
      id: caseMessages.id,
      body: caseMessages.body,
      createdAt: caseMessages.createdAt,
      authorId: caseMessages.authorId,
      authorName: clinicianProfiles.displayName,
      authorTitle: clinicianProfiles.title,
    })
    .from(caseMessages)
    .innerJoin(users, eq(users.id, caseMessages.authorId))
    .leftJoin(clinicianProfiles, eq(clinicianProfiles.userId, caseMessages.authorId))
    .where(and(eq(caseMessages.caseId, caseId), eq(caseMessages.internal, false)))
    .orderBy(asc(caseMessages.createdAt), asc(caseMessages.id));
}
