'use client';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Alert } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { ActionResult } from '@/lib/action-result';

interface Colleague {
  id: string;
  name: string;
}

/** Claim / release / hand over, with plain feedback (a lost claim race names the winner). */
export function CaseActions({
  caseId,
  viewerId,
  assignedClinicianId,
  assigneeName,
  open,
  colleagues,
  canReassignAny,
  canClose,
  claim,
  release,
  reassign,
  close,
}: {
  caseId: string;
  viewerId: string;
  assignedClinicianId: string | null;
  assigneeName: string | null;
  open: boolean;
  colleagues: Colleague[];
  canReassignAny: boolean;
  /** A decided case held by the viewer: it can be closed (terminal). */
  canClose: boolean;
  claim: (caseId: string) => Promise<ActionResult<{ assigneeName: string | null }>>;
  release: (caseId: string) => Promise<ActionResult<null>>;
  reassign: (caseId: string, input: unknown) => Promise<ActionResult<{ assigneeName: string | null }>>;
  close: (caseId: string) => Promise<ActionResult<null>>;
}) {
  const router = useRouter();
  const id = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [msg, setMsg] = useState<{ tone: 'success' | 'warning'; text: string } | null>(null);
  const [dialog, setDialog] = useState(false);
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const mine = assignedClinicianId === viewerId;

  const run = async (what: string, fn: () => Promise<ActionResult<unknown>>, ok: string) => {
    setBusy(what);
    setMsg(null);
    try {
      const r = await fn();
      setMsg(r.ok ? { tone: 'success', text: ok } : { tone: 'warning', text: r.formError ?? 'That did not work.' });
      // A lost claim race is told with the winner's name and not reloaded: the case has left the pool, so for a
      // clinician outside its areas the fresh page would be a bare 404 in place of that answer.
      if (r.ok || what !== 'claim') router.refresh();
      return r;
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="space-y-3">
      <p className="text-sm" data-testid="case-assignee">
        {assignedClinicianId ? (
          mine ? (
            <strong>You hold this case.</strong>
          ) : (
            <>
              Held by <strong>{assigneeName ?? 'a colleague'}</strong>.
            </>
          )
        ) : (
          'Unassigned: in the pool.'
        )}
      </p>
      {open && (
        <div className="flex flex-wrap gap-2">
          {!assignedClinicianId && (
            <Button busy={busy === 'claim'} onClick={() => run('claim', () => claim(caseId), 'You claimed this case.')}>
              Claim this case
            </Button>
          )}
          {mine && (
            <Button variant="secondary" busy={busy === 'release'} onClick={() => run('release', () => release(caseId), 'The case is back in the pool.')}>
              Release to pool
            </Button>
          )}
          {(mine || canReassignAny) && (
            <Button variant="secondary" onClick={() => setDialog(true)}>
              Reassign…
            </Button>
          )}
        </div>
      )}
      {canClose && (
        <Button variant="secondary" busy={busy === 'close'} onClick={() => run('close', () => close(caseId), 'Case closed.')}>
          Close case
        </Button>
      )}
      {msg && (
        <Alert tone={msg.tone} role="status">
          {msg.text}
        </Alert>
      )}
      <Dialog open={dialog} onOpenChange={setDialog} title="Reassign to a colleague" description="The colleague is emailed, and your reason is kept with the case.">
        <form
          className="space-y-3"
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await run('reassign', () => reassign(caseId, { clinicianId: to, reason, expectedAssigneeId: assignedClinicianId }), 'Case reassigned.');
            if (r.ok) {
              setDialog(false);
              setReason('');
              setErrors({});
            } else setErrors(r.fieldErrors);
          }}
        >
          <div>
            <label htmlFor={`${id}-to`} className="mb-1 block text-sm font-medium">
              Colleague
            </label>
            <select
              id={`${id}-to`}
              value={to}
              onChange={(e) => setTo(e.target.value)}
              aria-invalid={Boolean(errors.clinicianId)}
              aria-describedby={errors.clinicianId ? `${id}-to-err` : undefined}
              className="block min-h-10 w-full rounded-lg border border-line bg-white px-3 py-2"
            >
              <option value="">Choose…</option>
              {colleagues
                .filter((c) => c.id !== assignedClinicianId)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
            </select>
            {errors.clinicianId && (
              <p id={`${id}-to-err`} className="mt-1 text-sm font-medium text-red-700">
                {errors.clinicianId[0]}
              </p>
            )}
          </div>
          <div>
            <label htmlFor={`${id}-reason`} className="mb-1 block text-sm font-medium">
              Reason
            </label>
            <textarea
              id={`${id}-reason`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={3}
              aria-invalid={Boolean(errors.reason)}
              aria-describedby={errors.reason ? `${id}-reason-err` : undefined}
              className="block w-full rounded-lg border border-line bg-white px-3 py-2"
            />
            {errors.reason && (
              <p id={`${id}-reason-err`} className="mt-1 text-sm font-medium text-red-700">
                {errors.reason[0]}
              </p>
            )}
          </div>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" busy={busy === 'reassign'}>
              Reassign
            </Button>
            <Button variant="ghost" onClick={() => setDialog(false)}>
              Cancel
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
