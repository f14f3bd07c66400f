'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import { CURRENCIES } from '@/lib/validation/booking';
import { saveConsultType, type ConsultTypeFormState } from './actions';

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
  durationMinutes: 45,
  priceCents: 9500,
  currency: 'gbp',
  bufferAfterMinutes: 15,
  minNoticeMinutes: 120,
  horizonDays: 60,
  fullRefundWindowHours: 24,
  active: true,
};

export function ConsultTypeForm({ id, values }: { id: string | null; values: ConsultTypeValues }) {
  const [state, action, pending] = useActionState<ConsultTypeFormState, FormData>(saveConsultType.bind(null, id), null);
  const e = (k: string) => (state && !state.ok ? state.fieldErrors[k]?.[0] : undefined);
  return (
    <form action={action} className="space-y-3">
      <Field label="Name" required error={e('name')}>{(p) => <Input {...p} name="name" defaultValue={values.name} required />}</Field>
      <Field label="Description" error={e('description')}>{(p) => <Textarea {...p} name="description" defaultValue={values.description} rows={2} />}</Field>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Length (minutes)" error={e('durationMinutes')}>{(p) => <Input {...p} name="durationMinutes" type="number" min={5} max={480} defaultValue={values.durationMinutes} />}</Field>
        <Field label="Price" error={e('price')}>{(p) => <Input {...p} name="price" inputMode="decimal" defaultValue={(values.priceCents / 100).toFixed(2)} />}</Field>
        <Field label="Currency" error={e('currency')}>
          {(p) => (
            <Select {...p} name="currency" defaultValue={values.currency}>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c.toUpperCase()}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Buffer after (minutes)" error={e('bufferAfterMinutes')}>{(p) => <Input {...p} name="bufferAfterMinutes" type="number" min={0} max={240} defaultValue={values.bufferAfterMinutes} />}</Field>
        <Field label="Minimum notice (hours)" error={e('minNoticeHours')}>{(p) => <Input {...p} name="minNoticeHours" type="number" min={0} step="0.25" defaultValue={values.minNoticeMinutes / 60} />}</Field>
        <Field label="Bookable ahead (days)" error={e('horizonDays')}>{(p) => <Input {...p} name="horizonDays" type="number" min={1} max={365} defaultValue={values.horizonDays} />}</Field>
        <Field label="Full refund until (hours before)" error={e('fullRefundWindowHours')}>{(p) => <Input {...p} name="fullRefundWindowHours" type="number" min={0} defaultValue={values.fullRefundWindowHours} />}</Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="active" defaultChecked={values.active} className="h-4 w-4 accent-brand-700" />
        Patients can book it
      </label>
      {state?.ok && <Alert tone="success" role="status">{state.message}</Alert>}
      {state && !state.ok && <Alert tone="danger" role="alert">{state.formError ?? 'Please fix the highlighted fields.'}</Alert>}
      <Button type="submit" busy={pending}>
        {id ? 'Save changes' : 'Create consult type'}
      </Button>
    </form>
  );
}
