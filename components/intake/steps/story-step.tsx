'use client';

import { Controller, useFormContext } from 'react-hook-form';
import { Field, FieldGroup, Input, Textarea } from '@/components/ui/field';
import { MOVEMENT_LABELS, MOVEMENTS } from '@/lib/triage';
import { SUMMARY_MAX } from '@/lib/validation/intake';
import { CheckboxChips, PainScale, RadioChoices } from '../choice-controls';
import { errorAt, type IntakeForm } from '../form-values';

const ONSET = [
  { value: 'sudden', label: 'Suddenly', hint: 'I remember the moment, for example during a set' },
  { value: 'gradual', label: 'Gradually', hint: 'It built up over days or weeks' },
  { value: 'unknown', label: 'I am not sure' },
] as const;

const MOVEMENT_CHOICES = MOVEMENTS.map((m) => ({ value: m, label: MOVEMENT_LABELS[m] }));

export function StoryStep() {
  const { register, control, watch, formState } = useFormContext<IntakeForm>();
  const err = (p: string) => errorAt(formState.errors, p);
  const summary = watch('complaint.summary') ?? '';
  return (
    <div className="space-y-7">
      <div className="grid gap-6 sm:grid-cols-2">
        <Field size="base" path="complaint.onsetDate" label="When did it start?" optional hint="Your best guess is fine." error={err('complaint.onsetDate')}>
          {(p) => <Input {...p} type="date" {...register('complaint.onsetDate')} />}
        </Field>
      </div>
      <Controller
        control={control}
        name="complaint.onsetType"
        render={({ field }) => (
          <FieldGroup size="base" path="complaint.onsetType" legend="How did it start?" error={err('complaint.onsetType')}>
            <RadioChoices path="complaint.onsetType" name={field.name} choices={ONSET} value={field.value} onChange={field.onChange} onBlur={field.onBlur} inputRef={field.ref} invalid={Boolean(err('complaint.onsetType'))} />
          </FieldGroup>
        )}
      />
      <Field size="base" path="complaint.mechanism" label="What were you doing when it started?" optional hint='For example "after a set of deadlifts".' error={err('complaint.mechanism')}>
        {(p) => <Input {...p} {...register('complaint.mechanism')} />}
      </Field>
      <Controller
        control={control}
        name="complaint.painNow"
        render={({ field }) => (
          <FieldGroup size="base" path="complaint.painNow" legend="How bad is the pain right now?" hint="0 means no pain, 10 the worst pain you can imagine." error={err('complaint.painNow')}>
            <PainScale path="complaint.painNow" name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} inputRef={field.ref} invalid={Boolean(err('complaint.painNow'))} />
          </FieldGroup>
        )}
      />
      <Controller
        control={control}
        name="complaint.painWorst"
        render={({ field }) => (
          <FieldGroup size="base" path="complaint.painWorst" legend="How bad is it at its worst?" hint="0 means no pain, 10 the worst pain you can imagine." error={err('complaint.painWorst')}>
            <PainScale path="complaint.painWorst" name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} inputRef={field.ref} invalid={Boolean(err('complaint.painWorst'))} />
          </FieldGroup>
        )}
      />
      <Controller
        control={control}
        name="complaint.aggravating"
        render={({ field }) => (
          <FieldGroup size="base" path="complaint.aggravating" legend="What makes it worse?" hint="Choose all that apply." error={err('complaint.aggravating')}>
            <CheckboxChips path="complaint.aggravating" name={field.name} choices={MOVEMENT_CHOICES} value={field.value} onChange={field.onChange} onBlur={field.onBlur} inputRef={field.ref} />
          </FieldGroup>
        )}
      />
      <Field size="base" path="complaint.easing" label="What makes it better?" optional hint="Positions, exercises, rest, heat, medicine…" error={err('complaint.easing')}>
        {(p) => <Textarea {...p} rows={3} {...register('complaint.easing')} />}
      </Field>
      <Controller
        control={control}
        name="complaint.morningStiffness"
        render={({ field }) => (
          <FieldGroup size="base" path="complaint.morningStiffness" legend="Is it stiff in the morning?" optional error={err('complaint.morningStiffness')}>
            <RadioChoices
              path="complaint.morningStiffness"
              name={field.name}
              layout="inline"
              choices={[
                { value: true, label: 'Yes' },
                { value: false, label: 'No' },
              ]}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
            />
          </FieldGroup>
        )}
      />
      <Field size="base"
        path="complaint.summary"
        label="In your own words: what is going on?"
        hint="Tell it like you would to a friend: what happened, what you have tried, what worries you, what you want to get back to."
        error={err('complaint.summary')}
      >
        {(p) => <Textarea {...p} rows={7} maxLength={SUMMARY_MAX} {...register('complaint.summary')} />}
      </Field>
      <p className="-mt-5 text-right text-sm text-muted" aria-hidden>
        {summary.length.toLocaleString('en')} / {SUMMARY_MAX.toLocaleString('en')}
      </p>
    </div>
  );
}
