'use client';

import { useDeferredValue } from 'react';
import { useFormContext } from 'react-hook-form';
import { Alert } from '@/components/ui/badge';
import { CheckboxField, Field, Textarea } from '@/components/ui/field';
import { MRI_REPORT_MAX } from '@/lib/validation/intake';
import { ageFrom, errorAt, type IntakeForm } from '../form-values';
import { MriHighlights } from '../mri-highlights';
import { useUpload } from '../upload/upload-context';
import { UploadOriginal } from '../upload/upload-original';
import { UploadPanel } from '../upload/upload-panel';
import { UPLOAD_CONFIRM_PATH, UPLOAD_PANEL_PATH } from '../upload/use-intake-upload';

export function ImagingStep() {
  const { register, watch, formState } = useFormContext<IntakeForm>();
  const upload = useUpload();
  const report = watch('imaging.mriReport') ?? '';
  const deferred = useDeferredValue(report);
  const age = ageFrom(watch('patient.dateOfBirth'));
  const error = errorAt(formState.errors, 'imaging.mriReport');
  const over = report.length - MRI_REPORT_MAX;
  const done = upload?.phase.kind === 'done' ? upload.phase : null;
  return (
    <div className="space-y-6">
      {upload && <UploadPanel upload={upload} error={errorAt(formState.errors, UPLOAD_PANEL_PATH)} />}
      {/* At 360 px the page picture sits above the text; from `sm` up, beside it, so the two are read side by side. */}
      <div className={done ? 'grid gap-4 sm:grid-cols-[minmax(0,13rem)_minmax(0,1fr)]' : undefined}>
        {done && <UploadOriginal fileId={done.fileId} fileName={done.fileName} />}
        <div className="min-w-0 space-y-1">
          <Field
            size="base"
            path="imaging.mriReport"
            label={done ? 'The text we read from your report — check and correct it' : upload ? 'Paste your MRI report as text instead' : 'Paste your MRI report'}
            optional={!done}
            hint={
              done
                ? 'Correct any word or number that differs from your report. We highlight what it mentions below as you type.'
                : "Copy the text of the radiologist's report (findings and conclusion). As you paste or type, we highlight what it mentions and explain it in plain words. Skip this step if you have no scan."
            }
            error={error}
          >
            {/* No maxLength: the browser would cut a long paste silently, and the conclusion is usually at the end. */}
            {(p) => <Textarea {...p} rows={done ? 14 : 8} className="font-mono text-sm" {...register('imaging.mriReport')} />}
          </Field>
          <p className={over > 0 ? 'text-right text-sm font-semibold text-red-800' : 'text-right text-sm text-muted'} aria-hidden>
            {report.length.toLocaleString('en')} / {MRI_REPORT_MAX.toLocaleString('en')}
          </p>
        </div>
      </div>
      {done && upload && (
        <div className="rounded-xl border border-brand-600 bg-brand-50 p-4" data-testid="mri-confirm">
          <CheckboxField
            path={UPLOAD_CONFIRM_PATH}
            error={errorAt(formState.errors, UPLOAD_CONFIRM_PATH)}
            input={{ checked: upload.confirmed, onChange: (e) => upload.setConfirmed(e.target.checked) }}
          >
            <span className="font-medium">I have checked this text against my report</span>
            <span className="block text-sm text-muted">The clinician reads this text, with your original file beside it.</span>
          </CheckboxField>
        </div>
      )}
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
