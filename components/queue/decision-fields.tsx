'use client';
import { useId } from 'react';
import { cn } from '@/components/ui/cn';
import { Field, Select, Textarea } from '@/components/ui/field';

export type Kind = 'advice' | 'consult' | 'referral';
export type ReferralUrgency = 'emergency' | 'urgent' | 'routine';

export interface TemplateOption {
  id: string;
  title: string;
  body: string;
}

const KIND_LABELS: Record<Kind, string> = {
  advice: 'Self-management advice',
  consult: 'Recommend a video consult',
  referral: 'Refer to medical care',
};

const REFERRAL_LABELS: Record<ReferralUrgency, string> = {
  emergency: 'Today (emergency)',
  urgent: 'Within 1–2 days',
  routine: 'In the coming weeks',
};

function personalise(body: string, firstName: string): string {
  return body.replaceAll('{first_name}', firstName);
}

export function KindChoice({ kind, onChange }: { kind: Kind; onChange: (k: Kind) => void }) {
  const name = useId();
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium">Decision</legend>
      <div className="grid gap-2">
        {(Object.keys(KIND_LABELS) as Kind[]).map((k) => (
          <label
            key={k}
            className={cn('flex min-h-10 cursor-pointer items-center gap-2 rounded-lg border px-3 py-2 text-sm', kind === k ? 'border-brand-700 bg-brand-50 font-semibold' : 'border-line bg-white')}
          >
            <input type="radio" name={`${name}-kind`} value={k} checked={kind === k} onChange={() => onChange(k)} className="accent-brand-700" />
            {KIND_LABELS[k]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Advice starts from an editable template personalised with the patient's first name. */
export function AdviceFields(p: { templates: TemplateOption[]; firstName: string; templateId: string; onTemplate: (id: string, text: string | null) => void; advice: string; onAdvice: (v: string) => void; error?: string }) {
  return (
    <div className="space-y-3">
      <Field label="Start from a template">
        {(f) => (
          <Select
            {...f}
            value={p.templateId}
            onChange={(e) => {
              const t = p.templates.find((x) => x.id === e.target.value);
              p.onTemplate(e.target.value, t ? personalise(t.body, p.firstName) : null);
            }}
          >
            <option value="">Choose a template…</option>
            {p.templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Advice the patient will read (edit it for them)" error={p.error}>
        {(f) => <Textarea {...f} rows={12} value={p.advice} onChange={(e) => p.onAdvice(e.target.value)} />}
      </Field>
    </div>
  );
}

export function ConsultFields({ message, onMessage, error }: { message: string; onMessage: (v: string) => void; error?: string }) {
  return (
    <Field label="Message with the booking invitation" hint="A link to book a video consult is added for the patient." error={error}>
      {(f) => <Textarea {...f} rows={6} value={message} onChange={(e) => onMessage(e.target.value)} />}
    </Field>
  );
}

export function ReferralFields(p: { urgency: ReferralUrgency; onUrgency: (u: ReferralUrgency) => void; reason: string; onReason: (v: string) => void; error?: string }) {
  const name = useId();
  return (
    <div className="space-y-3">
      <fieldset>
        <legend className="mb-1 text-sm font-medium">How soon should they be seen?</legend>
        <div className="flex flex-wrap gap-2">
          {(Object.keys(REFERRAL_LABELS) as ReferralUrgency[]).map((u) => (
            <label key={u} className="flex min-h-10 items-center gap-2 rounded-lg border border-line bg-white px-3 text-sm">
              <input type="radio" name={`${name}-ref`} value={u} checked={p.urgency === u} onChange={() => p.onUrgency(u)} className="accent-brand-700" />
              {REFERRAL_LABELS[u]}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="Reason (the patient reads this)" error={p.error}>
        {(f) => <Textarea {...f} rows={5} value={p.reason} onChange={(e) => p.onReason(e.target.value)} />}
      </Field>
    </div>
  );
}
