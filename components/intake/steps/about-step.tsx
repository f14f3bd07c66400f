'use client';

import { useFormContext } from 'react-hook-form';
import { CheckboxField, Field, Input, Select } from '@/components/ui/field';
import { RadioChoices } from '../choice-controls';
import { ControlledGroup } from '../controlled-group';
import { ageFrom, errorAt, type IntakeForm } from '../form-values';

const SEX_CHOICES = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'other', label: 'Other' },
  { value: 'unspecified', label: 'Prefer not to say' },
] as const;

const YES_NO = [
  { value: true, label: 'Yes, you may phone me' },
  { value: false, label: 'No, email me instead' },
] as const;

export function AboutStep({ timezones, guardianUnderAge }: { timezones: readonly string[]; guardianUnderAge: number }) {
  const { register, watch, formState } = useFormContext<IntakeForm>();
  const err = (p: string) => errorAt(formState.errors, p);
  const dob = watch('patient.dateOfBirth');
  const tz = watch('patient.timezone');
  const age = ageFrom(dob);
  const zones = tz && !timezones.includes(tz) ? [tz, ...timezones] : timezones;
  return (
    <div className="space-y-6">
      <Field size="base" path="patient.name" label="Your name" error={err('patient.name')}>
        {(p) => <Input {...p} autoComplete="name" {...register('patient.name')} />}
      </Field>
      <Field
        size="base"
        path="patient.dateOfBirth"
        label="Date of birth"
        hint="Your age helps us explain scan findings: many are common at every age, even without pain."
        error={err('patient.dateOfBirth')}
      >
        {(p) => <Input {...p} type="date" autoComplete="bday" className="sm:max-w-xs" {...register('patient.dateOfBirth')} />}
      </Field>
      {age !== null && <p className="-mt-4 text-sm text-muted">You are {age} years old.</p>}
      {age !== null && age < guardianUnderAge && (
        <fieldset className="space-y-4 rounded-xl border border-line bg-white p-4" data-testid="guardian">
          <legend className="px-1 text-lg font-semibold">Your parent or guardian</legend>
          <p className="text-sm text-muted">
            You are under {guardianUnderAge}, so a parent or guardian must agree before you send this. Fill this in with them.
          </p>
          <Field size="base" path="guardian.name" label="Their name" error={err('guardian.name')}>
            {(p) => <Input {...p} autoComplete="off" {...register('guardian.name')} />}
          </Field>
          <Field size="base" path="guardian.relationship" label="How they are related to you" hint="For example mother, father or legal guardian." error={err('guardian.relationship')}>
            {(p) => <Input {...p} className="sm:max-w-xs" {...register('guardian.relationship')} />}
          </Field>
          <CheckboxField path="guardian.consent" error={err('guardian.consent')} input={register('guardian.consent')}>
            I am their parent or guardian, and I agree that they send these answers to the rehab team.
          </CheckboxField>
        </fieldset>
      )}
      <Field
        size="base"
        path="patient.phone"
        label="Phone number, with country code"
        hint="So we can reach you quickly if your answers need it. For example +44 7700 900123 or +90 532 123 45 67."
        error={err('patient.phone')}
      >
        {(p) => <Input {...p} type="tel" inputMode="tel" autoComplete="tel" className="sm:max-w-xs" {...register('patient.phone')} />}
      </Field>
      <ControlledGroup path="patient.mayCall" legend="May we phone you about your case?">
        {(field, error) => <RadioChoices path="patient.mayCall" field={field} layout="inline" choices={YES_NO} invalid={Boolean(error)} />}
      </ControlledGroup>
      <ControlledGroup path="patient.sex" legend="Sex" optional>
        {(field) => <RadioChoices path="patient.sex" field={field} layout="inline" choices={SEX_CHOICES} />}
      </ControlledGroup>
      <Field size="base" path="patient.timezone" label="Your time zone" hint="So we show times in your local time." error={err('patient.timezone')}>
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
      </Field>
    </div>
  );
}
