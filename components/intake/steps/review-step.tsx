'use client';

import { useFormContext } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { INTAKE_STEP_LABELS } from '@/lib/cases/intake-steps';
import { CheckboxField } from '@/components/ui/field';
import { errorAt, type IntakeForm } from '../form-values';
import { IntakeAnswers, type AnswersView } from '../intake-answers';
import type { IntakeStep } from '@/lib/domain/intake-step';

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
        <CheckboxField path="consent.privacy" error={err('consent.privacy')} input={register('consent.privacy')}>
          I agree that the rehab team stores my answers and uses them to assess my case. They can be read by the clinician
          my case is assigned to, clinicians who cover the part of the body it is about, any clinician of the team while it
          waits unassigned, and the on-call clinician if it is an emergency. Another clinician can open it only by recording
          a reason, which the team lead sees. Administrators who are not clinicians cannot read it. Every access is logged.
        </CheckboxField>
        <CheckboxField path="consent.notForEmergencies" error={err('consent.notForEmergencies')} input={register('consent.notForEmergencies')}>
          I understand this service is not for emergencies. If I get seriously unwell, I will call my emergency number
          or go to an emergency department.
        </CheckboxField>
      </fieldset>
    </div>
  );
}
