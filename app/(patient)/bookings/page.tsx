import type { Metadata } from 'next';
import { getDb } from '@/db';
import { listPatientBookings } from '@/db/queries/bookings';
import { PatientBookingItem } from '@/components/booking/patient-booking-item';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { audit } from '@/lib/audit';
import { requireRole } from '@/lib/auth/guards';
import { nowMs } from '@/lib/booking/clock';
import { readConsultSummariesForPatient } from '@/lib/consults/read-consult-summaries';
import type { PatientConsultSummary } from '@/db/queries/consult-notes';

export const metadata: Metadata = { title: 'My bookings' };
export const dynamic = 'force-dynamic';

export default async function MyBookingsPage() {
  const user = await requireRole(['patient'], 'booking');
  const rows = await listPatientBookings(await getDb(), user.id);
  await audit({ actor: user, action: 'booking.list', resourceType: 'booking', patientId: user.id, details: { count: rows.length } });
  const summaries = await readConsultSummariesForPatient(user, { bookingIds: rows.filter((b) => b.status === 'completed').map((b) => b.id) });
  const now = nowMs();
  const upcoming = rows.filter((b) => b.endsAt.getTime() > now && (b.status === 'confirmed' || b.status === 'pending_payment')).reverse();
  const other = rows.filter((b) => !upcoming.includes(b));
  return (
    <div>
      <PageHeader title="My bookings" description="Your video consults, their status and receipts." actions={<ButtonLink href="/book">Book a consult</ButtonLink>} />
      {rows.length === 0 ? (
        <EmptyState title="No bookings yet" action={<ButtonLink href="/book">Book a video consult</ButtonLink>}>
          When you book a consult it appears here, with the link to the video room.
        </EmptyState>
      ) : (
        <div className="space-y-8">
          <BookingList title="Upcoming" items={upcoming} summaries={summaries} />
          <BookingList title="Past and cancelled" items={other} summaries={summaries} />
        </div>
      )}
    </div>
  );
}

function BookingList({ title, items, summaries }: { title: string; items: Awaited<ReturnType<typeof listPatientBookings>>; summaries: Map<string, PatientConsultSummary> }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={`h-${title}`}>
      <h2 id={`h-${title}`} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      <ul className="space-y-3">
        {items.map((b) => (
          <li key={b.id} className="rounded-xl border border-line bg-white p-4">
            <PatientBookingItem b={b} summary={summaries.get(b.id)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

