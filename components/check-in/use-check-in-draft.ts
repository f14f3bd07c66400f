'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useRetryTimer } from '@/components/intake/use-retry-timer';
import type { SaveState } from '@/components/intake/use-draft-autosave';

/** This device's copy of a check-in's answers, kept until the server has confirmed them. */
interface LocalCheckInDraft {
  data: unknown;
  savedAt: string;
}

const localKey = (checkInId: string) => `tc-check-in-draft:${checkInId}`;

/** This device's copy, when it is newer than what the server saved (typed offline, or the tab closed before a save). */
export function readLocalCheckInDraft(checkInId: string, serverSavedAt: string | null): LocalCheckInDraft | null {
  try {
    const raw = window.localStorage.getItem(localKey(checkInId));
    const local = raw ? (JSON.parse(raw) as LocalCheckInDraft) : null;
    return local && (!serverSavedAt || Date.parse(local.savedAt) > Date.parse(serverSavedAt)) ? local : null;
  } catch {
    return null;
  }
}

function writeLocal(checkInId: string, data: unknown): void {
  try {
    window.localStorage.setItem(localKey(checkInId), JSON.stringify({ data, savedAt: new Date().toISOString() }));
  } catch {
    /* storage full or disabled: the server copy is still attempted */
  }
}

function clearLocal(checkInId: string): void {
  try {
    window.localStorage.removeItem(localKey(checkInId));
  } catch {
    /* ignore */
  }
}

type PutResult = { kind: 'saved'; at: Date } | { kind: 'signed-out' } | { kind: 'gone' } | { kind: 'refused' };

/** One PUT of the draft; throws when the network or the server failed, so the caller retries with backoff. */
async function putDraft(checkInId: string, data: unknown): Promise<PutResult> {
  const res = await fetch(`/api/check-ins/${checkInId}/draft`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data),
    cache: 'no-store',
  });
  if (res.ok) return { kind: 'saved', at: new Date(((await res.json()) as { savedAt: string }).savedAt) };
  if (res.status === 401) return { kind: 'signed-out' };
  if (res.status === 404) return { kind: 'gone' };
  if (res.status === 400 || res.status === 413) return { kind: 'refused' };
  throw new Error(`HTTP ${res.status}`);
}

/**
 * Autosave of a check-in's answers, as the intake's (components/intake/use-draft-autosave.ts): every change goes to
 * this device at once and to the server ~1 s after the last one, one request at a time, failures retried with
 * backoff (and when the browser is back online). The local copy goes once the server has the latest change. No
 * revision guard: one patient, one short form; the last save wins. `onGone` runs when the server no longer takes
 * a draft (the check-in was sent from another device): the page reloads to show what was sent.
 */
export function useCheckInDraft(opts: { checkInId: string; snapshot: () => unknown; initiallyDirty: boolean; onGone: () => void }) {
  const { checkInId } = opts;
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const snapshotRef = useRef(opts.snapshot);
  const onGoneRef = useRef(opts.onGone);
  useEffect(() => {
    snapshotRef.current = opts.snapshot;
    onGoneRef.current = opts.onGone;
  });
  const changes = useRef(0);
  const inFlight = useRef(false);
  const stopped = useRef(false);
  const { saveRef, schedule, cancel, nextBackoff, resetBackoff } = useRetryTimer();

  const saveNow = useCallback(async () => {
    if (stopped.current) return;
    cancel();
    if (inFlight.current) return schedule(300);
    inFlight.current = true;
    const sent = changes.current;
    setState({ kind: 'saving' });
    try {
      const r = await putDraft(checkInId, snapshotRef.current());
      // Sent from this page while the save was on its way: the server now refuses drafts (404), which says nothing
      // new. Reloading would turn "Sent — thank you" into "already sent" and take the focus off the emergency panel.
      if (stopped.current) return;
      resetBackoff();
      if (r.kind === 'saved') {
        if (changes.current === sent) {
          clearLocal(checkInId);
          setState({ kind: 'saved', at: r.at });
        } else schedule(300);
      } else if (r.kind === 'signed-out') setState({ kind: 'signed-out' });
      else if (r.kind === 'refused') setState({ kind: 'failed', message: 'We could not save these answers on the server. They are kept on this device.' });
      else {
        stopped.current = true;
        clearLocal(checkInId);
        onGoneRef.current();
      }
    } catch {
      if (stopped.current) return;
      const delay = nextBackoff();
      setState({ kind: 'offline', retryAt: new Date(Date.now() + delay) });
      schedule(delay);
    } finally {
      inFlight.current = false;
    }
  }, [cancel, checkInId, nextBackoff, resetBackoff, schedule]);

  useEffect(() => {
    saveRef.current = saveNow;
  }, [saveRef, saveNow]);

  const markChanged = useCallback(() => {
    if (stopped.current) return;
    changes.current += 1;
    writeLocal(checkInId, snapshotRef.current());
    setState((s) => (s.kind === 'offline' || s.kind === 'signed-out' || s.kind === 'failed' ? s : { kind: 'pending' }));
    schedule(1_000);
  }, [checkInId, schedule]);

  /** After the check-in is sent: no more saves, and this device's copy goes. */
  const stop = useCallback(() => {
    stopped.current = true;
    cancel();
    clearLocal(checkInId);
  }, [cancel, checkInId]);

  const { initiallyDirty } = opts;
  useEffect(() => {
    if (initiallyDirty) schedule(500);
  }, [initiallyDirty, schedule]);

  return { state, markChanged, saveNow, stop };
}
