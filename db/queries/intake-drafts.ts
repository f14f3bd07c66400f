import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { intakeDrafts } from '@/db/schema';
import { stampRedFlagAnswers, type RedFlagAnswerTimes } from '@/lib/cases/red-flag-stamps';
import type { IntakeStep } from '@/lib/cases/intake-steps';
import type { IntakeDraftData } from '@/lib/validation/intake';

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
  now: Date = new Date(),
): Promise<SaveDraftResult> {
  let rows: { revision: number; updatedAt: Date }[];
  if (draft.baseRevision === 0) {
    rows = await db
      .insert(intakeDrafts)
      .values({ patientId, data: draft.data, step: draft.step, revision: 1, redFlagsAnsweredAt: stampRedFlagAnswers(null, null, draft.data.redFlags, now) })
      .onConflictDoNothing()
      .returning({ revision: intakeDrafts.revision, updatedAt: intakeDrafts.updatedAt });
  } else {
    // The previous answers decide which red-flag answers are new (stamped now) and which keep their time. The
    // revision guard below still refuses the write if another save landed in between.
    const [before] = await db
      .select({ data: intakeDrafts.data, times: intakeDrafts.redFlagsAnsweredAt })
      .from(intakeDrafts)
      .where(and(eq(intakeDrafts.patientId, patientId), eq(intakeDrafts.revision, draft.baseRevision)))
      .limit(1);
    const times = before
      ? stampRedFlagAnswers((before.data as IntakeDraftData).redFlags, before.times as RedFlagAnswerTimes, draft.data.redFlags, now)
      : {};
    rows = before
      ? await db
          .update(intakeDrafts)
          .set({ data: draft.data, step: draft.step, revision: sql`${intakeDrafts.revision} + 1`, updatedAt: sql`now()`, redFlagsAnsweredAt: times })
          .where(and(eq(intakeDrafts.patientId, patientId), eq(intakeDrafts.revision, draft.baseRevision)))
          .returning({ revision: intakeDrafts.revision, updatedAt: intakeDrafts.updatedAt })
      : [];
  }
  if (rows[0]) return { ok: true, ...rows[0] };
  return { ok: false, current: await findDraftOfPatient(db, patientId) };
}

/** The draft with what only the server keeps (answer times, the emergency case it raised), locked for update. */
export async function lockDraftOfPatient(tx: Db, patientId: string) {
  const [row] = await tx
    .select({ data: intakeDrafts.data, emergencyCaseId: intakeDrafts.emergencyCaseId, redFlagsAnsweredAt: intakeDrafts.redFlagsAnsweredAt })
    .from(intakeDrafts)
    .where(eq(intakeDrafts.patientId, patientId))
    .for('update');
  return row ? { data: row.data as IntakeDraftData, emergencyCaseId: row.emergencyCaseId, redFlagsAnsweredAt: row.redFlagsAnsweredAt as RedFlagAnswerTimes } : null;
}

export async function deleteDraftOfPatient(db: Db, patientId: string): Promise<boolean> {
  const rows = await db.delete(intakeDrafts).where(eq(intakeDrafts.patientId, patientId)).returning({ id: intakeDrafts.patientId });
  return rows.length > 0;
}
