'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Checkbox, Field, Textarea } from '@/components/ui/field';
import type { ActionResult } from '@/lib/action-result';

export interface CaseThreadMessage {
  id: string;
  body: string;
  internal: boolean;
  createdAt: string;
  authorName: string | null;
  authorIsStaff: boolean;
  authorId: string;
}

const URL_RE = /(https?:\/\/[^\s]+)/g;

/** Message text with its links clickable (the booking invitation is a link). */
function Linkified({ text }: { text: string }) {
  const parts = text.split(URL_RE);
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <a key={i} href={p} className="break-all font-medium text-brand-700 underline">
            {p}
          </a>
        ) : (
          <span key={i}>{p}</span>
        ),
      )}
    </>
  );
}

/**
 * The private thread of one case. `viewer="patient"`: the patient's side (no internal notes ever reach it — the
 * server filters them). `viewer="staff"`: the team's side, with an "internal note" option.
 */
export type PostCaseMessage = (caseId: string, input: { body: string; internal: boolean }) => Promise<ActionResult<{ id: string }>>;

export function CaseThread({
  caseId,
  messages,
  viewer,
  viewerId,
  timeZone,
  post,
}: {
  caseId: string;
  messages: CaseThreadMessage[];
  viewer: 'patient' | 'staff';
  viewerId: string;
  timeZone?: string;
  /** The server action, passed down by the page (components never import from app/). */
  post: PostCaseMessage;
}) {
  const router = useRouter();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fmt = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: timeZone ?? 'UTC' });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSent(null);
    try {
      const r = await post(caseId, { body, internal: viewer === 'staff' && internal });
      if (r.ok) {
        setBody('');
        setSent(internal ? 'Internal note saved.' : 'Message sent.');
        router.refresh();
      } else {
        setError(r.fieldErrors.body?.[0] ?? r.fieldErrors.internal?.[0] ?? r.formError ?? 'The message could not be sent.');
      }
    } catch {
      setError('The message could not be sent. Check your connection and try again; your text is still here.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      {messages.length === 0 ? (
        <p className="text-sm text-muted">No messages yet.</p>
      ) : (
        <ol className="space-y-3" aria-label="Messages" data-testid="case-thread">
          {messages.map((m) => {
            const mine = m.authorId === viewerId;
            return (
              <li
                key={m.id}
                className={cn(
                  'rounded-lg border p-3 text-sm',
                  m.internal ? 'border-amber-300 bg-amber-50' : m.authorIsStaff ? 'border-brand-100 bg-brand-50' : 'border-line bg-white',
                )}
              >
                <p className="mb-1 flex flex-wrap items-center gap-x-2 text-xs text-muted">
                  <span className="font-semibold text-ink">{mine ? 'You' : (m.authorName ?? (m.authorIsStaff ? 'Rehab team' : 'Patient'))}</span>
                  {m.authorIsStaff && !mine && viewer === 'patient' && <span>Rehab team</span>}
                  {m.internal && <span className="font-semibold text-amber-900">Internal note — not shown to the patient</span>}
                  <time dateTime={m.createdAt}>{fmt.format(new Date(m.createdAt))}</time>
                </p>
                <p className="whitespace-pre-wrap">
                  <Linkified text={m.body} />
                </p>
              </li>
            );
          })}
        </ol>
      )}
      <form onSubmit={submit} className="mt-4 space-y-2" noValidate>
        <Field label={viewer === 'patient' ? 'Write to your rehab team' : internal ? 'Internal note (team only)' : 'Message to the patient'} error={error ?? undefined}>
          {(p) => <Textarea {...p} value={body} onChange={(e) => setBody(e.target.value)} rows={4} maxLength={8000} />}
        </Field>
        {viewer === 'staff' && (
          <Checkbox checked={internal} onChange={(e) => setInternal(e.target.checked)}>
            Internal note (only the team sees it)
          </Checkbox>
        )}
        {sent && (
          <Alert tone="success" role="status">
            {sent}
          </Alert>
        )}
        <Button type="submit" busy={busy} variant={internal ? 'secondary' : 'primary'}>
          {internal ? 'Save internal note' : 'Send message'}
        </Button>
      </form>
    </div>
  );
}
