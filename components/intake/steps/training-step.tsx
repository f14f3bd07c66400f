'use client';

import { useState } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field, FieldGroup, Input, Textarea } from '@/components/ui/field';
import { weeksUntil } from '@/lib/format/dates';
import { CheckboxChips } from '../choice-controls';
import { errorAt, type IntakeForm } from '../form-values';

const COMMON_LIFTS = ['Squat', 'Bench press', 'Deadlift', 'Overhead press', 'Rows', 'Pull-ups or lat pulldown', 'Face pulls'];

const toNumber = (v: unknown) => (v === '' || v === null || v === undefined ? undefined : Number(v));

export function TrainingStep() {
  const { register, control, watch, formState } = useFormContext<IntakeForm>();
  const err = (p: string) => errorAt(formState.errors, p);
  // Counted from today in the patient's own calendar, as they read the date they typed.
  const weeks = weeksUntil(watch('training.nextCompetitionDate') ?? '', new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [custom, setCustom] = useState('');
  return (
    <div className="space-y-7">
      <div className="grid gap-6 sm:grid-cols-3">
        <Field size="base" path="training.sport" label="Your sport" optional hint="For example powerlifting." error={err('training.sport')}>
          {(p) => <Input {...p} {...register('training.sport')} />}
        </Field>
        <Field size="base" path="training.yearsTraining" label="Years of training" optional error={err('training.yearsTraining')}>
          {(p) => <Input {...p} type="number" inputMode="decimal" min={0} max={80} step="any" {...register('training.yearsTraining', { setValueAs: toNumber })} />}
        </Field>
        <Field size="base" path="training.typicalRpe" label="Typical effort (RPE)" optional hint="1–10; 10 = nothing left in the tank." error={err('training.typicalRpe')}>
          {(p) => <Input {...p} type="number" inputMode="decimal" min={1} max={10} step={0.5} {...register('training.typicalRpe', { setValueAs: toNumber })} />}
        </Field>
      </div>
      <Controller
        control={control}
        name="training.affectedLifts"
        render={({ field }) => {
          const value = field.value ?? [];
          const choices = [...COMMON_LIFTS, ...value.filter((v) => !COMMON_LIFTS.includes(v))].map((l) => ({ value: l, label: l }));
          const add = () => {
            const lift = custom.trim();
            if (lift && !value.includes(lift)) field.onChange([...value, lift]);
            setCustom('');
          };
          return (
            <FieldGroup size="base" path="training.affectedLifts" legend="Which lifts are affected?" optional hint="Choose all that apply, or add your own." error={err('training.affectedLifts')}>
              <CheckboxChips path="training.affectedLifts" field={{ ...field, value }} choices={choices} />
              <div className="flex max-w-md gap-2">
                <label htmlFor="add-lift" className="sr-only">
                  Another lift
                </label>
                <Input
                  id="add-lift"
                  placeholder="Another lift, e.g. Low-bar squat"
                  value={custom}
                  maxLength={100}
                  onChange={(e) => setCustom(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      add();
                    }
                  }}
                />
                <Button variant="secondary" onClick={add}>
                  Add
                </Button>
              </div>
            </FieldGroup>
          );
        }}
      />
      <Field size="base" path="training.nextCompetitionDate" label="Next competition" optional error={err('training.nextCompetitionDate')}>
        {(p) => <Input {...p} type="date" className="sm:max-w-xs" {...register('training.nextCompetitionDate')} />}
      </Field>
      {weeks !== null && (
        <p className="-mt-5 text-sm font-medium text-brand-800" aria-live="polite" data-testid="competition-weeks">
          {weeks > 1 ? `${weeks} weeks from now` : weeks === 1 ? '1 week from now' : weeks === 0 ? 'Less than a week from now' : 'That date has passed'}
        </p>
      )}
      <Field size="base" path="training.goals" label="What do you want to get back to?" optional hint="Your goals: a meet, a lift, training without pain…" error={err('training.goals')}>
        {(p) => <Textarea {...p} rows={3} {...register('training.goals')} />}
      </Field>
    </div>
  );
}
