'use client';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Alert, Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/action-result';
import { AreaCheckboxes, FieldError, inputClass } from './form-bits';

export interface TeamRow {
  id: string;
  email: string;
  name: string;
  title: string;
  roles: string[];
  areas: string[];
  capacity: number;
  onCall: boolean;
  active: boolean;
}

/** One clinician: areas, capacity, on-call and active, edited in place behind a disclosure. */
export function TeamMemberEditor({
  member,
  areaOptions,
  save,
  removeRole,
}: {
  member: TeamRow;
  areaOptions: { value: string; label: string }[];
  save: (input: unknown) => Promise<ActionResult<null>>;
  removeRole: (input: unknown) => Promise<ActionResult<{ sessionsEnded: number }>>;
}) {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [areas, setAreas] = useState(member.areas);
  const [capacity, setCapacity] = useState(String(member.capacity));
  const [onCall, setOnCall] = useState(member.onCall);
  const [active, setActive] = useState(member.active);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [msg, setMsg] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = (a: string) => areaOptions.find((o) => o.value === a)?.label ?? a;

  return (
    <li className="py-4" data-testid="team-member">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <p className="font-medium">
            {member.name} <span className="text-sm font-normal text-muted">· {member.title}</span>
          </p>
          <p className="text-sm text-muted">
            {member.email} · capacity {member.capacity}
            {member.roles.includes('admin') ? ' · admin' : ''}
          </p>
          <div className="mt-1 flex flex-wrap gap-1">
            {member.onCall && <Badge tone="warning">On call</Badge>}
            {!member.active && <Badge>Inactive</Badge>}
            {member.areas.map((a) => (
              <Badge key={a} tone="info">
                {label(a)}
              </Badge>
            ))}
          </div>
        </div>
        <Button variant="secondary" size="sm" aria-expanded={open} aria-controls={`${id}-form`} onClick={() => setOpen((o) => !o)}>
          {open ? 'Close' : `Edit ${member.name}`}
        </Button>
      </div>
      {open && (
        <form
          id={`${id}-form`}
          className="mt-3 space-y-3 rounded-lg border border-line bg-canvas p-4"
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            setMsg(null);
            const r = await save({ userId: member.id, areas, capacity, onCall, active });
            setBusy(false);
            if (r.ok) {
              setErrors({});
              setMsg('Saved.');
              router.refresh();
            } else {
              setErrors(r.fieldErrors);
              setMsg(r.formError ?? null);
            }
          }}
        >
          <AreaCheckboxes idPrefix={`${id}-areas`} legend="Areas covered" value={areas} onChange={setAreas} options={areaOptions} error={errors.areas} />
          <div className="max-w-xs">
            <label htmlFor={`${id}-cap`} className="mb-1 block text-sm font-medium">
              Capacity (open cases)
            </label>
            <input
              id={`${id}-cap`}
              type="number"
              min={0}
              max={500}
              inputMode="numeric"
              className={inputClass}
              value={capacity}
              onChange={(e) => setCapacity(e.target.value)}
              aria-invalid={Boolean(errors.capacity)}
              aria-describedby={errors.capacity ? `${id}-cap-err` : undefined}
            />
            <FieldError id={`${id}-cap-err`} errors={errors.capacity} />
          </div>
          <label className="flex min-h-10 items-center gap-2 text-sm">
            <input type="checkbox" className="h-4 w-4 accent-brand-700" checked={onCall} onChange={(e) => setOnCall(e.target.checked)} />
            On call for emergencies
          </label>
          <label className="flex min-h-10 items-center gap-2 text-sm">
            <input type="checkbox" className="h-4 w-4 accent-brand-700" checked={active} onChange={(e) => setActive(e.target.checked)} />
            Active (receives new cases)
          </label>
          {msg && (
            <Alert tone={Object.keys(errors).length ? 'warning' : 'success'} role="status">
              {msg}
            </Alert>
          )}
          <Button type="submit" busy={busy}>
            Save {member.name}
          </Button>
        </form>
      )}
      {open && <RemoveRole member={member} removeRole={removeRole} />}
    </li>
  );
}

/**
 * Takes a staff role away (the account stays, e.g. as a patient). Two steps, so one slip does not lock a colleague
 * out; the server ends all their sessions at once.
 */
function RemoveRole({ member, removeRole }: { member: TeamRow; removeRole: (input: unknown) => Promise<ActionResult<{ sessionsEnded: number }>> }) {
  const router = useRouter();
  const [asked, setAsked] = useState<'clinician' | 'admin' | null>(null);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const roles = (['clinician', 'admin'] as const).filter((r) => member.roles.includes(r));
  if (roles.length === 0) return null;
  return (
    <div className="mt-3 space-y-2 rounded-lg border border-line bg-white p-4" role="group" aria-label={`Roles of ${member.name}`}>
      <p className="text-sm text-muted">Removing a role signs {member.name} out everywhere at once.</p>
      <div className="flex flex-wrap gap-2">
        {roles.map((role) =>
          asked === role ? (
            <Button
              key={role}
              variant="danger"
              size="sm"
              busy={busy}
              onClick={async () => {
                setBusy(true);
                const r = await removeRole({ userId: member.id, role });
                setBusy(false);
                setAsked(null);
                setMsg(r.ok ? { ok: true, text: `Removed the ${role} role; ${r.data.sessionsEnded} session(s) ended.` } : { ok: false, text: r.formError ?? 'The role could not be removed.' });
                if (r.ok) router.refresh();
              }}
            >
              Confirm: remove the {role} role
            </Button>
          ) : (
            <Button key={role} variant="secondary" size="sm" onClick={() => setAsked(role)}>
              Remove {role} role
            </Button>
          ),
        )}
      </div>
      {msg && (
        <Alert tone={msg.ok ? 'success' : 'warning'} role="status">
          {msg.text}
        </Alert>
      )}
    </div>
  );
}
