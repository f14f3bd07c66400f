'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox, Field, Input } from '@/components/ui/field';
import type { ActionResult } from '@/lib/action-result';
import { AreaCheckboxes } from './area-checkboxes';
import { SaveStatus } from './save-status';
import { useAdminSave } from './use-admin-save';

export function InviteClinicianForm({
  areaOptions,
  invite,
}: {
  areaOptions: { value: string; label: string }[];
  invite: (input: unknown) => Promise<ActionResult<{ id: string; created: boolean }>>;
}) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [title, setTitle] = useState('Physiotherapist');
  const [areas, setAreas] = useState<string[]>([]);
  const [capacity, setCapacity] = useState('20');
  const [admin, setAdmin] = useState(false);
  const { errorOf, message, busy, save } = useAdminSave();

  const text = (key: string, label: string, value: string, set: (v: string) => void, type = 'text') => (
    <Field label={label} error={errorOf(key)}>
      {(p) => <Input {...p} type={type} value={value} onChange={(e) => set(e.target.value)} autoComplete="off" />}
    </Field>
  );

  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        const sent = await save(() => invite({ email, name, title, areas, capacity, admin }), () => `Invitation sent to ${email}.`);
        if (sent) {
          setEmail('');
          setName('');
          setAreas([]);
        }
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        {text('email', 'Email', email, setEmail, 'email')}
        {text('name', 'Name', name, setName)}
        {text('title', 'Title', title, setTitle)}
        {text('capacity', 'Capacity (open cases)', capacity, setCapacity, 'number')}
      </div>
      <AreaCheckboxes legend="Areas they cover" value={areas} onChange={setAreas} options={areaOptions} error={errorOf('areas')} />
      <Checkbox checked={admin} onChange={(e) => setAdmin(e.target.checked)}>
        Also an administrator (lead)
      </Checkbox>
      <SaveStatus message={message} />
      <Button type="submit" busy={busy}>
        Send invitation
      </Button>
    </form>
  );
}
