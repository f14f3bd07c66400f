import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { caseMessages, cases, clinicianProfiles, users } from '../schema';
import { caseReadableBy, type ClinicianScope } from './case-scope';
import { staffName } from './names';

export interface ThreadMessage {
  id: string;
  body: string;
  internal: boolean;
  createdAt: Date;
  authorId: string;
  authorName: string | null;
  authorIsStaff: boolean;
}

/** The thread of one case, oldest first. Patients never receive internal notes: the filter is in the WHERE. */
export async function listCaseMessages(db: Db, caseId: string, opts: { includeInternal: boolean }): Promise<ThreadMessage[]> {
  const rows = await db
    .select({
      id: caseMessages.id,
      body: caseMessages.body,
      internal: caseMessages.internal,
      createdAt: caseMessages.createdAt,
      authorId: caseMessages.authorId,
      authorName: staffName,
      authorIsStaff: sql<boolean>`(${clinicianProfiles.userId} is not null or 'admin' = any(${users.roles}))`,
    })
    .from(caseMessages)
    .innerJoin(users, eq(users.id, caseMessages.authorId))
    .leftJoin(clinicianProfiles, eq(clinicianProfiles.userId, caseMessages.authorId))
    .where(opts.includeInternal ? eq(caseMessages.caseId, caseId) : and(eq(caseMessages.caseId, caseId), eq(caseMessages.internal, false)))
    .orderBy(asc(caseMessages.createdAt), asc(caseMessages.id));
  return rows.map((r) => ({ ...r, authorIsStaff: Boolean(r.authorIsStaff) }));
}

export async function insertCaseMessage(db: Db, m: { caseId: string; authorId: string; body: string; internal: boolean }) {
  const [row] = await db.insert(caseMessages).values(m).returning();
  return row;
}

/**
 * The case whose thread `userId` asks for, when it is their own or within `scope` (CONTRACTS §4c); null otherwise.
 * `readableByScope` says whether the scope alone reaches it (the reader then acts as the team).
 */
export async function findThreadCase(db: Db, caseId: string, userId: string, scope: ClinicianScope | null) {
  const [row] = await db
    .select({
      id: cases.id,
      patientId: cases.patientId,
      assignedClinicianId: cases.assignedClinicianId,
      patientEmail: users.email,
      readableByScope: sql<boolean>`(${caseReadableBy(scope)})`,
    })
    .from(cases)
    .innerJoin(users, eq(users.id, cases.patientId))
    .where(and(eq(cases.id, caseId), or(eq(cases.patientId, userId), caseReadableBy(scope))));
  return row ? { ...row, readableByScope: Boolean(row.readableByScope) } : null;
}
