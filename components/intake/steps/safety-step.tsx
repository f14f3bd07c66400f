'use client';

import { Controller, useFormContext } from 'react-hook-form';
import { RED_FLAG_QUESTIONS } from '@/lib/triage';
import { FieldGroup } from '@/components/ui/field';
import { RadioChoices } from '../choice-controls';
import { errorAt, type IntakeForm } from '../form-values';

const YES_NO = [
  { value: true, label: 'Yes' },
  { value: false, label: 'No' },
] as const;

export function SafetyStep() {
  const { control, formState } = useFormContext<IntakeForm>();
  return (
    <div className="space-y-6">
      <p className="text-muted">
        These questions check for rare but serious problems. Please answer every one with yes or no. If you are not sure,
        answer yes — a clinician will ask you more.
      </p>
      <ol className="space-y-4">
        {RED_FLAG_QUESTIONS.map((q, i) => {
          const path = `redFlags.${q.code}` as const;
          const error = errorAt(formState.errors, path);
          return (
            <li key={q.code} className="rounded-xl border border-line bg-white p-4">
              <Controller
                control={control}
                name={path}
                render={({ field }) => (
                  <FieldGroup size="base" path={path} legend={`${i + 1}. ${q.question}`} hint={q.help} error={error}>
                    <RadioChoices path={path} name={field.name} layout="inline" choices={YES_NO} value={field.value} onChange={field.onChange} onBlur={field.onBlur} inputRef={field.ref} invalid={Boolean(error)} />
                    {field.value === true && q.urgency === 'emergency' && (
                      <p className="rounded-lg bg-red-50 px-3 py-2 text-sm font-semibold text-red-900">
                        This needs emergency care now. <a href="#emergency-panel" className="underline">See what to do at the top of the page.</a>
                      </p>
                    )}
                  </FieldGroup>
                )}
              />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
