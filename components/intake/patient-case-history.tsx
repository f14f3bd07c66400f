import type { PatientVisibleEvent } from '@/db/queries/patient-case-activity';
import type { CaseStatus } from '@/lib/domain/case';
import { formatDateTime } from '@/lib/format/dates';

const EVENT_LABELS: Record<string, string> = {
  submitted: 'You sent your answers',
  amended: 'You updated your answers',
  emergency_reported: 'Your emergency answer and contact details went to our on-call team',
  intake_completed: 'You sent the rest of your answers',
};
const STATUS_EVENT_LABELS: Record<CaseStatus, string> = {
  submitted: 'Case received',
  in_review: 'A clinician started reviewing your case',
  advice_sent: 'The team sent you advice',
  consult_recommended: 'The team recommends a consult',
  referred: 'The team referred you to another service',
  closed: 'Case closed',
};

/** The case's history in the patient's words, folded away under the messages. */
export function PatientCaseHistory({ events, timeZone }: { events: PatientVisibleEvent[]; timeZone: string }) {
  if (events.length === 0) return null;
  return (
    <details className="mt-4">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">Case history ({events.length})</summary>
      <ol className="mt-2 space-y-1 text-sm">
        {events.map((e) => (
          <li key={e.id}>
            <span className="text-muted">{formatDateTime(e.createdAt, timeZone)}:</span>{' '}
            {EVENT_LABELS[e.kind] ?? (e.toStatus ? STATUS_EVENT_LABELS[e.toStatus] : e.kind.replace(/_/g, ' '))}
          </li>
        ))}
      </ol>
    </details>
  );
}
