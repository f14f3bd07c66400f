'use client';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueueItemJson, QueueJson } from '@/lib/queue/queue-json';
import { ageOn, formatSpan, slaState } from '@/lib/queue/format';
import { OPEN_STATUSES, STATUS_LABELS } from '@/lib/queue/status';
import { BODY_REGION_LABELS, isBodyRegion } from '@/lib/triage';
import { Alert, Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { UrgencyBadge } from './urgency-badge';
import { ClaimButton, type ClaimResult } from './claim-button';
import { QueueCountsSummary, QueueFilters, queueSearch, type QueueFilterState } from './queue-filters';

const POLL_MS = 10_000;

function regionText(regions: string[]): string {
  return regions.map((r) => (isBodyRegion(r) ? BODY_REGION_LABELS[r] : r)).join(', ');
}

function Flags({ item, quietWhenNone = false }: { item: QueueItemJson; quietWhenNone?: boolean }) {
  if (quietWhenNone && !item.redFlag && !item.mriConcern) return null;
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
    setNotice(r.ok ? { tone: 'success', text: `You claimed ${item.patientName ?? 'the case'}'s case.` } : { tone: 'warning', text: r.message });
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
        <>
          <div className="hidden overflow-x-auto rounded-xl border border-line bg-white md:block">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Triage queue</caption>
              <thead className="bg-canvas text-xs uppercase tracking-wide text-muted">
                <tr>
                  <th scope="col" className="px-3 py-2">Patient</th>
                  <th scope="col" className="px-3 py-2">Regions</th>
                  <th scope="col" className="px-3 py-2">Urgency</th>
                  <th scope="col" className="px-3 py-2">Flags</th>
                  <th scope="col" className="px-3 py-2">Waited</th>
                  <th scope="col" className="px-3 py-2">SLA</th>
                  <th scope="col" className="px-3 py-2">Assignee</th>
                  <th scope="col" className="px-3 py-2">Status</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {items.map((item) => {
                  const breached = OPEN_STATUSES.includes(item.status) && Date.parse(item.slaDueAt) < now;
                  return (
                    <tr key={item.id} data-testid="queue-row" className={cn(breached && 'bg-red-50')}>
                      <td className="px-3 py-2 font-medium">
                        <Link href={`/queue/cases/${item.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                          {patientLabel(item, now)}
                        </Link>
                      </td>
                      <td className="px-3 py-2">{regionText(item.regions)}</td>
                      <td className="px-3 py-2">
                        <UrgencyBadge urgency={item.urgency} reasons={item.reasons} />
                      </td>
                      <td className="px-3 py-2">
                        <Flags item={item} />
                      </td>
                      <td className="px-3 py-2 whitespace-nowrap">{formatSpan(now - Date.parse(item.submittedAt))}</td>
                      <td className="px-3 py-2">
                        <Sla item={item} now={now} />
                      </td>
                      <td className="px-3 py-2">
                        {item.assignedClinicianId ? (
                          item.assignedClinicianId === viewerId ? <strong>You</strong> : item.assigneeName
                        ) : OPEN_STATUSES.includes(item.status) ? (
                          <ClaimButton caseId={item.id} label={`Claim ${patientLabel(item, now)}`} onDone={onClaimed(item)} />
                        ) : (
                          <span className="text-muted">—</span>
                        )}
                      </td>
                      <td className="px-3 py-2">{STATUS_LABELS[item.status]}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <ul className="space-y-3 md:hidden" aria-label="Triage queue">
            {items.map((item) => {
              const breached = OPEN_STATUSES.includes(item.status) && Date.parse(item.slaDueAt) < now;
              return (
                <li key={item.id} data-testid="queue-card" className={cn('rounded-xl border bg-white p-4', breached ? 'border-red-400 bg-red-50' : 'border-line')}>
                  <div className="flex items-start justify-between gap-2">
                    <Link href={`/queue/cases/${item.id}`} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
                      {patientLabel(item, now)}
                    </Link>
                    <UrgencyBadge urgency={item.urgency} reasons={item.reasons} />
                  </div>
                  <p className="mt-1 text-sm">{regionText(item.regions)}</p>
                  <div className="mt-2 empty:hidden">
                    <Flags item={item} quietWhenNone />
                  </div>
                  <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
                    <dt className="text-muted">Waited</dt>
                    <dd>{formatSpan(now - Date.parse(item.submittedAt))}</dd>
                    <dt className="text-muted">SLA</dt>
                    <dd>
                      <Sla item={item} now={now} />
                    </dd>
                    <dt className="text-muted">Status</dt>
                    <dd>{STATUS_LABELS[item.status]}</dd>
                    <dt className="text-muted">Assignee</dt>
                    <dd>{item.assignedClinicianId ? (item.assignedClinicianId === viewerId ? 'You' : item.assigneeName) : 'Unassigned'}</dd>
                  </dl>
                  {!item.assignedClinicianId && OPEN_STATUSES.includes(item.status) && (
                    <div className="mt-3">
                      <ClaimButton caseId={item.id} label={`Claim ${patientLabel(item, now)}`} onDone={onClaimed(item)} />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </>
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
