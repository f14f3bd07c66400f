'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

export type ClaimResult = { ok: true } | { ok: false; message: string };

/** POST /api/intakes/:id/claim; a lost race is reported with the winner's name. */
export async function claimRequest(caseId: string): Promise<ClaimResult> {
  const res = await fetch(`/api/intakes/${caseId}/claim`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (res.ok) return { ok: true };
  const body = (await res.json().catch(() => ({}))) as { error?: string; assigneeName?: string | null; message?: string };
  if (res.status === 409 && body.error === 'already_claimed') {
    return { ok: false, message: `${body.assigneeName ?? 'Another clinician'} already claimed this case.` };
  }
  return { ok: false, message: body.message ?? 'The case could not be claimed. Reload and try again.' };
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
