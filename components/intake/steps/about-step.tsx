'use client';

import { Controller, useFormContext } from 'react-hook-form';
import { Input, Select } from '@/components/ui/field';
import { RadioChoices } from '../choice-controls';
import { FieldGroup, FormField } from '../form-field';
import { ageFrom, errorAt, type IntakeForm } from '../form-values';

const SEX_CHOICES = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'other', label: 'Other' },
  { value: 'unspecified', label: 'Prefer not to say' },
] as const;

export function AboutStep({ timezones }: { timezones: readonly string[] }) {
  const { register, control, watch, formState } = useFormContext<IntakeForm>();
  const err = (p: string) => errorAt(formState.errors, p);
  const dob = watch('patient.dateOfBirth');
  const tz = watch('patient.timezone');
  const age = ageFrom(dob);
  const zones = tz && !timezones.includes(tz) ? [tz, ...timezones] : timezones;
  return (
    <div className="space-y-6">
      <FormField path="patient.name" label="Your name" error={err('patient.name')}>
        {(p) => <Input {...p} autoComplete="name" {...register('patient.name')} />}
      </FormField>
      <FormField
        path="patient.dateOfBirth"
        label="Date of birth"
        hint="Your age helps us explain scan findings: many are common at every age, even without pain."
        error={err('patient.dateOfBirth')}
      >
        {(p) => <Input {...p} type="date" autoComplete="bday" className="sm:max-w-xs" {...register('patient.dateOfBirth')} />}
      </FormField>
      {age !== null && <p className="-mt-4 text-sm text-muted">You are {age} years old.</p>}
      <Controller
        control={control}
        name="patient.sex"
        render={({ field }) => (
          <FieldGroup path="patient.sex" legend="Sex" optional error={err('patient.sex')}>
            <RadioChoices path="patient.sex" name={field.name} layout="inline" choices={SEX_CHOICES} value={field.value} onChange={field.onChange} onBlur={field.onBlur} inputRef={field.ref} />
          </FieldGroup>
        )}
      />
      <FormField path="patient.timezone" label="Your time zone" hint="So we show times in your local time." error={err('patient.timezone')}>
        {(p) => (
          <Select {...p} className="sm:max-w-md" {...register('patient.timezone')}>
            <option value="">Choose your time zone</option>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, ' ')}
              </option>
            ))}
          </Select>
        )}
      </FormField>
    </div>
  );
}
