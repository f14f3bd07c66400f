'use client';

import { useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';
import { ACTIVITY_EVENT } from '@/components/layout/session-timeout';
import { formatCountdown } from '@/lib/domain/room-window';

/** Time left until the room opens; reloads the page (server decides again) when it reaches zero. */
export function RoomCountdown({ opensAt, initialNow }: { opensAt: number; initialNow: number }) {
  const router = useRouter();
  const [now, setNow] = useState(initialNow);
  const left = opensAt - now;

  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1_000);
    // Waiting for the room to open is being present: it must not end in an idle sign-out.
    const awake = setInterval(() => window.dispatchEvent(new Event(ACTIVITY_EVENT)), 30_000);
    return () => {
      clearInterval(t);
      clearInterval(awake);
    };
  }, []);

  const due = left <= 0;
  useEffect(() => {
    if (!due) return;
    // Ask the server again; repeat in case this device's clock runs ahead of the server's.
    router.refresh();
    const t = setInterval(() => router.refresh(), 5_000);
    return () => clearInterval(t);
  }, [due, router]);

  return (
    <p className="text-lg">
      Opens in{' '}
      <span role="timer" aria-label={`Opens in ${formatCountdown(left)}`} data-testid="room-countdown" className="font-semibold tabular-nums">
        {formatCountdown(left)}
      </span>
    </p>
  );
}
