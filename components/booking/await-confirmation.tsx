'use client';
import { useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';

/** After paying, the webhook may land a moment later: re-read the page until the status changes (max ~1 min). */
export function AwaitConfirmation() {
  const router = useRouter();
  const [tries, setTries] = useState(0);
  useEffect(() => {
    if (tries >= 30) return;
    const t = setTimeout(() => {
      router.refresh();
      setTries((n) => n + 1);
    }, 2000);
    return () => clearTimeout(t);
  }, [tries, router]);
  return (
    <p role="status" className="text-sm text-muted">
      {tries >= 30 ? 'Still waiting for the payment provider. Reload this page in a minute.' : 'Confirming your payment…'}
    </p>
  );
}
