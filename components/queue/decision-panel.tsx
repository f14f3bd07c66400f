'use client';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Alert } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import type { ActionResult } from '@/lib/action-result';
import type { Urgency } from '@/lib/domain/case';

type Kind = 'advice' | 'consult' | 'referral';

export interface TemplateOption {
  id: string;
  title: string;
  body: string;
}

export function personalise(body: string, firstName: string): string {
  return body.replaceAll('{first_name}', firstName);
}

const KIND_LABELS: Record<Kind, string> = {
  advice: 'Self-management advice',
  consult: 'Recommend a video consult',
  referral: 'Refer to medical care',
};

const inputClass = 'block w-full rounded-lg border border-line bg-white px-3 py-2 text-base focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30';

/**
 * The three decisions. Advice starts from an editable template personalised with the patient's first name; emergency
 * and urgent cases open on the referral and say why.
 */
export function DecisionPanel({
  caseId,
  urgency,
  firstName,
  templates,
  decide,
}: {
  caseId: string;
  urgency: Urgency;
  firstName: string;
  templates: TemplateOption[];
  decide: (caseId: string, input: unknown) => Promise<ActionResult<{ status: string }>>;
}) {
  const router = useRouter();
  const id = useId();
  const urgentCase = urgency !== 'routine';
  const [kind, setKind] = useState<Kind>(urgentCase ? 'referral' : 'advice');
  const [templateId, setTemplateId] = useState('');
  const [advice, setAdvice] = useState('');
  const [consult, setConsult] = useState(
    `Hi ${firstName},\n\nThank you for your detailed story. We would like to see you on a video consult so we can look at how you move and plan your return to training together.`,
  );
  const [refUrgency, setRefUrgency] = useState<'emergency' | 'urgent' | 'routine'>(urgency === 'emergency' ? 'emergency' : urgency === 'urgent' ? 'urgent' : 'routine');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setFormError(null);
    setDone(null);
    const input =
      kind === 'advice'
        ? { kind, message: advice, ...(templateId ? { templateId } : {}) }
        : kind === 'consult'
          ? { kind, message: consult }
          : { kind, referralUrgency: refUrgency, reason };
    try {
      const r = await decide(caseId, input);
      if (r.ok) {
        setErrors({});
        setDone(kind === 'advice' ? 'Advice sent. The patient has been emailed.' : kind === 'consult' ? 'Consult recommended. The patient has been emailed a booking link.' : 'Referral sent. The patient has been emailed.');
        router.refresh();
      } else {
        setErrors(r.fieldErrors);
        setFormError(r.formError ?? null);
      }
    } catch {
      setFormError('The decision could not be saved. Check your connection and try again; your text is still here.');
    } finally {
      setBusy(false);
    }
  }

  const err = (k: string) =>
    errors[k] ? (
      <p id={`${id}-${k}-err`} className="mt-1 text-sm font-medium text-red-700">
        {errors[k][0]}
      </p>
    ) : null;

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {urgentCase && (
        <Alert tone={urgency === 'emergency' ? 'danger' : 'warning'} title={urgency === 'emergency' ? 'Emergency case: refer now' : 'Urgent case: consider a referral'}>
          The triage flagged this case as {urgency}. Unless your review rules that out, refer the patient to medical care and say how soon.
        </Alert>
      )}
      <fieldset>
        <legend className="mb-2 text-sm font-medium">Decision</legend>
        <div className="grid gap-2">
          {(Object.keys(KIND_LABELS) as Kind[]).map((k) => (
            <label
              key={k}
              className={cn('flex min-h-10 cursor-pointer items-center gap-2 rounded-lg border px-3 py-2 text-sm', kind === k ? 'border-brand-700 bg-brand-50 font-semibold' : 'border-line bg-white')}
            >
              <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} className="accent-brand-700" />
              {KIND_LABELS[k]}
            </label>
          ))}
        </div>
      </fieldset>

      {kind === 'advice' && (
        <div className="space-y-3">
          <div>
            <label htmlFor={`${id}-tpl`} className="mb-1 block text-sm font-medium">
              Start from a template
            </label>
            <select
              id={`${id}-tpl`}
              className={cn(inputClass, 'min-h-10')}
              value={templateId}
              onChange={(e) => {
                setTemplateId(e.target.value);
                const t = templates.find((x) => x.id === e.target.value);
                if (t) setAdvice(personalise(t.body, firstName));
              }}
            >
              <option value="">Choose a template…</option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-advice`} className="mb-1 block text-sm font-medium">
              Advice the patient will read (edit it for them)
            </label>
            <textarea
              id={`${id}-advice`}
              rows={12}
              value={advice}
              onChange={(e) => setAdvice(e.target.value)}
              aria-invalid={Boolean(errors.message)}
              aria-describedby={errors.message ? `${id}-message-err` : undefined}
              className={inputClass}
            />
            {err('message')}
          </div>
        </div>
      )}

      {kind === 'consult' && (
        <div>
          <label htmlFor={`${id}-consult`} className="mb-1 block text-sm font-medium">
            Message with the booking invitation
          </label>
          <textarea
            id={`${id}-consult`}
            rows={6}
            value={consult}
            onChange={(e) => setConsult(e.target.value)}
            aria-invalid={Boolean(errors.message)}
            aria-describedby={errors.message ? `${id}-message-err` : `${id}-consult-hint`}
            className={inputClass}
          />
          <p id={`${id}-consult-hint`} className="mt-1 text-sm text-muted">
            A link to book a video consult is added for the patient.
          </p>
          {err('message')}
        </div>
      )}

      {kind === 'referral' && (
        <div className="space-y-3">
          <fieldset>
            <legend className="mb-1 text-sm font-medium">How soon should they be seen?</legend>
            <div className="flex flex-wrap gap-2">
              {(['emergency', 'urgent', 'routine'] as const).map((u) => (
                <label key={u} className="flex min-h-10 items-center gap-2 rounded-lg border border-line bg-white px-3 text-sm">
                  <input type="radio" name={`${id}-ref`} value={u} checked={refUrgency === u} onChange={() => setRefUrgency(u)} className="accent-brand-700" />
                  {u === 'emergency' ? 'Today (emergency)' : u === 'urgent' ? 'Within 1–2 days' : 'In the coming weeks'}
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <label htmlFor={`${id}-reason`} className="mb-1 block text-sm font-medium">
              Reason (the patient reads this)
            </label>
            <textarea
              id={`${id}-reason`}
              rows={5}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={Boolean(errors.reason)}
              aria-describedby={errors.reason ? `${id}-reason-err` : undefined}
              className={inputClass}
            />
            {err('reason')}
          </div>
        </div>
      )}

      {formError && (
        <Alert tone="warning" role="alert">
          {formError}
        </Alert>
      )}
      {done && (
        <Alert tone="success" role="status">
          {done}
        </Alert>
      )}
      <Button type="submit" busy={busy}>
        {kind === 'advice' ? 'Send advice' : kind === 'consult' ? 'Send consult invitation' : 'Send referral'}
      </Button>
    </form>
  );
}
