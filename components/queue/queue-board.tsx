'use client';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueueItemJson, QueueJson } from '@/lib/cases/queue-json';
import { formatSpan, slaState } from '@/lib/cases/format-queue';
import { ageOn } from '@/lib/format/age';
import { OPEN_STATUSES, STATUS_LABELS } from '@/lib/domain/case';
import { BODY_REGION_LABELS, isBodyRegion } from '@/lib/triage';
import { Alert, Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { clinicianCasePath } from '@/lib/urls';
import { UrgencyBadge } from './urgency-badge';
import { ClaimButton, type ClaimResult } from './claim-button';
import { QueueCountsSummary, QueueFilters, queueSearch, type QueueFilterState } from './queue-filters';

const POLL_MS = 10_000;

function regionText(regions: string[]): string {
  return regions.map((r) => (isBodyRegion(r) ? BODY_REGION_LABELS[r] : r)).join(', ');
}

function Flags({ item }: { item: QueueItemJson }) {
  return (
    <span className="flex flex-wrap gap-1">
      {item.redFlag && <Badge tone="danger" className="whitespace-nowrap">Red flag</Badge>}
      {item.mriConcern === 'urgent' && <Badge tone="danger" className="whitespace-nowrap">MRI: urgent finding</Badge>}
      {item.mriConcern === 'review' && <Badge tone="warning" className="whitespace-nowrap">MRI: review</Badge>}
      {!item.redFlag && !item.mriConcern && <span className="text-sm text-muted">None</span>}
    </span>
  );
}

function Sla({ item, now }: { item: QueueItemJson; now: number }) {
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

function patientLabel(item: QueueItemJson, at: number): string {
  const age = ageOn(item.patientDateOfBirth, new Date(at));
  return `${item.patientName ?? 'Unnamed patient'}${age !== null ? `, ${age}` : ''}`;
}

/**
 * The queue list: a table on wide screens, cards on phones. It polls the same JSON API every 10 s (only while the
 * tab is visible) and re-renders in place; the SLA countdowns tick every 30 s.
 */
export function QueueBoard({
  initial,
  filter,
  cursor,
  viewerId,
  serverNow,
}: {
  initial: QueueJson;
  filter: QueueFilterState;
  cursor: string | null;
  viewerId: string;
  serverNow: number;
}) {
  const [data, setData] = useState(initial);
  const [now, setNow] = useState(serverNow);
  const [notice, setNotice] = useState<{ tone: 'success' | 'warning'; text: string } | null>(null);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  const lastIds = useRef(initial.items.map((i) => i.id).join());

  const refresh = useCallback(async () => {
    const res = await fetch(`/api/queue?${queueSearch(filter, { counts: '1', limit: '50', ...(cursor ? { cursor } : {}) })}`, { cache: 'no-store' });
    if (!res.ok) return;
    const next = (await res.json()) as QueueJson;
    const ids = next.items.map((i) => i.id).join();
    if (ids !== lastIds.current) {
      const added = next.items.filter((i) => !lastIds.current.includes(i.id)).length;
      setAnnounce(added > 0 ? `${added} new or changed case${added === 1 ? '' : 's'} in the queue.` : 'The queue changed.');
      lastIds.current = ids;
    }
    setData(next);
    setNow(Date.now());
    setUpdatedAt(Date.now());
  }, [filter, cursor]);

  useEffect(() => {
    // Counts are fetched after the first paint (they scan more rows than the page itself); then every 10 s.
    const first = setTimeout(() => void refresh().catch(() => undefined), 0);
    const poll = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh().catch(() => undefined);
    }, POLL_MS);
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    return () => {
      clearTimeout(first);
      clearInterval(poll);
      clearInterval(tick);
    };
  }, [refresh]);

  const onClaimed = (item: QueueItemJson) => (r: ClaimResult) => {
    setNotice(r.ok ? { tone: 'success', text: `You claimed ${item.patientName ?? 'the case'}'s case.` } : { tone: 'warning', text: r.formError ?? 'The case could not be claimed.' });
    void refresh();
  };

  const items = data.items;
  return (
    <div>
      <QueueFilters filter={filter} counts={data.counts} />
      {data.counts && <QueueCountsSummary counts={data.counts} />}
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
      {notice && (
        <Alert tone={notice.tone} role="status" className="mb-4">
          {notice.text}
        </Alert>
      )}
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
        <p>
          {items.length === 0 ? 'No cases' : `Showing ${items.length} case${items.length === 1 ? '' : 's'}`}
          {cursor ? ' (later page)' : ''} · ordered by urgency, then response due time
        </p>
        <p>
          Refreshes every 10 seconds{updatedAt ? ` · last at ${new Date(updatedAt).toLocaleTimeString('en-GB')}` : ''}
        </p>
      </div>
      {items.length === 0 ? (
        <EmptyState title="No cases match these filters">New cases appear here as soon as patients submit their intake.</EmptyState>
      ) : (
        // One table for every width: on phones each row reflows into a card (labels shown beside values), so the
        // server renders the list once. Explicit roles keep the table semantics whatever the CSS display is.
        <div className="md:overflow-hidden md:rounded-xl md:border md:border-line md:bg-white">
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
              {items.map((item) => {
                const open = OPEN_STATUSES.includes(item.status);
                const breached = open && Date.parse(item.slaDueAt) < now;
                const label = patientLabel(item, now);
                return (
                  // Row and cell styles are CSS classes (globals.css, "Queue table"), and on phones each labelled cell
                  // shows its label from data-label: 50 rows of repeated utility strings and label spans were most of
                  // the page's HTML.
                  <tr key={item.id} role="row" data-testid="queue-row" data-breached={breached || undefined} className="queue-row">
                    <td role="cell" className="queue-cell font-medium">
                      <Link href={clinicianCasePath(item.id)} className="queue-patient">
                        {label}
                      </Link>
                    </td>
                    <td role="cell" className="queue-cell">
                      {regionText(item.regions)}
                    </td>
                    <td role="cell" className="queue-cell">
                      <UrgencyBadge urgency={item.urgency} reasons={item.reasons} />
                    </td>
                    <td role="cell" className={cn('queue-cell', !item.redFlag && !item.mriConcern && 'max-md:hidden')}>
                      <Flags item={item} />
                    </td>
                    <td role="cell" className="queue-cell md:whitespace-nowrap" data-label="Waited">
                      <span>{formatSpan(now - Date.parse(item.submittedAt))}</span>
                    </td>
                    <td role="cell" className="queue-cell" data-label="SLA">
                      <Sla item={item} now={now} />
                    </td>
                    <td role="cell" className="queue-cell" data-label="Assignee">
                      {item.assignedClinicianId ? (
                        item.assignedClinicianId === viewerId ? <strong>You</strong> : <span>{item.assigneeName}</span>
                      ) : open ? (
                        <ClaimButton caseId={item.id} label={`Claim ${label}`} onDone={onClaimed(item)} />
                      ) : (
                        <span className="text-muted">—</span>
                      )}
                    </td>
                    <td role="cell" className="queue-cell" data-label="Status">
                      <span>{STATUS_LABELS[item.status]}</span>
                      {item.incomplete && (
                        <span className="ml-1 inline-block rounded border border-amber-600 bg-amber-50 px-1.5 text-xs font-semibold text-amber-900" data-testid="incomplete-badge">
                          Intake not finished
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages" className="mt-4 flex flex-wrap gap-2">
        {cursor && (
          <Link href={`/queue?${queueSearch(filter)}`} className="rounded-lg border border-line bg-white px-4 py-2 text-sm font-medium hover:bg-brand-50">
            Back to the first page
          </Link>
        )}
        {data.nextCursor && (
          <Link
            href={`/queue?${queueSearch(filter, { cursor: data.nextCursor })}`}
            className="rounded-lg border border-line bg-white px-4 py-2 text-sm font-medium hover:bg-brand-50"
          >
            Next page
          </Link>
        )}
      </nav>
    </div>
  );
}
