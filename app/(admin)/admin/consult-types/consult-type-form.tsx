'use client';
import { Alert } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox, Field, Input, Select, Textarea } from '@/components/ui/field';
import { useActionForm } from '@/components/ui/use-action-form';
import { CONSULT_TYPE_DEFAULTS, consultTypeSchema, CURRENCIES, type ConsultTypeFormInput, type ConsultTypeFormOutput } from '@/lib/validation/booking';
import { saveConsultType } from './actions';

export interface ConsultTypeValues {
  name: string;
  description: string;
  durationMinutes: number;
  priceCents: number;
  currency: string;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  fullRefundWindowHours: number;
  active: boolean;
}

export const NEW_CONSULT_TYPE: ConsultTypeValues = {
  name: '',
  description: '',
  ...CONSULT_TYPE_DEFAULTS,
  active: true,
};

function formValues(v: ConsultTypeValues): ConsultTypeFormInput {
  return {
    name: v.name,
    description: v.description,
    durationMinutes: String(v.durationMinutes),
    price: (v.priceCents / 100).toFixed(2),
    currency: v.currency as ConsultTypeFormInput['currency'],
    bufferAfterMinutes: String(v.bufferAfterMinutes),
    minNoticeHours: String(v.minNoticeMinutes / 60),
    horizonDays: String(v.horizonDays),
    fullRefundWindowHours: String(v.fullRefundWindowHours),
    active: v.active,
  };
}

/** Validated like every other form: react-hook-form + the shared zod schema, field errors under each field. */
export function ConsultTypeForm({ id, values }: { id: string | null; values: ConsultTypeValues }) {
  const { form, ready, router, formError, setFormError, saved, setSaved, showFieldErrors, startAttempt } = useActionForm<ConsultTypeFormInput, ConsultTypeFormOutput>(consultTypeSchema, formValues(values));
  const {
    register,
    handleSubmit,
    getValues,
    reset,
    formState: { errors, isSubmitting },
  } = form;

  // The server parses what was typed with the same schema.
  const onSubmit = handleSubmit(async () => {
    startAttempt();
    try {
      const r = await saveConsultType(id, getValues());
      if (!r.ok) {
        showFieldErrors(r.fieldErrors, (k) => k in getValues());
        setFormError(r.formError ?? 'Please fix the fields marked below.');
        return;
      }
      setSaved(r.data.message);
      if (!id) reset(formValues(NEW_CONSULT_TYPE));
      router.refresh();
    } catch {
      setFormError('The consult type could not be saved — check your connection and try again.');
    }
  });

  const e = (k: keyof ConsultTypeFormInput) => errors[k]?.message;
  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset disabled={!ready} aria-busy={!ready} className="min-w-0 space-y-3">
        <Field label="Name" required error={e('name')}>{(p) => <Input {...p} {...register('name')} />}</Field>
        <Field label="Description" error={e('description')}>{(p) => <Textarea {...p} rows={2} {...register('description')} />}</Field>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="Length (minutes)" error={e('durationMinutes')}>{(p) => <Input {...p} inputMode="numeric" {...register('durationMinutes')} />}</Field>
          <Field label="Price" error={e('price')}>{(p) => <Input {...p} inputMode="decimal" {...register('price')} />}</Field>
          <Field label="Currency" error={e('currency')}>
            {(p) => (
              <Select {...p} {...register('currency')}>
                {CURRENCIES.map((c) => (
                  <option key={c} value={c}>
                    {c.toUpperCase()}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Buffer after (minutes)" error={e('bufferAfterMinutes')}>{(p) => <Input {...p} inputMode="numeric" {...register('bufferAfterMinutes')} />}</Field>
          <Field label="Minimum notice (hours)" error={e('minNoticeHours')}>{(p) => <Input {...p} inputMode="decimal" {...register('minNoticeHours')} />}</Field>
          <Field label="Bookable ahead (days)" error={e('horizonDays')}>{(p) => <Input {...p} inputMode="numeric" {...register('horizonDays')} />}</Field>
          <Field label="Full refund until (hours before)" error={e('fullRefundWindowHours')}>{(p) => <Input {...p} inputMode="numeric" {...register('fullRefundWindowHours')} />}</Field>
        </div>
        <Checkbox {...register('active')}>Patients can book it</Checkbox>
        {saved && (
          <Alert tone="success" role="status">
            {saved}
          </Alert>
        )}
        {formError && (
          <Alert tone="danger" role="alert">
            {formError}
          </Alert>
        )}
        <Button type="submit" busy={isSubmitting}>
          {id ? 'Save changes' : 'Create consult type'}
        </Button>
      </fieldset>
    </form>
  );
}
