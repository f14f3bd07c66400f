'use client';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Alert } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/action-result';
import { AreaCheckboxes, FieldError, inputClass } from './form-bits';

export function InviteClinicianForm({
  areaOptions,
  invite,
}: {
  areaOptions: { value: string; label: string }[];
  invite: (input: unknown) => Promise<ActionResult<{ id: string; created: boolean }>>;
}) {
  const router = useRouter();
  const id = useId();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [title, setTitle] = useState('Physiotherapist');
  const [areas, setAreas] = useState<string[]>([]);
  const [capacity, setCapacity] = useState('20');
  const [admin, setAdmin] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const text = (key: string, label: string, value: string, set: (v: string) => void, type = 'text') => (
    <div>
      <label htmlFor={`${id}-${key}`} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={`${id}-${key}`}
        type={type}
        className={inputClass}
        value={value}
        onChange={(e) => set(e.target.value)}
        aria-invalid={Boolean(errors[key])}
        aria-describedby={errors[key] ? `${id}-${key}-err` : undefined}
        autoComplete="off"
      />
      <FieldError id={`${id}-${key}-err`} errors={errors[key]} />
    </div>
  );

  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setDone(null);
        const r = await invite({ email, name, title, areas, capacity, admin });
        setBusy(false);
        if (r.ok) {
          setErrors({});
          setDone(`Invitation sent to ${email}.`);
          setEmail('');
          setName('');
          setAreas([]);
          router.refresh();
        } else setErrors(r.fieldErrors);
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        {text('email', 'Email', email, setEmail, 'email')}
        {text('name', 'Name', name, setName)}
        {text('title', 'Title', title, setTitle)}
        {text('capacity', 'Capacity (open cases)', capacity, setCapacity, 'number')}
      </div>
      <AreaCheckboxes idPrefix={`${id}-areas`} legend="Areas they cover" value={areas} onChange={setAreas} options={areaOptions} error={errors.areas} />
      <label className="flex min-h-10 items-center gap-2 text-sm">
        <input type="checkbox" className="h-4 w-4 accent-brand-700" checked={admin} onChange={(e) => setAdmin(e.target.checked)} />
        Also an administrator (lead)
      </label>
      {done && (
        <Alert tone="success" role="status">
          {done}
        </Alert>
      )}
      <Button type="submit" busy={busy}>
        Send invitation
      </Button>
    </form>
  );
}
