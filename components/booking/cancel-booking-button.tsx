'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

/** Cancel with the policy spelled out first; the server decides the refund again (never trust this preview). */
export function CancelBookingButton({ bookingId, label, consequence }: { bookingId: string; label: string; consequence: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function cancel() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/bookings/${bookingId}/cancel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const body = (await res.json().catch(() => ({}))) as { refundCents?: number; message?: string };
      if (!res.ok) {
        setError(body.message ?? 'The booking could not be cancelled. Please try again.');
        return;
      }
      setOpen(false);
      setDone(body.refundCents ? 'Cancelled. Your refund is on its way.' : 'Cancelled.');
      router.refresh();
    } catch {
      setError('We could not reach the server. Nothing changed; please try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {done && (
        <Alert tone="success" role="status" className="mb-3">
          {done}
        </Alert>
      )}
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title={`${label}?`} description={consequence} role="alertdialog">
        {error && (
          <Alert tone="danger" role="alert" className="mb-3">
            {error}
          </Alert>
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Keep it
          </Button>
          <Button variant="danger" onClick={cancel} busy={busy}>
            Yes, cancel
          </Button>
        </div>
      </Dialog>
    </>
  );
}
