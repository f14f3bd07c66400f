import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { intakeDrafts } from '@/db/schema';
import type { IntakeDraftData, IntakeStep } from '@/lib/validation/intake';

export interface DraftRevision {
  revision: number;
  updatedAt: Date;
}

export interface IntakeDraft {
  data: IntakeDraftData;
  step: IntakeStep;
  revision: number;
  updatedAt: Date;
}

/** The patient's own draft (one per patient). Drafts are only ever read by their patient. */
export async function findDraftOfPatient(db: Db, patientId: string): Promise<IntakeDraft | null> {
  const [row] = await db.select().from(intakeDrafts).where(eq(intakeDrafts.patientId, patientId)).limit(1);
  return row ? { data: row.data as IntakeDraftData, step: row.step as IntakeStep, revision: row.revision, updatedAt: row.updatedAt } : null;
}

interface DraftWrite {
  data: IntakeDraftData;
  step: IntakeStep;
  /** Server time of each red-flag answer ({code: ISO}), stamped by the caller. */
  redFlagsAnsweredAt: Record<string, string>;
}

/** Creates the patient's first draft at revision 1; null when one exists already (another tab got there first). */
export async function insertFirstDraft(db: Db, patientId: string, draft: DraftWrite): Promise<DraftRevision | null> {
  const [row] = await db
    .insert(intakeDrafts)
    .values({ patientId, ...draft, revision: 1 })
    .onConflictDoNothing()
    .returning({ revision: intakeDrafts.revision, updatedAt: intakeDrafts.updatedAt });
  return row ?? null;
}

/** The stored answers and their times while the draft is still at `revision`; null once it moved on or is gone. */
export async function findDraftAnswersAtRevision(db: Db, patientId: string, revision: number) {
  const [row] = await db
    .select({ data: intakeDrafts.data, times: intakeDrafts.redFlagsAnsweredAt })
    .from(intakeDrafts)
    .where(and(eq(intakeDrafts.patientId, patientId), eq(intakeDrafts.revision, revision)))
    .limit(1);
  return row ? { data: row.data as IntakeDraftData, times: row.times } : null;
}

/**
 * Compare-and-set on `revision`: the write only lands when the stored revision is still `baseRevision`, the one the
 * client last saw; null when another tab or device saved in between.
 */
export async function updateDraftAtRevision(db: Db, patientId: string, baseRevision: number, draft: DraftWrite): Promise<DraftRevision | null> {
  const [row] = await db
    .update(intakeDrafts)
    .set({ ...draft, revision: sql`${intakeDrafts.revision} + 1`, updatedAt: sql`now()` })
    .where(and(eq(intakeDrafts.patientId, patientId), eq(intakeDrafts.revision, baseRevision)))
    .returning({ revision: intakeDrafts.revision, updatedAt: intakeDrafts.updatedAt });
  return row ?? null;
}

/** The draft with what only the server keeps (answer times, the emergency case it raised), locked for update. */
export async function lockDraftOfPatient(tx: Db, patientId: string) {
  const [row] = await tx
    .select({ data: intakeDrafts.data, emergencyCaseId: intakeDrafts.emergencyCaseId, redFlagsAnsweredAt: intakeDrafts.redFlagsAnsweredAt })
    .from(intakeDrafts)
    .where(eq(intakeDrafts.patientId, patientId))
    .for('update');
  return row ? { data: row.data as IntakeDraftData, emergencyCaseId: row.emergencyCaseId, redFlagsAnsweredAt: row.redFlagsAnsweredAt } : null;
}

export async function deleteDraftOfPatient(db: Db, patientId: string): Promise<boolean> {
  const rows = await db.delete(intakeDrafts).where(eq(intakeDrafts.patientId, patientId)).returning({ id: intakeDrafts.patientId });
  return rows.length > 0;
}
