'use client';

import { useDeferredValue } from 'react';
import { useFormContext } from 'react-hook-form';
import { Alert } from '@/components/ui/badge';
import { Field, Textarea } from '@/components/ui/field';
import { MRI_REPORT_MAX } from '@/lib/validation/intake';
import { ageFrom, errorAt, type IntakeForm } from '../form-values';
import { MriHighlights } from '../mri-highlights';

export function ImagingStep() {
  const { register, watch, formState } = useFormContext<IntakeForm>();
  const report = watch('imaging.mriReport') ?? '';
  const deferred = useDeferredValue(report);
  const age = ageFrom(watch('patient.dateOfBirth'));
  const error = errorAt(formState.errors, 'imaging.mriReport');
  const over = report.length - MRI_REPORT_MAX;
  return (
    <div className="space-y-6">
      <Field
        size="base"
        path="imaging.mriReport"
        label="Paste your MRI report"
        optional
        hint="Copy the text of the radiologist's report (findings and conclusion). As you paste or type, we highlight what it mentions and explain it in plain words. Skip this step if you have no scan."
        error={error}
      >
        {/* No maxLength: the browser would cut a long paste silently, and the conclusion is usually at the end. */}
        {(p) => <Textarea {...p} rows={8} className="font-mono text-sm" {...register('imaging.mriReport')} />}
      </Field>
      <p className={over > 0 ? '-mt-5 text-right text-sm font-semibold text-red-800' : '-mt-5 text-right text-sm text-muted'} aria-hidden>
        {report.length.toLocaleString('en')} / {MRI_REPORT_MAX.toLocaleString('en')}
      </p>
      <div aria-live="polite" data-testid="mri-length-status">
        {over > 0 && (
          <Alert tone="warning" title="Your report is longer than we can take">
            It has {report.length.toLocaleString('en')} characters; the limit is {MRI_REPORT_MAX.toLocaleString('en')}. We have kept all
            of it here and cut nothing. Please delete {over.toLocaleString('en')} characters before you go on — for example
            repeated headers, the technique section or earlier reports — and keep the findings and the conclusion, which is
            usually at the end.
          </Alert>
        )}
      </div>
      <MriHighlights report={deferred} age={age} />
      {deferred.trim() && (
        <p className="text-sm text-muted">
          This is an automatic reading to help you understand the words, not a diagnosis. A clinician reads your whole report.
        </p>
      )}
    </div>
  );
}
