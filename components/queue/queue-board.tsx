'use client';
import Link from 'next/link';
import { useState } from 'react';
import { queueBoardFromWire, type QueueBoardWire, type QueueRowJson } from '@/lib/cases/queue-json';
import { Alert } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/card';
import type { ClaimResult } from './claim-button';
import { QueueCountsSummary, QueueFilters, queueSearch, type QueueFilterState } from './queue-filters';
import { QueueTable } from './queue-table';
import { useQueuePoll } from './use-queue-poll';

function QueuePager({ filter, cursor, nextCursor }: { filter: QueueFilterState; cursor: string | null; nextCursor: string | null }) {
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap gap-2">
      {cursor && (
        <Link href={`/queue?${queueSearch(filter)}`} className="rounded-lg border border-line bg-white px-4 py-2 text-sm font-medium hover:bg-brand-50">
          Back to the first page
        </Link>
      )}
      {nextCursor && (
        <Link
          href={`/queue?${queueSearch(filter, { cursor: nextCursor })}`}
          className="rounded-lg border border-line bg-white px-4 py-2 text-sm font-medium hover:bg-brand-50"
        >
          Next page
        </Link>
      )}
    </nav>
  );
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
  /** The first page in its compact form (lib/cases/queue-json.ts, QueueRowWire); the poll's JSON replaces it. */
  initial: QueueBoardWire;
  filter: QueueFilterState;
  cursor: string | null;
  viewerId: string;
  serverNow: number;
}) {
  const [first] = useState(() => queueBoardFromWire(initial));
  const { data, now, updatedAt, announce, refresh } = useQueuePoll({ initial: first, filter, cursor, serverNow });
  const [notice, setNotice] = useState<{ tone: 'success' | 'warning'; text: string } | null>(null);

  const onClaimed = (item: QueueRowJson) => (r: ClaimResult) => {
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
        <QueueTable items={items} now={now} viewerId={viewerId} onClaimed={onClaimed} />
      )}
      <QueuePager filter={filter} cursor={cursor} nextCursor={data.nextCursor} />
    </div>
  );
}
