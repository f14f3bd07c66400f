'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import type { ActionResult } from '@/lib/action-result';
import { SaveStatus } from './save-status';
import { useAdminSave } from './use-admin-save';

type U = 'emergency' | 'urgent' | 'routine';
const LABELS: Record<U, string> = { emergency: 'Emergency', urgent: 'Urgent', routine: 'Routine' };

/** "90" → "1.5 hour(s)": the minutes typed, read back in the unit a person thinks in. */
function readableMinutes(value: string): string {
  const m = Number(value);
  if (!Number.isFinite(m) || m <= 0) return '';
  if (m >= 1440) return `${(m / 1440).toFixed(m % 1440 ? 1 : 0)} day(s)`;
  return m >= 60 ? `${(m / 60).toFixed(m % 60 ? 1 : 0)} hour(s)` : `${m} minutes`;
}

export function SlaForm({ initial, save }: { initial: Record<U, number>; save: (input: unknown) => Promise<ActionResult<{ recomputed: number }>> }) {
  const [values, setValues] = useState<Record<U, string>>({ emergency: String(initial.emergency), urgent: String(initial.urgent), routine: String(initial.routine) });
  const form = useAdminSave();
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void form.save(() => save(values), (d) => `Saved. ${d.recomputed} open case${d.recomputed === 1 ? '' : 's'} got a new due time.`);
      }}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        {(Object.keys(LABELS) as U[]).map((u) => (
          <Field key={u} label={`${LABELS[u]} (minutes)`} hint={readableMinutes(values[u])} error={form.errorOf(u)}>
            {(p) => <Input {...p} type="number" min={5} inputMode="numeric" value={values[u]} onChange={(e) => setValues((v) => ({ ...v, [u]: e.target.value }))} />}
          </Field>
        ))}
      </div>
      <SaveStatus message={form.message} />
      <Button type="submit" busy={form.busy}>
        Save SLAs
      </Button>
    </form>
  );
}
