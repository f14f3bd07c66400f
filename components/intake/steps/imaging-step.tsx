'use client';

import { useDeferredValue } from 'react';
import { useFormContext } from 'react-hook-form';
import { Textarea } from '@/components/ui/field';
import { MRI_REPORT_MAX } from '@/lib/validation/intake';
import { FormField } from '../form-field';
import { ageFrom, errorAt, type IntakeForm } from '../form-values';
import { MriHighlights } from '../mri-highlights';

export function ImagingStep() {
  const { register, watch, formState } = useFormContext<IntakeForm>();
  const report = watch('imaging.mriReport') ?? '';
  const deferred = useDeferredValue(report);
  const age = ageFrom(watch('patient.dateOfBirth'));
  const error = errorAt(formState.errors, 'imaging.mriReport');
  return (
    <div className="space-y-6">
      <FormField
        path="imaging.mriReport"
        label="Paste your MRI report"
        optional
        hint="Copy the text of the radiologist's report (findings and conclusion). As you paste or type, we highlight what it mentions and explain it in plain words. Skip this step if you have no scan."
        error={error}
      >
        {(p) => <Textarea {...p} rows={8} maxLength={MRI_REPORT_MAX} className="font-mono text-sm" {...register('imaging.mriReport')} />}
      </FormField>
      <p className="-mt-5 text-right text-sm text-muted" aria-hidden>
        {report.length.toLocaleString('en')} / {MRI_REPORT_MAX.toLocaleString('en')}
      </p>
      <MriHighlights report={deferred} age={age} />
      {deferred.trim() && (
        <p className="text-sm text-muted">
          This is an automatic reading to help you understand the words, not a diagnosis. A clinician reads your whole report.
        </p>
      )}
    </div>
  );
}
