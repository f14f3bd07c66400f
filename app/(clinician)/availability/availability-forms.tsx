'use client';
import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { minutesToClock, WEEKDAY_NAMES } from '@/lib/booking/format';
import { saveDateOverride, saveTimeOff, saveWeeklyHours, type FormState } from './actions';

type Rule = { weekday: number; startMinute: number; endMinute: number };
const ORDER = [1, 2, 3, 4, 5, 6, 0];

function Result({ state }: { state: FormState }) {
  if (!state) return null;
  if (state.ok) return <Alert tone="success" role="status">{state.data.message}</Alert>;
  return (
    <Alert tone="danger" role="alert">
      {state.formError ?? 'Please fix the highlighted fields.'}
    </Alert>
  );
}
const err = (state: FormState, k: string) => (state && !state.ok ? state.fieldErrors[k]?.[0] : undefined);

export function WeeklyHoursForm({ rules, timezone }: { rules: Rule[]; timezone: string }) {
  const [state, action, pending] = useActionState(saveWeeklyHours, null);
  const byDay = (wd: number) => rules.filter((r) => r.weekday === wd).sort((a, b) => a.startMinute - b.startMinute);
  return (
    <form action={action} className="space-y-4">
      <Field label="Your time zone" hint="Hours below are in this zone; patients see them converted to theirs." error={err(state, 'timezone')}>
        {(p) => <Input {...p} name="timezone" defaultValue={timezone} autoComplete="off" />}
      </Field>
      <div className="space-y-3">
        {ORDER.map((wd) => {
          const [a, b] = byDay(wd);
          return <DayRow key={wd} wd={wd} first={a} second={b} state={state} />;
        })}
      </div>
      <Result state={state} />
      <Button type="submit" busy={pending}>
        Save working hours
      </Button>
    </form>
  );
}

function DayRow({ wd, first, second, state }: { wd: number; first?: Rule; second?: Rule; state: FormState }) {
  const [on, setOn] = useState(Boolean(first));
  const name = WEEKDAY_NAMES[wd]!;
  return (
    <fieldset className="rounded-lg border border-line p-3">
      <legend className="px-1 text-sm font-semibold">{name}</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name={`d${wd}_on`} checked={on} onChange={(e) => setOn(e.target.checked)} className="h-4 w-4 accent-brand-700" />
        Working
      </label>
      {on && (
        <div className="mt-2 grid grid-cols-1 gap-2 min-[420px]:grid-cols-2 lg:grid-cols-4">
          <Field label="From">{(p) => <Input {...p} type="time" name={`d${wd}_s1`} defaultValue={first ? minutesToClock(first.startMinute) : '09:00'} />}</Field>
          <Field label="Until" error={err(state, `d${wd}_e1`)}>{(p) => <Input {...p} type="time" name={`d${wd}_e1`} defaultValue={first ? minutesToClock(first.endMinute % 1440) : '17:00'} />}</Field>
          <Field label="Then from (optional)">{(p) => <Input {...p} type="time" name={`d${wd}_s2`} defaultValue={second ? minutesToClock(second.startMinute) : ''} />}</Field>
          <Field label="Until" error={err(state, `d${wd}_e2`)}>{(p) => <Input {...p} type="time" name={`d${wd}_e2`} defaultValue={second ? minutesToClock(second.endMinute % 1440) : ''} />}</Field>
        </div>
      )}
    </fieldset>
  );
}

export function DateOverrideForm() {
  const [state, action, pending] = useActionState(saveDateOverride, null);
  const [closed, setClosed] = useState(true);
  return (
    <form action={action} className="space-y-3">
      <Field label="Date" error={err(state, 'date')}>{(p) => <Input {...p} type="date" name="date" required />}</Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="closed" checked={closed} onChange={(e) => setClosed(e.target.checked)} className="h-4 w-4 accent-brand-700" />
        Not working that day
      </label>
      {!closed && (
        <div className="grid grid-cols-1 gap-2 min-[420px]:grid-cols-2">
          <Field label="From">{(p) => <Input {...p} type="time" name="start" defaultValue="09:00" />}</Field>
          <Field label="Until" error={err(state, 'endMinute')}>{(p) => <Input {...p} type="time" name="end" defaultValue="13:00" />}</Field>
        </div>
      )}
      <Result state={state} />
      <Button type="submit" variant="secondary" busy={pending}>
        Save this date
      </Button>
    </form>
  );
}

export function TimeOffForm() {
  const [state, action, pending] = useActionState(saveTimeOff, null);
  return (
    <form action={action} className="space-y-3">
      <div className="grid gap-2 sm:grid-cols-2">
        <Field label="From" error={err(state, 'startsAt')}>{(p) => <Input {...p} type="datetime-local" name="startsAt" required />}</Field>
        <Field label="Until" error={err(state, 'endsAt')}>{(p) => <Input {...p} type="datetime-local" name="endsAt" required />}</Field>
      </div>
      <Field label="Reason (only you see it)">{(p) => <Input {...p} name="reason" maxLength={200} />}</Field>
      <Result state={state} />
      <Button type="submit" variant="secondary" busy={pending}>
        Add time off
      </Button>
    </form>
  );
}
