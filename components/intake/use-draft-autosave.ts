'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { IntakeStep } from '@/lib/domain/intake-step';
import { useRetryTimer } from './use-retry-timer';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'offline'; retryAt: Date }
  | { kind: 'signed-out' }
  | { kind: 'conflict'; current: ServerDraft | null }
  | { kind: 'failed'; message: string };

export interface ServerDraft {
  data: unknown;
  step: IntakeStep;
  revision: number;
  updatedAt: string;
}

export interface LocalDraft {
  data: unknown;
  step: IntakeStep;
  /** Server revision this local copy was based on. */
  baseRevision: number;
  savedAt: string;
}

const localDraftKey = (userId: string) => `tc-intake-draft:${userId}`;

export function readLocalDraft(userId: string): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(localDraftKey(userId));
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

function writeLocalDraft(userId: string, draft: LocalDraft): void {
  try {
    window.localStorage.setItem(localDraftKey(userId), JSON.stringify(draft));
  } catch {
    /* storage full or disabled: the server copy is still attempted */
  }
}

function clearLocalDraft(userId: string): void {
  try {
    window.localStorage.removeItem(localDraftKey(userId));
  } catch {
    /* ignore */
  }
}

type PutResult = { kind: 'saved'; revision: number; updatedAt: string } | { kind: 'conflict'; current: ServerDraft | null } | { kind: 'signed-out' } | { kind: 'too-large' };

/** One PUT of the draft. Throws when the network or the server failed, so the caller retries with backoff. */
async function putDraft(snap: { data: unknown; step: IntakeStep }, baseRevision: number): Promise<PutResult> {
  const res = await fetch('/api/intake-draft', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data: snap.data, step: snap.step, baseRevision }),
    cache: 'no-store',
  });
  if (res.ok) {
    const body = (await res.json()) as { revision: number; updatedAt: string };
    return { kind: 'saved', revision: body.revision, updatedAt: body.updatedAt };
  }
  if (res.status === 409) {
    const body = (await res.json()) as { current: ServerDraft | null };
    return { kind: 'conflict', current: body.current };
  }
  if (res.status === 401) return { kind: 'signed-out' };
  if (res.status === 400 || res.status === 413) return { kind: 'too-large' };
  throw new Error(`HTTP ${res.status}`);
}

interface SaverRefs {
  /** The server revision the next save is based on. */
  revisionRef: RefObject<number>;
  /** Counts changes, so a save knows whether the answers moved on while it was in flight. */
  changeCounterRef: RefObject<number>;
  snapshotRef: RefObject<() => { data: unknown; step: IntakeStep }>;
  stoppedRef: RefObject<boolean>;
}

/**
 * The server side of the autosave: one request in flight at a time, a newer change or a step change during it
 * asks for one more, failures back off. The local copy is removed only when the server confirmed the latest change.
 */
function useDraftSaver(userId: string, refs: SaverRefs, setState: (s: SaveState) => void) {
  const { revisionRef, changeCounterRef, snapshotRef, stoppedRef } = refs;
  const inFlight = useRef(false);
  const again = useRef(false);
  const { saveRef, schedule, cancel, nextBackoff, resetBackoff } = useRetryTimer();
  const keepLocalCopy = useCallback(
    () => writeLocalDraft(userId, { ...snapshotRef.current(), baseRevision: revisionRef.current, savedAt: new Date().toISOString() }),
    [revisionRef, snapshotRef, userId],
  );

  const saveNow = useCallback(async () => {
    if (stoppedRef.current) return;
    cancel();
    if (inFlight.current) {
      // The running request re-checks for newer answers when it ends; a step change asks for one more save.
      again.current = true;
      return;
    }
    inFlight.current = true;
    again.current = false;
    const sentAt = changeCounterRef.current;
    const snap = snapshotRef.current();
    setState({ kind: 'saving' });
    let next: (() => void) | null = null;
    try {
      const r = await putDraft(snap, revisionRef.current);
      if (r.kind === 'saved') {
        revisionRef.current = r.revision;
        resetBackoff();
        if (changeCounterRef.current === sentAt) {
          clearLocalDraft(userId);
          setState({ kind: 'saved', at: new Date(r.updatedAt) });
          if (again.current) next = () => schedule(300);
        } else {
          keepLocalCopy();
          next = () => schedule(300);
        }
      } else if (r.kind === 'too-large') {
        setState({ kind: 'failed', message: 'We could not save this draft on the server (it may be too long). It is kept on this device.' });
      } else {
        setState(r);
      }
    } catch {
      const delay = nextBackoff();
      setState({ kind: 'offline', retryAt: new Date(Date.now() + delay) });
      next = () => schedule(delay);
    } finally {
      inFlight.current = false;
    }
    next?.();
  }, [cancel, changeCounterRef, keepLocalCopy, nextBackoff, resetBackoff, revisionRef, schedule, setState, snapshotRef, stoppedRef, userId]);

  useEffect(() => {
    saveRef.current = saveNow;
  }, [saveRef, saveNow]);

  return { saveNow, schedule, cancel, keepLocalCopy };
}

