'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { Button } from '@/components/ui/button';
import { isInAwakeWindow, type AwakeWindow } from '@/lib/consults/stay-signed-in';

const WARN_BEFORE_MS = 2 * 60_000;
const KEEPALIVE_EVERY_MS = 60_000;
/** Dispatch on window to count as activity without input (e.g. a live video consult, where nobody types). */
export const ACTIVITY_EVENT = 'tc:activity';

/**
 * Health data: sessions end after `idleMinutes` without activity. Activity (keys, clicks, touches)
 * keeps the server session alive; two minutes before the end we warn, and at the end we sign out. Inside an
 * `awake` window (a clinician's consult about to start or running) the clock counts as activity.
 */
export function SessionTimeout({ idleMinutes, awake = [], signOut }: { idleMinutes: number; awake?: AwakeWindow[]; signOut: () => Promise<void> }) {
  const idleMs = idleMinutes * 60_000;
  // 0 = "not yet known"; set on mount (render must stay pure).
  const lastActivity = useRef(0);
  const lastKeepalive = useRef(0);
  const signingOut = useRef(false);
  const [remaining, setRemaining] = useState<number | null>(null);

  const keepAlive = useCallback(async () => {
    lastKeepalive.current = Date.now();
    await fetch('/api/auth/session', { cache: 'no-store' }).catch(() => undefined);
  }, []);

  useEffect(() => {
    if (lastActivity.current === 0) lastActivity.current = lastKeepalive.current = Date.now();
    const onActivity = () => {
      if (remaining !== null) return; // while warning, only the button extends the session
      lastActivity.current = Date.now();
      if (Date.now() - lastKeepalive.current > KEEPALIVE_EVERY_MS) void keepAlive();
    };
    const events = ['keydown', 'pointerdown', 'touchstart', 'scroll', ACTIVITY_EVENT] as const;
    events.forEach((e) => window.addEventListener(e, onActivity, { passive: true }));
    const timer = window.setInterval(() => {
      if (remaining === null && isInAwakeWindow(awake, Date.now())) onActivity();
      const left = idleMs - (Date.now() - lastActivity.current);
      if (left <= 0) {
        if (!signingOut.current) {
          signingOut.current = true;
          void signOut();
        }
      } else if (left <= WARN_BEFORE_MS) {
        setRemaining(left);
      }
    }, 1000);
    return () => {
      events.forEach((e) => window.removeEventListener(e, onActivity));
      window.clearInterval(timer);
    };
  }, [idleMs, keepAlive, remaining, awake, signOut]);

  const stay = async () => {
    lastActivity.current = Date.now();
    setRemaining(null);
    await keepAlive();
  };

  const seconds = remaining === null ? 0 : Math.ceil(remaining / 1000);
  return (
    <Dialog
      open={remaining !== null}
      onOpenChange={(o) => {
        if (!o) void stay();
      }}
      role="alertdialog"
      title="Are you still there?"
      description={`For your privacy you will be signed out in ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')} unless you continue.`}
    >
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={() => void signOut()}>
          Sign out now
        </Button>
        <Button onClick={() => void stay()}>Stay signed in</Button>
      </div>
    </Dialog>
  );
}
