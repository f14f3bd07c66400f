import { STATUS_LABELS, type CaseStatus } from '@/lib/domain/case';

export interface HistoryEvent {
  id: number;
  kind: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  payload: Record<string, unknown> | null;
  createdAt: string;
  actorName: string | null;
}

const KIND_TEXT: Record<string, string> = {
  submitted: 'Intake submitted',
  emergency_reported: 'Emergency sent from the safety screen (intake not finished); on-call alerted',
  intake_completed: 'Rest of the intake sent: case complete',
  claimed: 'Claimed',
  released: 'Released to the pool',
  reassigned: 'Reassigned',
  'decision.advice': 'Advice sent',
  'decision.consult': 'Consult recommended',
  'decision.referral': 'Referred to medical care',
  closed: 'Closed',
  'sla.breached': 'SLA breached (team alerted)',
  'consult.completed': 'Video consult completed, notes written',
  'consult.notes_corrected': 'Consult notes corrected',
};

/** Every event on the case: who, when, what (the reason of a hand-over included). */
export function CaseHistory({ events }: { events: HistoryEvent[] }) {
  if (events.length === 0) return <p className="text-sm text-muted">Nothing has happened yet.</p>;
  const fmt = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return (
    <ol className="space-y-2 text-sm" data-testid="case-history">
      {events.map((e) => (
        <li key={e.id}>
          <p>
            <strong>{KIND_TEXT[e.kind] ?? e.kind}</strong>
            {e.actorName ? ` by ${e.actorName}` : ''}
            {e.toStatus && e.fromStatus !== e.toStatus ? ` → ${STATUS_LABELS[e.toStatus]}` : ''}
          </p>
          <p className="text-muted">
            <time dateTime={e.createdAt}>{fmt.format(new Date(e.createdAt))} UTC</time>
            {e.kind === 'reassigned' && typeof e.payload?.reason === 'string' ? ` · reason: ${e.payload.reason}` : ''}
            {e.kind === 'decision.referral' && typeof e.payload?.referralUrgency === 'string' ? ` · ${e.payload.referralUrgency}` : ''}
          </p>
        </li>
      ))}
    </ol>
  );
}
