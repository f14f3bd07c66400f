'use client';

import { useFormContext } from 'react-hook-form';
import { Field, Input, Textarea } from '@/components/ui/field';
import { MOVEMENT_LABELS, MOVEMENTS } from '@/lib/triage';
import { SUMMARY_MAX } from '@/lib/validation/intake';
import { CheckboxChips, PainScale, RadioChoices, YES_NO } from '../choice-controls';
import { ControlledGroup } from '../controlled-group';
import { errorAt, type IntakeForm } from '../form-values';

const ONSET = [
  { value: 'sudden', label: 'Suddenly', hint: 'I remember the moment, for example during a set' },
  { value: 'gradual', label: 'Gradually', hint: 'It built up over days or weeks' },
  { value: 'unknown', label: 'I am not sure' },
] as const;

const PAIN_HINT = '0 means no pain, 10 the worst pain you can imagine.';
const MOVEMENT_CHOICES = MOVEMENTS.map((m) => ({ value: m, label: MOVEMENT_LABELS[m] }));

export function StoryStep() {
  const { register, watch, formState } = useFormContext<IntakeForm>();
  const err = (p: string) => errorAt(formState.errors, p);
  const summary = watch('complaint.summary') ?? '';
  return (
    <div className="space-y-7">
      <div className="grid gap-6 sm:grid-cols-2">
        <Field size="base" path="complaint.onsetDate" label="When did it start?" optional hint="Your best guess is fine." error={err('complaint.onsetDate')}>
          {(p) => <Input {...p} type="date" {...register('complaint.onsetDate')} />}
        </Field>
      </div>
      <ControlledGroup path="complaint.onsetType" legend="How did it start?">
        {(field, error) => <RadioChoices path="complaint.onsetType" field={field} choices={ONSET} invalid={Boolean(error)} />}
      </ControlledGroup>
      <Field size="base" path="complaint.mechanism" label="What were you doing when it started?" optional hint='For example "after a set of deadlifts".' error={err('complaint.mechanism')}>
        {(p) => <Input {...p} {...register('complaint.mechanism')} />}
      </Field>
      <ControlledGroup path="complaint.painNow" legend="How bad is the pain right now?" hint={PAIN_HINT}>
        {(field, error) => <PainScale path="complaint.painNow" field={field} invalid={Boolean(error)} />}
      </ControlledGroup>
      <ControlledGroup path="complaint.painWorst" legend="How bad is it at its worst?" hint={PAIN_HINT}>
        {(field, error) => <PainScale path="complaint.painWorst" field={field} invalid={Boolean(error)} />}
      </ControlledGroup>
      <ControlledGroup path="complaint.aggravating" legend="What makes it worse?" hint="Choose all that apply.">
        {(field) => <CheckboxChips path="complaint.aggravating" field={field} choices={MOVEMENT_CHOICES} />}
      </ControlledGroup>
      <Field size="base" path="complaint.easing" label="What makes it better?" optional hint="Positions, exercises, rest, heat, medicine…" error={err('complaint.easing')}>
        {(p) => <Textarea {...p} rows={3} {...register('complaint.easing')} />}
      </Field>
      <ControlledGroup path="complaint.morningStiffness" legend="Is it stiff in the morning?" optional>
        {(field) => <RadioChoices path="complaint.morningStiffness" field={field} layout="inline" choices={YES_NO} />}
      </ControlledGroup>
      <Field
        size="base"
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
