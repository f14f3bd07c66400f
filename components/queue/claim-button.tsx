'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

import { formFailure, type ActionResult } from '@/lib/action-result';

export type ClaimResult = ActionResult<null>;

/** POST /api/intakes/:id/claim; a lost race is reported with the winner's name. */
async function claimRequest(caseId: string): Promise<ClaimResult> {
  const res = await fetch(`/api/intakes/${caseId}/claim`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (res.ok) return { ok: true, data: null };
  const body = (await res.json().catch(() => ({}))) as { error?: string; assigneeName?: string | null; message?: string };
  if (res.status === 409 && body.error === 'already_claimed') {
    return formFailure(`${body.assigneeName ?? 'Another clinician'} already claimed this case.`);
  }
  return formFailure(body.message ?? 'The case could not be claimed. Reload and try again.');
}

export function ClaimButton({ caseId, label, onDone }: { caseId: string; label: string; onDone: (r: ClaimResult) => void }) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="sm"
      variant="secondary"
      busy={busy}
      aria-label={label}
      onClick={async () => {
        setBusy(true);
        try {
          onDone(await claimRequest(caseId));
        } finally {
          setBusy(false);
        }
      }}
    >
      Claim
    </Button>
  );
}
