'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/action-result';
import { ReassignDialog, type Colleague } from './reassign-dialog';

type Notice = { tone: 'success' | 'warning'; text: string };

/** Runs one case action at a time: which one is busy, and what came of the last. */
function useCaseAction() {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [msg, setMsg] = useState<Notice | null>(null);
  const run = async <T,>(what: string, fn: () => Promise<ActionResult<T>>, ok: string) => {
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
  return { busy, msg, run };
}

function AssigneeLine({ assignedClinicianId, assigneeName, mine }: { assignedClinicianId: string | null; assigneeName: string | null; mine: boolean }) {
  return (
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
  );
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
  const { busy, msg, run } = useCaseAction();
  const [dialog, setDialog] = useState(false);
  const mine = assignedClinicianId === viewerId;

  return (
    <div className="space-y-3">
      <AssigneeLine assignedClinicianId={assignedClinicianId} assigneeName={assigneeName} mine={mine} />
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
      <ReassignDialog
        open={dialog}
        onOpenChange={setDialog}
        colleagues={colleagues}
        assignedClinicianId={assignedClinicianId}
        busy={busy === 'reassign'}
        send={(input) => run('reassign', () => reassign(caseId, input), 'Case reassigned.')}
      />
    </div>
  );
}
