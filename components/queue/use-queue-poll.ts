'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueueBoardJson, QueueJson } from '@/lib/cases/queue-json';
import { queueSearch, type QueueFilterState } from './queue-filters';

const POLL_MS = 10_000;

/**
 * The queue as the JSON API last returned it, polled every 10 s (only while the tab is visible), with a clock for
 * the SLA countdowns that ticks every 30 s and a sentence for screen readers when the list changed.
 */
export function useQueuePoll({ initial, filter, cursor, serverNow }: { initial: QueueBoardJson; filter: QueueFilterState; cursor: string | null; serverNow: number }) {
  const [data, setData] = useState<QueueBoardJson>(initial);
  const [now, setNow] = useState(serverNow);
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

  return { data, now, updatedAt, announce, refresh };
}
