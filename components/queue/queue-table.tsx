import type { MouseEvent } from 'react';
import { useRouter } from 'next/navigation';
import type { QueueRowJson } from '@/lib/cases/queue-json';
import { formatSpan, slaState } from '@/lib/cases/format-queue';
import { ageOn } from '@/lib/format/age';
import { OPEN_STATUSES, STATUS_LABELS } from '@/lib/domain/case';
import { BODY_REGION_LABELS, isBodyRegion } from '@/lib/triage/body';
import { clinicianCasePath } from '@/lib/urls';
import { UrgencyBadge, UrgencyBadgeShared } from './urgency-badge';
import { ClaimButton, type ClaimResult } from './claim-button';
import { AttentionBadges } from './attention-badges';

function regionText(regions: string[]): string {
  return regions.map((r) => (isBodyRegion(r) ? BODY_REGION_LABELS[r] : r)).join(', ');
}

const hasFlags = (item: QueueRowJson) => item.redFlag || item.mriConcern !== null || item.mriUnread > 0 || item.worse || item.checkInOverdue;

function Flags({ item }: { item: QueueRowJson }) {
  return (
    <span className="flex flex-wrap gap-1">
      <AttentionBadges item={item} />
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
      <span className="sla-breached" data-testid="sla-breached">
        <span aria-hidden>⚠</span> {s.text}
      </span>
    );
  }
  return <span className={s.soon ? 'sla-soon' : 'sla-ok'}>{s.text}</span>;
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
        {/* A plain link: QueueTable navigates for all of them (useRowLinks). */}
        <a href={clinicianCasePath(item.id)} className="queue-patient">
          {label}
        </a>
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
          <span className="incomplete-badge" data-testid="incomplete-badge">
            Intake not finished
          </span>
        )}
      </td>
    </tr>
  );
}

/**
 * Client-side navigation for the rows' patient links, as next/link gives, from one click handler on the table instead
 * of a Link component per row: 50 Links were a measurable part of the page's server render (issue 13), and each
 * prefetched its case page as it scrolled into view. A click with a modifier key or another button is left to the
 * browser (new tab, new window), like next/link does; Enter on a focused link is a click too.
 */
function useRowLinks() {
  const router = useRouter();
  return (e: MouseEvent<HTMLTableElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const link = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a.queue-patient') : null;
    if (!link) return;
    e.preventDefault();
    router.push(link.getAttribute('href')!);
  };
}

/**
 * One table for every width: on phones each row reflows into a card (labels shown beside values), so the server
 * renders the list once. Explicit roles keep the table semantics whatever the CSS display is.
 */
export function QueueTable({ items, ...row }: { items: QueueRowJson[] } & Omit<RowProps, 'item'>) {
  const onLinkClick = useRowLinks();
  return (
    <div className="md:overflow-hidden md:rounded-xl md:border md:border-line md:bg-white">
      <UrgencyBadgeShared />
      <table role="table" className="block w-full text-left text-sm md:table" onClick={onLinkClick}>
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
