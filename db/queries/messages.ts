import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { caseMessages, clinicianProfiles, users } from '../schema';

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
      authorName: sql<string | null>`coalesce(${clinicianProfiles.displayName}, ${users.name})`,
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