/**
 * Autosave of the intake draft. Every change is written to localStorage at once (the copy survives a reload or
 * a lost connection) and sent to the server ~1 s after typing stops, or at once on a step change. One request is
 * in flight at a time; failures retry with backoff (and as soon as the browser is back online). The local copy is
 * removed only when the server has confirmed the latest change. The server's revision guard turns a write from a
 * stale tab or device into a visible choice instead of a silent overwrite.
 */
export function useDraftAutosave(opts: {
  userId: string;
  initialRevision: number;
  /** The form starts from a local copy the server has not confirmed: send it soon. */
  initiallyDirty?: boolean;
  /** No draft at all (editing a submitted case): every call is a no-op. */
  disabled?: boolean;
  snapshot: () => { data: unknown; step: IntakeStep };
}) {
  const { userId } = opts;
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const revision = useRef(opts.initialRevision);
  const changeCounter = useRef(0);
  const stopped = useRef(opts.disabled ?? false);
  const snapshotRef = useRef(opts.snapshot);
  useEffect(() => {
    snapshotRef.current = opts.snapshot;
  });
  const { saveNow, schedule, cancel, keepLocalCopy } = useDraftSaver(userId, { revisionRef: revision, changeCounterRef: changeCounter, snapshotRef, stoppedRef: stopped }, setState);

  /** Call on every change: local copy now, server copy after a pause in typing. */
  const markChanged = useCallback(() => {
    if (stopped.current) return;
    changeCounter.current += 1;
    keepLocalCopy();
    setState((s) => (s.kind === 'offline' || s.kind === 'conflict' || s.kind === 'signed-out' || s.kind === 'failed' ? s : { kind: 'pending' }));
    schedule(1_000);
  }, [keepLocalCopy, schedule]);

  /** Resolve a conflict: adopt `baseRevision` (the server's) and retry with our answers, or simply rebase. */
  const rebase = useCallback((serverRevision: number) => {
    revision.current = serverRevision;
  }, []);

  /** Stop saving (after a successful submit the server deletes the draft). */
  const stop = useCallback(() => {
    stopped.current = true;
    cancel();
    clearLocalDraft(userId);
  }, [cancel, userId]);

  const initiallyDirty = opts.initiallyDirty ?? false;
  useEffect(() => {
    if (initiallyDirty) schedule(500);
  }, [initiallyDirty, schedule]);

  return { state, markChanged, saveNow, rebase, stop, revision };
}

export function saveStateText(s: SaveState): string {
  switch (s.kind) {
    case 'idle':
      return 'Your answers are saved as you go.';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved at ${s.at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
    case 'offline':
      return 'Offline — saved on this device, retrying';
    case 'signed-out':
      return 'You are signed out — saved on this device. Sign in again to keep saving.';
    case 'conflict':
      return 'This draft was changed on another device or tab.';
    case 'failed':
      return s.message;
  }
}
