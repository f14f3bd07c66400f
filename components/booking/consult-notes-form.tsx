'use client';
import type { ActionResult } from '@/lib/action-result';
import { Alert } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field, Textarea } from '@/components/ui/field';
import { useActionForm } from '@/components/ui/use-action-form';
import { CLINICAL_NOTES_MAX, consultNotesSchema, PATIENT_SUMMARY_MAX, type ConsultNotesForm as Values, type ConsultNotesInput } from '@/lib/validation/consult-notes';
import { consultNotesPath } from '@/lib/urls';

type Save = (bookingId: string, input: unknown) => Promise<ActionResult<{ revision: number; summaryShared: boolean }>>;

/**
 * Clinical notes (team only) and the optional summary for the patient. `mode` says whether saving completes the
 * consult or records a correction. What was typed stays in the fields whatever the server answers.
 */
export function ConsultNotesForm({ bookingId, mode, initial, patientName, save }: { bookingId: string; mode: 'complete' | 'correct'; initial: Values; patientName: string; save: Save }) {
  const { form, ready, router, formError, setFormError, saved, setSaved, showFieldErrors, startAttempt } = useActionForm<Values, ConsultNotesInput>(consultNotesSchema, initial);
  const {
    register,
    handleSubmit,
    getValues,
    formState: { errors, isSubmitting },
  } = form;

  // The server parses the raw text again with the same schema, so the form sends what was typed.
  const onSubmit = handleSubmit(async () => {
    startAttempt();
    try {
      const r = await save(bookingId, getValues());
      if (!r.ok) {
        showFieldErrors(r.fieldErrors, (k) => k === 'clinicalNotes' || k === 'patientSummary');
        setFormError(r.formError ?? (Object.keys(r.fieldErrors).length ? 'Check the fields marked below.' : 'The notes could not be saved.'));
        return;
      }
      if (mode === 'complete') {
        // The page becomes the completed consult's (a different form): it says what happened from the URL.
        router.replace(`${consultNotesPath(bookingId)}?completed=${r.data.summaryShared ? 'shared' : 'private'}`);
        return;
      }
      setSaved(`Correction saved as revision ${r.data.revision}.${r.data.summaryShared ? ` ${patientName} sees the current summary.` : ' Nothing is shared with the patient.'}`);
      router.refresh();
    } catch {
      setFormError('The notes could not be saved — check your connection and try again. Your text is still here.');
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={formError ? 'notes-form-error' : undefined}>
      <fieldset disabled={!ready} aria-busy={!ready} className="min-w-0 space-y-5">
        {formError && (
          <div id="notes-form-error">
            <Alert tone="danger" role="alert" title="Not saved">
              {formError}
            </Alert>
          </div>
        )}
        {saved && (
          <Alert tone="success" role="status" title="Saved">
            {saved}
          </Alert>
        )}
        <Field label="Clinical notes" required hint="Private to the rehab team: the patient never sees these." error={errors.clinicalNotes?.message}>
          {(p) => <Textarea {...p} rows={10} maxLength={CLINICAL_NOTES_MAX} {...register('clinicalNotes')} />}
        </Field>
        <Field
          label="Summary and plan for the patient (optional)"
          hint={`Shared with ${patientName}: they read it on their bookings page and get an email saying it is there. Leave empty to share nothing.`}
          error={errors.patientSummary?.message}
        >
          {(p) => <Textarea {...p} rows={6} maxLength={PATIENT_SUMMARY_MAX} {...register('patientSummary')} />}
        </Field>
        <Button type="submit" busy={isSubmitting} className="w-full sm:w-auto">
          {isSubmitting ? 'Saving…' : mode === 'complete' ? 'Save notes and complete consult' : 'Save correction'}
        </Button>
      </fieldset>
    </form>
  );
}
