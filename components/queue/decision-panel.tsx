'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { ActionResult, FieldErrors } from '@/lib/action-result';
import type { Urgency } from '@/lib/domain/case';
import { AdviceFields, ConsultFields, KindChoice, ReferralFields, type Kind, type ReferralUrgency, type TemplateOption } from './decision-fields';

type Decide = (caseId: string, input: unknown) => Promise<ActionResult<{ status: string }>>;

const DONE: Record<Kind, string> = {
  advice: 'Advice sent. The patient has been emailed.',
  consult: 'Consult recommended. The patient has been emailed a booking link.',
  referral: 'Referral sent. The patient has been emailed.',
};
const SEND: Record<Kind, string> = { advice: 'Send advice', consult: 'Send consult invitation', referral: 'Send referral' };

/** Sends one decision; the texts stay on screen whatever the server answers. */
function useDecisionSubmit(caseId: string, decide: Decide) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function send(kind: Kind, input: unknown) {
    setBusy(true);
    setFormError(null);
    setDone(null);
    try {
      const r = await decide(caseId, input);
      if (r.ok) {
        setErrors({});
        setDone(DONE[kind]);
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
  return { errorOf: (k: string) => errors[k]?.[0], formError, done, busy, send };
}

/** The draft of each decision, kept while the clinician switches between them. */
function useDecisionDraft(urgency: Urgency, firstName: string) {
  const [kind, setKind] = useState<Kind>(urgency !== 'routine' ? 'referral' : 'advice');
  const [templateId, setTemplateId] = useState('');
  const [advice, setAdvice] = useState('');
  const [consult, setConsult] = useState(
    `Hi ${firstName},\n\nThank you for your detailed story. We would like to see you on a video consult so we can look at how you move and plan your return to training together.`,
  );
  const [refUrgency, setRefUrgency] = useState<ReferralUrgency>(urgency);
  const [reason, setReason] = useState('');
  const input = () =>
    kind === 'advice'
      ? { kind, message: advice, ...(templateId ? { templateId } : {}) }
      : kind === 'consult'
        ? { kind, message: consult }
        : { kind, referralUrgency: refUrgency, reason };
  const chooseTemplate = (id: string, text: string | null) => {
    setTemplateId(id);
    if (text !== null) setAdvice(text);
  };
  return { kind, setKind, templateId, chooseTemplate, advice, setAdvice, consult, setConsult, refUrgency, setRefUrgency, reason, setReason, input };
}

/**
 * The three decisions. Advice starts from an editable template personalised with the patient's first name; emergency
 * and urgent cases open on the referral and say why.
 */
export function DecisionPanel({ caseId, urgency, firstName, templates, decide }: { caseId: string; urgency: Urgency; firstName: string; templates: TemplateOption[]; decide: Decide }) {
  const d = useDecisionDraft(urgency, firstName);
  const submit = useDecisionSubmit(caseId, decide);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.send(d.kind, d.input());
  };
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {urgency !== 'routine' && (
        <Alert tone={urgency === 'emergency' ? 'danger' : 'warning'} title={urgency === 'emergency' ? 'Emergency case: refer now' : 'Urgent case: consider a referral'}>
          The triage flagged this case as {urgency}. Unless your review rules that out, refer the patient to medical care and say how soon.
        </Alert>
      )}
      <KindChoice kind={d.kind} onChange={d.setKind} />
      {d.kind === 'advice' && (
        <AdviceFields templates={templates} firstName={firstName} templateId={d.templateId} onTemplate={d.chooseTemplate} advice={d.advice} onAdvice={d.setAdvice} error={submit.errorOf('message')} />
      )}
      {d.kind === 'consult' && <ConsultFields message={d.consult} onMessage={d.setConsult} error={submit.errorOf('message')} />}
      {d.kind === 'referral' && <ReferralFields urgency={d.refUrgency} onUrgency={d.setRefUrgency} reason={d.reason} onReason={d.setReason} error={submit.errorOf('reason')} />}
      {submit.formError && (
        <Alert tone="warning" role="alert">
          {submit.formError}
        </Alert>
      )}
      {submit.done && (
        <Alert tone="success" role="status">
          {submit.done}
        </Alert>
      )}
      <Button type="submit" busy={submit.busy}>
        {SEND[d.kind]}
      </Button>
    </form>
  );
}
