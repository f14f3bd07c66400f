'use client';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field, Textarea } from '@/components/ui/field';

/**
 * "Open with a reason" (break-the-glass, CONTRACTS §4c), shown on the case view's 404 to active clinicians only. The
 * case id comes from the URL: the 404 itself says nothing about whether the case exists; only a submitted reason
 * (audited, listed to the lead) gets an answer.
 */
export function BreakGlassForm() {
  const pathname = usePathname();
  const caseId = pathname.split('/').filter(Boolean).pop() ?? '';
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <form
      className="mt-4 space-y-3"
      aria-labelledby="break-glass-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        setFormError(null);
        if (reason.trim().length < 10) {
          setError('Say in at least 10 characters why you need to open this case.');
          return;
        }
        setError(undefined);
        setBusy(true);
        const res = await fetch(`/api/cases/${encodeURIComponent(caseId)}/access`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ reason }),
        });
        setBusy(false);
        if (res.ok) {
          // A full load: a refresh keeps the not-found boundary that caught the first render.
          window.location.reload();
          return;
        }
        if (res.status === 400) {
          const body = (await res.json().catch(() => null)) as { fieldErrors?: Record<string, string[]> } | null;
          setError(body?.fieldErrors?.reason?.[0] ?? 'Check the reason and try again.');
          return;
        }
        setFormError(res.status === 404 ? 'There is no case at this address.' : 'The case could not be opened. Try again in a moment.');
      }}
    >
      <h2 id="break-glass-heading" className="text-lg font-semibold">
        Open with a reason
      </h2>
      <p className="text-sm text-muted">
        If this case exists but lies outside your areas, the shared pool and your own cases, you can still open it for one
        hour. Your reason is recorded and shown to the team lead.
      </p>
      <Field label="Why do you need this case?" error={error} required>
        {(p) => <Textarea {...p} name="reason" rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      {formError && (
        <Alert tone="warning" role="alert">
          {formError}
        </Alert>
      )}
      <Button type="submit" busy={busy}>
        Open the case
      </Button>
    </form>
  );
}
