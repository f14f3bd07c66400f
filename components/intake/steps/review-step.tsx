'use client';

import { useFormContext } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { INTAKE_STEP_LABELS, type IntakeStep } from '@/lib/validation/intake';
import { ErrorText, fieldId } from '../form-field';
import { errorAt, type IntakeForm } from '../form-values';
import { IntakeAnswers, type AnswersView } from '../intake-answers';

export function ReviewStep({ onEdit }: { onEdit: (step: IntakeStep) => void }) {
  const { register, watch, formState } = useFormContext<IntakeForm>();
  const err = (p: string) => errorAt(formState.errors, p);
  const values = watch() as AnswersView;
  return (
    <div className="space-y-8">
      <p className="text-muted">Check your answers. You can change anything before you send it.</p>
      <IntakeAnswers
        answers={values}
        edit={(step) => (
          <Button variant="secondary" size="sm" onClick={() => onEdit(step)}>
            Edit<span className="sr-only"> {INTAKE_STEP_LABELS[step]}</span>
          </Button>
        )}
      />
      <fieldset className="space-y-4 rounded-xl border border-line bg-white p-4">
        <legend className="px-1 text-lg font-semibold">Consent</legend>
        <div>
          <label htmlFor={fieldId('consent.privacy')} className="flex cursor-pointer items-start gap-3">
            <input
              id={fieldId('consent.privacy')}
              type="checkbox"
              className="mt-1 h-5 w-5 accent-brand-700"
              aria-invalid={Boolean(err('consent.privacy'))}
              aria-describedby={err('consent.privacy') ? `${fieldId('consent.privacy')}-error` : undefined}
              {...register('consent.privacy')}
            />
            <span>
              I agree that the rehab team stores my answers and uses them to assess my case. They can be read by the clinician
              my case is assigned to, clinicians who cover the part of the body it is about, any clinician of the team while it
              waits unassigned, and the on-call clinician if it is an emergency. Another clinician can open it only by recording
              a reason, which the team lead sees. Administrators who are not clinicians cannot read it. Every access is logged.
            </span>
          </label>
          <ErrorText path="consent.privacy" message={err('consent.privacy')} />
        </div>
        <div>
          <label htmlFor={fieldId('consent.notForEmergencies')} className="flex cursor-pointer items-start gap-3">
            <input
              id={fieldId('consent.notForEmergencies')}
              type="checkbox"
              className="mt-1 h-5 w-5 accent-brand-700"
              aria-invalid={Boolean(err('consent.notForEmergencies'))}
              aria-describedby={err('consent.notForEmergencies') ? `${fieldId('consent.notForEmergencies')}-error` : undefined}
              {...register('consent.notForEmergencies')}
            />
            <span>
              I understand this service is not for emergencies. If I get seriously unwell, I will call my emergency number
              or go to an emergency department.
            </span>
          </label>
          <ErrorText path="consent.notForEmergencies" message={err('consent.notForEmergencies')} />
        </div>
      </fieldset>
    </div>
  );
}
