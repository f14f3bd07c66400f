'use client';
import { useState } from 'react';
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

/**
 * The queue row's claim button. It looks exactly like `<Button size="sm" variant="secondary">` (components/ui/button)
 * but carries one CSS class (`queue-claim`, app/globals.css, built from the same utilities) instead of Button's
 * 370-byte utility string, which every row of the page repeated (issue 13).
 */
export function ClaimButton({ caseId, label, onDone }: { caseId: string; label: string; onDone: (r: ClaimResult) => void }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="queue-claim"
      disabled={busy}
      aria-busy={busy || undefined}
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
      {busy && <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-current border-t-transparent" />}
      Claim
    </button>
  );
}
