'use server';
import { revalidatePath } from 'next/cache';
import { formFailure, type ActionResult } from '@/lib/action-result';
import { requireRole } from '@/lib/auth/guards';
import { completeConsult } from '@/lib/consults/complete-consult';
import { correctConsultNotes } from '@/lib/consults/correct-consult-notes';
import { BookingError } from '@/lib/booking/errors';
import { fieldErrorsOf } from '@/lib/http';
import { consultNotesSchema, type ConsultNotesInput } from '@/lib/validation/consult-notes';
import type { Actor } from '@/lib/domain/actor';
import { bookingPagePath, consultNotesPath } from '@/lib/urls';

const refresh = (bookingId: string) => {
  revalidatePath(consultNotesPath(bookingId));
  revalidatePath('/schedule');
  revalidatePath(bookingPagePath(bookingId));
  revalidatePath('/bookings');
};

type Saved = ActionResult<{ revision: number; summaryShared: boolean }>;

/**
 * The house order for both saves: clinician guard → the shared zod schema → one service call → revalidate → a typed
 * result. A BookingError becomes a form error the clinician can act on; anything else is rethrown (the form says it
 * could not save and keeps the text).
 */
async function saveNotes(bookingId: string, input: unknown, run: (user: Actor, input: ConsultNotesInput) => Promise<{ revision: number }>): Promise<Saved> {
  const user = await requireRole(['clinician'], 'booking');
  const parsed = consultNotesSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const r = await run(user, parsed.data);
    refresh(bookingId);
    return { ok: true, data: { revision: r.revision, summaryShared: parsed.data.patientSummary !== null } };
  } catch (err) {
    if (err instanceof BookingError) return formFailure(err.code === 'not_found' ? 'This consult was not found.' : err.message);
    throw err;
  }
}

export async function completeConsultAction(bookingId: string, input: unknown): Promise<Saved> {
  return saveNotes(bookingId, input, (user, notes) => completeConsult(user, bookingId, notes));
}

export async function correctConsultNotesAction(bookingId: string, input: unknown): Promise<Saved> {
  return saveNotes(bookingId, input, (user, notes) => correctConsultNotes(user, bookingId, notes));
}
