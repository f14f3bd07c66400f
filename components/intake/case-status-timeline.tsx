import { cn } from '@/components/ui/cn';
import { formatDateTime } from '@/lib/format/dates';
import type { CaseStatus } from '@/lib/domain/case';

const DECISION_LABEL: Partial<Record<CaseStatus, string>> = {
  advice_sent: 'Advice sent',
  consult_recommended: 'Consult recommended',
  referred: 'Referred to another service',
};

/** After "consult recommended": where the consult is (book it → booked → held), so the status follows the booking. */
export interface ConsultStage {
  label: string;
  detail: string;
  done: boolean;
}

/** submitted → in review → advice / consult recommended / referred (→ the consult) (→ closed). */
export function CaseStatusTimeline({ status, times, timeZone, consult }: { status: CaseStatus; times: Partial<Record<CaseStatus, Date>>; timeZone: string; consult?: ConsultStage }) {
  const decided = status in DECISION_LABEL || status === 'closed';
  const steps: { key: string; label: string; done: boolean; current: boolean; at?: Date; detail: string }[] = [
    { key: 'submitted', label: 'Submitted', done: true, current: status === 'submitted', at: times.submitted, detail: 'We have your answers.' },
    {
      key: 'in_review',
      label: 'In review',
      done: status !== 'submitted',
      current: status === 'in_review',
      at: times.in_review,
      detail: 'A clinician is reading your case.',
    },
    {
      key: 'decision',
      label: DECISION_LABEL[status] ?? (status === 'closed' ? 'Closed' : 'Advice, consult or referral'),
      done: decided,
      current: decided && !consult,
      at: decided ? times[status] : undefined,
      detail: decided ? 'See the message from the team below.' : 'The team will send advice, suggest a consult, or refer you.',
    },
  ];
  if (consult) steps.push({ key: 'consult', label: consult.label, done: consult.done, current: true, detail: consult.detail });
  return (
    <ol className="space-y-0" aria-label="Case status">
      {steps.map((s, i) => (
        <li key={s.key} className="relative flex gap-3 pb-5 last:pb-0" aria-current={s.current ? 'step' : undefined}>
          {i < steps.length - 1 && <span aria-hidden className={cn('absolute left-[11px] top-6 h-full w-0.5', s.done && steps[i + 1]!.done ? 'bg-brand-700' : 'bg-line')} />}
          <span
            aria-hidden
            className={cn(
              'relative z-10 mt-0.5 grid h-6 w-6 shrink-0 place-items-center rounded-full border-2 text-xs font-bold',
              s.done ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-400 bg-white text-slate-600',
            )}
          >
            {s.done ? '✓' : i + 1}
          </span>
          <div>
            <p className={cn('font-semibold', !s.done && 'text-muted')}>
              {s.label}
              <span className="sr-only">{s.done ? ' (done)' : ' (not yet)'}</span>
              {s.current && <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800">Now</span>}
            </p>
            {s.at && <p className="text-sm text-muted">{formatDateTime(s.at, timeZone)}</p>}
            <p className="text-sm text-muted">{s.detail}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
