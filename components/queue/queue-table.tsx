import Link from 'next/link';
import type { QueueRowJson } from '@/lib/cases/queue-json';
import { formatSpan, slaState } from '@/lib/cases/format-queue';
import { ageOn } from '@/lib/format/age';
import { OPEN_STATUSES, STATUS_LABELS } from '@/lib/domain/case';
import { BODY_REGION_LABELS, isBodyRegion } from '@/lib/triage';
import { cn } from '@/components/ui/cn';
import { clinicianCasePath } from '@/lib/urls';
import { UrgencyBadge, UrgencyBadgeShared } from './urgency-badge';
import { ClaimButton, type ClaimResult } from './claim-button';

function regionText(regions: string[]): string {
  return regions.map((r) => (isBodyRegion(r) ? BODY_REGION_LABELS[r] : r)).join(', ');
}

const hasFlags = (item: QueueRowJson) => item.redFlag || item.mriConcern !== null || item.mriUnread > 0 || item.worse || item.checkInOverdue;

function Flags({ item }: { item: QueueRowJson }) {
  return (
    <span className="flex flex-wrap gap-1">
      {/* Issue 15 (db/queries/attention.ts): the latest check-in is worse / a mailed check-in is overdue. */}
      {item.worse && (
        <span className="qf qf-danger" data-testid="worse-badge">
          Worse<span className="sr-only"> since last check-in</span>
        </span>
      )}
      {item.checkInOverdue && (
        <span className="qf qf-warning" data-testid="check-in-overdue-badge">
          Check-in overdue
        </span>
      )}
      {item.redFlag && <span className="qf qf-danger">Red flag</span>}
      {item.mriConcern === 'urgent' && <span className="qf qf-danger">MRI: urgent finding</span>}
      {item.mriConcern === 'review' && <span className="qf qf-warning">MRI: review</span>}
      {/* Sentences the engine could not read: a routine-looking case may hide anything in them, so say so here. */}
      {item.mriUnread > 0 && <UnreadBadge count={item.mriUnread} />}
      {!hasFlags(item) && <span className="text-sm text-muted">None</span>}
    </span>
  );
}

function UnreadBadge({ count }: { count: number }) {
  const sentences = `${count} sentence${count === 1 ? '' : 's'}`;
  return (
    <span
      className="qf qf-unread"
      data-testid="mri-unread-badge"
      title={`${sentences} of the MRI report not read by the system: read them yourself`}
    >
      <span aria-hidden>?</span>
      MRI: {count} unread<span className="sr-only"> {count === 1 ? 'sentence' : 'sentences'}, not read by the system</span>
    </span>
  );
}

function Sla({ item, now }: { item: QueueRowJson; now: number }) {
  if (!OPEN_STATUSES.includes(item.status)) return <span className="text-sm text-muted">Answered</span>;
  const s = slaState(item.slaDueAt, now);
  if (s.breached) {
    return (
      <span className="inline-flex items-center gap-1 rounded-md bg-red-700 px-2 py-0.5 text-sm font-semibold text-white" data-testid="sla-breached">
        <span aria-hidden>⚠</span> {s.text}
      </span>
    );
  }
  return <span className={cn('text-sm', s.soon ? 'font-semibold text-amber-900' : 'text-ink')}>{s.text}</span>;
}

function patientLabel(item: QueueRowJson, at: number): string {
  const age = ageOn(item.patientDateOfBirth, new Date(at));
  return `${item.patientName ?? 'Unnamed patient'}${age !== null ? `, ${age}` : ''}`;
}

type RowProps = { item: QueueRowJson; now: number; viewerId: string; onClaimed: (item: QueueRowJson) => (r: ClaimResult) => void };

function QueueRow({ item, now, viewerId, onClaimed }: RowProps) {
  const open = OPEN_STATUSES.includes(item.status);
  const breached = open && Date.parse(item.slaDueAt) < now;
  const label = patientLabel(item, now);
  return (
    // Row and cell styles are CSS classes (globals.css, "Queue table"), and on phones each labelled cell
    // shows its label from data-label: 50 rows of repeated utility strings and label spans were most of
    // the page's HTML.
    <tr role="row" data-testid="queue-row" data-breached={breached || undefined} className="queue-row">
      <td role="cell" className="font-medium">
        <Link href={clinicianCasePath(item.id)} className="queue-patient">
          {label}
        </Link>
      </td>
      <td role="cell">
        {regionText(item.regions)}
      </td>
      <td role="cell">
        <UrgencyBadge urgency={item.urgency} reasons={item.reasons} />
      </td>
      <td role="cell" className={hasFlags(item) ? undefined : 'max-md:hidden'}>
        <Flags item={item} />
      </td>
      <td role="cell" className="md:whitespace-nowrap" data-label="Waited">
        <span>{formatSpan(now - Date.parse(item.submittedAt))}</span>
      </td>
      <td role="cell" data-label="SLA">
        <Sla item={item} now={now} />
      </td>
      <td role="cell" data-label="Assignee">
        {item.assignedClinicianId ? (
          item.assignedClinicianId === viewerId ? <strong>You</strong> : <span>{item.assigneeName}</span>
        ) : open ? (
          <ClaimButton caseId={item.id} label={`Claim ${label}`} onDone={onClaimed(item)} />
        ) : (
          <span className="text-muted">—</span>
        )}
      </td>
      <td role="cell" data-label="Status">
        <span>{STATUS_LABELS[item.status]}</span>
        {item.incomplete && (
          <span className="ml-1 inline-block rounded border border-amber-600 bg-amber-50 px-1.5 text-xs font-semibold text-amber-900" data-testid="incomplete-badge">
            Intake not finished
          </span>
        )}
      </td>
    </tr>
  );
}

/**
 * One table for every width: on phones each row reflows into a card (labels shown beside values), so the server
 * renders the list once. Explicit roles keep the table semantics whatever the CSS display is.
 */
export function QueueTable({ items, ...row }: { items: QueueRowJson[] } & Omit<RowProps, 'item'>) {
  return (
    <div className="md:overflow-hidden md:rounded-xl md:border md:border-line md:bg-white">
      <UrgencyBadgeShared />
      <table role="table" className="block w-full text-left text-sm md:table">
        <caption className="sr-only">Triage queue</caption>
        <thead role="rowgroup" className="hidden bg-canvas text-xs uppercase tracking-wide text-muted md:table-header-group">
          <tr role="row">
            {['Patient', 'Regions', 'Urgency', 'Flags', 'Waited', 'SLA', 'Assignee', 'Status'].map((h) => (
              <th key={h} role="columnheader" scope="col" className="px-3 py-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="block space-y-3 md:table-row-group md:space-y-0">
          {items.map((item) => (
            <QueueRow key={item.id} item={item} {...row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
