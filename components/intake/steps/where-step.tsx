'use client';

import { Controller, useFormContext } from 'react-hook-form';
import type { BodyRegion } from '@/lib/triage';
import { ErrorText, fieldId } from '@/components/ui/field';
import { BodyMap } from '../body-map';
import { errorAt, type IntakeForm } from '../form-values';

export function WhereStep() {
  const { control, formState } = useFormContext<IntakeForm>();
  const error = errorAt(formState.errors, 'complaint.regions');
  return (
    <Controller
      control={control}
      name="complaint.regions"
      render={({ field }) => (
        <div className="space-y-2">
          <ErrorText id={fieldId('complaint.regions')} message={error} />
          <BodyMap value={field.value as BodyRegion[]} onChange={field.onChange} onBlur={field.onBlur} inputRef={field.ref} error={error} />
        </div>
      )}
    />
  );
}
