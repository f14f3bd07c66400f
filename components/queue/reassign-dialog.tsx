'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Select, Textarea } from '@/components/ui/field';
import type { ActionResult, FieldErrors } from '@/lib/action-result';

export interface Colleague {
  id: string;
  name: string;
}

/** Hand the case to a colleague, with a reason kept beside it; closes once the server has moved the case. */
export function ReassignDialog(p: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  colleagues: Colleague[];
  assignedClinicianId: string | null;
  busy: boolean;
  send: (input: { clinicianId: string; reason: string; expectedAssigneeId: string | null }) => Promise<ActionResult<unknown>>;
}) {
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  return (
    <Dialog open={p.open} onOpenChange={p.onOpenChange} title="Reassign to a colleague" description="The colleague is emailed, and your reason is kept with the case.">
      <form
        className="space-y-3"
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await p.send({ clinicianId: to, reason, expectedAssigneeId: p.assignedClinicianId });
          if (!r.ok) return setErrors(r.fieldErrors);
          p.onOpenChange(false);
          setReason('');
          setErrors({});
        }}
      >
        <Field label="Colleague" error={errors.clinicianId?.[0]}>
          {(f) => (
            <Select {...f} value={to} onChange={(e) => setTo(e.target.value)}>
              <option value="">Choose…</option>
              {p.colleagues
                .filter((c) => c.id !== p.assignedClinicianId)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
            </Select>
          )}
        </Field>
        <Field label="Reason" error={errors.reason?.[0]}>
          {(f) => <Textarea {...f} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />}
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={p.busy}>
            Reassign
          </Button>
          <Button variant="ghost" onClick={() => p.onOpenChange(false)}>
            Cancel
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
