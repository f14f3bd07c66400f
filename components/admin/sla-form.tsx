'use client';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Alert } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/action-result';
import { FieldError, inputClass } from './form-bits';

type U = 'emergency' | 'urgent' | 'routine';
const LABELS: Record<U, string> = { emergency: 'Emergency', urgent: 'Urgent', routine: 'Routine' };

export function SlaForm({ initial, save }: { initial: Record<U, number>; save: (input: unknown) => Promise<ActionResult<{ recomputed: number }>> }) {
  const router = useRouter();
  const id = useId();
  const [values, setValues] = useState<Record<U, string>>({ emergency: String(initial.emergency), urgent: String(initial.urgent), routine: String(initial.routine) });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [msg, setMsg] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setMsg(null);
        const r = await save(values);
        setBusy(false);
        if (r.ok) {
          setErrors({});
          setMsg(`Saved. ${r.data.recomputed} open case${r.data.recomputed === 1 ? '' : 's'} got a new due time.`);
          router.refresh();
        } else setErrors(r.fieldErrors);
      }}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        {(Object.keys(LABELS) as U[]).map((u) => {
          const m = Number(values[u]);
          return (
            <div key={u}>
              <label htmlFor={`${id}-${u}`} className="mb-1 block text-sm font-medium">
                {LABELS[u]} (minutes)
              </label>
              <input
                id={`${id}-${u}`}
                type="number"
                min={5}
                inputMode="numeric"
                className={inputClass}
                value={values[u]}
                onChange={(e) => setValues((v) => ({ ...v, [u]: e.target.value }))}
                aria-invalid={Boolean(errors[u])}
                aria-describedby={`${id}-${u}-hint${errors[u] ? ` ${id}-${u}-err` : ''}`}
              />
              <p id={`${id}-${u}-hint`} className="mt-1 text-sm text-muted">
                {Number.isFinite(m) && m > 0 ? (m >= 1440 ? `${(m / 1440).toFixed(m % 1440 ? 1 : 0)} day(s)` : m >= 60 ? `${(m / 60).toFixed(m % 60 ? 1 : 0)} hour(s)` : `${m} minutes`) : ''}
              </p>
              <FieldError id={`${id}-${u}-err`} errors={errors[u]} />
            </div>
          );
        })}
      </div>
      {msg && (
        <Alert tone="success" role="status">
          {msg}
        </Alert>
      )}
      <Button type="submit" busy={busy}>
        Save SLAs
      </Button>
    </form>
  );
}
