'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatInZone } from '@/lib/booking/format';
import { SlotPicker } from './slot-picker';

export function ReschedulePanel(props: { bookingId: string; clinicianId: string; consultTypeId: string; viewerTimezone: string; clinicianTimezone: string; clinicianName: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [startsAt, setStartsAt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);

  async function move() {
    if (!startsAt) return;
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/bookings/${props.bookingId}/reschedule`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ startsAt }) });
      const body = (await res.json().catch(() => ({}))) as { message?: string };
      if (!res.ok) {
        setError(body.message ?? 'The booking could not be moved.');
        setRefreshKey((k) => k + 1);
        setStartsAt(null);
        return;
      }
      setOpen(false);
      router.refresh();
    } catch {
      setError('We could not reach the server. Nothing changed; please try again.');
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Move to another time
      </Button>
    );
  }
  return (
    <section aria-labelledby="reschedule-heading" className="mt-4 w-full space-y-4 rounded-xl border border-line bg-white p-4">
      <h2 id="reschedule-heading" className="text-lg font-semibold">
        Choose a new time
      </h2>
      {error && (
        <Alert tone="warning" role="alert">
          {error}
        </Alert>
      )}
      <SlotPicker
        clinicianId={props.clinicianId}
        consultTypeId={props.consultTypeId}
        viewerTimezone={props.viewerTimezone}
        clinicianTimezone={props.clinicianTimezone}
        clinicianName={props.clinicianName}
        value={startsAt}
        onChange={setStartsAt}
        refreshKey={refreshKey}
      />
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button onClick={move} disabled={!startsAt} busy={busy}>
          {startsAt ? `Move to ${formatInZone(Date.parse(startsAt), props.viewerTimezone, { withZone: false })}` : 'Pick a time first'}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Never mind
        </Button>
      </div>
    </section>
  );
}
