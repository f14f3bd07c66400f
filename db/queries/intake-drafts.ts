import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { intakeDrafts } from '@/db/schema';
import type { IntakeDraftData, IntakeStep } from '@/lib/validation/intake';

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

export type SaveDraftResult = { ok: true; revision: number; updatedAt: Date } | { ok: false; current: IntakeDraft | null };

/**
 * Compare-and-set on `revision`: baseRevision 0 creates the draft, otherwise the write only lands when the stored
 * revision is still the one the client last saw. A stale write (another tab or device saved in between) is refused
 * and the current draft returned, so the client can offer a choice instead of silently overwriting.
 */
export async function saveDraftOfPatient(
  db: Db,
  patientId: string,
  draft: { data: IntakeDraftData; step: IntakeStep; baseRevision: number },
): Promise<SaveDraftResult> {
  const rows =
    draft.baseRevision === 0
      ? await db
          .insert(intakeDrafts)
          .values({ patientId, data: draft.data, step: draft.step, revision: 1 })
          .onConflictDoNothing()
          .returning({ revision: intakeDrafts.revision, updatedAt: intakeDrafts.updatedAt })
      : await db
          .update(intakeDrafts)
          .set({ data: draft.data, step: draft.step, revision: sql`${intakeDrafts.revision} + 1`, updatedAt: sql`now()` })
          .where(and(eq(intakeDrafts.patientId, patientId), eq(intakeDrafts.revision, draft.baseRevision)))
          .returning({ revision: intakeDrafts.revision, updatedAt: intakeDrafts.updatedAt });
  if (rows[0]) return { ok: true, ...rows[0] };
  return { ok: false, current: await findDraftOfPatient(db, patientId) };
}

export async function deleteDraftOfPatient(db: Db, patientId: string): Promise<boolean> {
  const rows = await db.delete(intakeDrafts).where(eq(intakeDrafts.patientId, patientId)).returning({ id: intakeDrafts.patientId });
  return rows.length > 0;
}
