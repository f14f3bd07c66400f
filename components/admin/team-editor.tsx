'use client';
import { useId, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox, Field, Input } from '@/components/ui/field';
import type { ActionResult } from '@/lib/action-result';
import { AreaCheckboxes } from './area-checkboxes';
import { SaveStatus } from './save-status';
import { useAdminSave } from './use-admin-save';

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
  const id = useId();
  const [open, setOpen] = useState(false);
  const [areas, setAreas] = useState(member.areas);
  const [capacity, setCapacity] = useState(String(member.capacity));
  const [onCall, setOnCall] = useState(member.onCall);
  const [active, setActive] = useState(member.active);
  const form = useAdminSave();
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
          onSubmit={(e) => {
            e.preventDefault();
            void form.save(() => save({ userId: member.id, areas, capacity, onCall, active }), () => 'Saved.');
          }}
        >
          <AreaCheckboxes legend="Areas covered" value={areas} onChange={setAreas} options={areaOptions} error={form.errorOf('areas')} />
          <Field label="Capacity (open cases)" error={form.errorOf('capacity')} className="max-w-xs">
            {(p) => <Input {...p} type="number" min={0} max={500} inputMode="numeric" value={capacity} onChange={(e) => setCapacity(e.target.value)} />}
          </Field>
          <Checkbox checked={onCall} onChange={(e) => setOnCall(e.target.checked)}>
            On call for emergencies
          </Checkbox>
          <Checkbox checked={active} onChange={(e) => setActive(e.target.checked)}>
            Active (receives new cases)
          </Checkbox>
          <SaveStatus message={form.message} />
          <Button type="submit" busy={form.busy}>
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
  const [asked, setAsked] = useState<'clinician' | 'admin' | null>(null);
  const { message, busy, save } = useAdminSave();
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
                await save(() => removeRole({ userId: member.id, role }), (d) => `Removed the ${role} role; ${d.sessionsEnded} session(s) ended.`, 'The role could not be removed.');
                setAsked(null);
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
      <SaveStatus message={message} />
    </div>
  );
}
