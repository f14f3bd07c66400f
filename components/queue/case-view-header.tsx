import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { formatSpan, slaState } from '@/lib/cases/format-queue';
import type { StaffCaseView } from '@/lib/cases/view-case';
import { STATUS_LABELS, URGENCY_LABELS } from '@/lib/domain/case';
import { formatDateTime } from '@/lib/format/dates';
import { urgencyTone } from './urgency-tone';

/** Who the patient is, how long they waited, and where the case stands, above everything else on the case view. */
export function CaseViewHeader({ view, patientName, open }: { view: StaffCaseView; patientName: string | null; open: boolean }) {
  const h = view.header;
  const sla = slaState(h.slaDueAt, view.at);
  return (
    <header className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">
          {patientName ?? 'Unnamed patient'}
          {view.age !== null && <span className="font-normal text-muted">, {view.age}</span>}
        </h1>
        <p className="mt-1 text-sm text-muted">
          Submitted {formatDateTime(h.submittedAt)} · waited {formatSpan(view.at - h.submittedAt.getTime())}
          {h.patientSex ? ` · ${h.patientSex}` : ''}
          {h.patientTimezone ? ` · patient's time zone ${h.patientTimezone}` : ''}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <span className={cn('rounded-full border px-3 py-1 text-sm font-semibold', urgencyTone(h.urgency))}>{URGENCY_LABELS[h.urgency]}</span>
        <Badge tone="info">{STATUS_LABELS[h.status]}</Badge>
        {h.incomplete && <Badge tone="warning">Intake not finished</Badge>}
        {open && (
          <span className={cn('rounded-md px-2 py-1 text-sm', sla.breached ? 'bg-red-700 font-semibold text-white' : 'bg-white text-ink')}>SLA {sla.text}</span>
        )}
      </div>
    </header>
  );
}
