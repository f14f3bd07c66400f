'use client';

import { useCallback, useEffect, useRef } from 'react';

const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

/**
 * The one timer of the draft autosave: a later save replaces an earlier one, failures wait longer each time, and
 * the browser coming back online retries at once with the backoff reset. `saveRef` holds the current save
 * function, so a timer set before a re-render still calls the newest one.
 */
export function useRetryTimer() {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const attempt = useRef(0);
  const saveRef = useRef<() => Promise<void>>(async () => undefined);

  const schedule = useCallback((delay: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), delay);
  }, []);

  const cancel = useCallback(() => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
  }, []);

  /** The delay before the next retry after a failure (and one more failure counted). */
  const nextBackoff = useCallback(() => {
    const delay = BACKOFF_MS[Math.min(attempt.current, BACKOFF_MS.length - 1)];
    attempt.current += 1;
    return delay;
  }, []);

  const resetBackoff = useCallback(() => {
    attempt.current = 0;
  }, []);

  useEffect(() => {
    const online = () => {
      attempt.current = 0;
      void saveRef.current();
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, []);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return { saveRef, schedule, cancel, nextBackoff, resetBackoff };
}
