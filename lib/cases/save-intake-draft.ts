import 'server-only';
import type { Db } from '@/db';
import { findDraftAnswersAtRevision, findDraftOfPatient, insertFirstDraft, updateDraftAtRevision, type DraftRevision, type IntakeDraft } from '@/db/queries/intake-drafts';
import type { IntakeDraftData, IntakeStep } from '@/lib/validation/intake';
import { stampRedFlagAnswers } from './red-flag-stamps';

export type SaveDraftResult = ({ ok: true } & DraftRevision) | { ok: false; current: IntakeDraft | null };

/**
 * Autosave with compare-and-set on `revision`: baseRevision 0 creates the draft, otherwise the write only lands when
 * the stored revision is still the one the client last saw. A stale write (another tab or device saved in between)
 * is refused and the current draft returned, so the client can offer a choice instead of silently overwriting.
 */
export async function saveIntakeDraft(
  db: Db,
  patientId: string,
  draft: { data: IntakeDraftData; step: IntakeStep; baseRevision: number },
  now: Date = new Date(),
): Promise<SaveDraftResult> {
  const { data, step } = draft;
  let saved: DraftRevision | null;
  if (draft.baseRevision === 0) {
    saved = await insertFirstDraft(db, patientId, { data, step, redFlagsAnsweredAt: stampRedFlagAnswers(null, null, data.redFlags, now) });
  } else {
    // The previous answers decide which red-flag answers are new (stamped now) and which keep their time. The
    // revision guard of the update still refuses the write if another save landed in between.
    const before = await findDraftAnswersAtRevision(db, patientId, draft.baseRevision);
    saved = before
      ? await updateDraftAtRevision(db, patientId, draft.baseRevision, { data, step, redFlagsAnsweredAt: stampRedFlagAnswers(before.data.redFlags, before.times, data.redFlags, now) })
      : null;
  }
  if (saved) return { ok: true, ...saved };
  return { ok: false, current: await findDraftOfPatient(db, patientId) };
}
