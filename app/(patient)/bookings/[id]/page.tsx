import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { BookingConfirmedActions, BookingPendingPayment } from '@/components/booking/booking-actions';
import { BookingDetails } from '@/components/booking/booking-details';
import { BookingNotices } from '@/components/booking/booking-notices';
import { ConsultSummary } from '@/components/booking/consult-summary';
import { BookingStatusBadge } from '@/components/booking/status-badge';
import { ButtonLink } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { audit } from '@/lib/audit';
import { requireUser } from '@/lib/auth/guards';
import { nowMs } from '@/lib/booking/clock';
import { bookingForActor } from '@/lib/booking/booking-for-actor';
import { readConsultSummariesForPatient } from '@/lib/consults/read-consult-summaries';
import { bookWithClinicianPath, consultNotesPath } from '@/lib/urls';

export const metadata: Metadata = { title: 'Booking' };
export const dynamic = 'force-dynamic';

export default async function BookingPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ paid?: string; abandoned?: string; cancelled?: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const sp = await searchParams;
  const found = z.uuid().safeParse(id).success ? await bookingForActor(await getDb(), user, id) : null;
  if (!found) {
    await audit({ actor: user, action: 'booking.view', resourceType: 'booking', resourceId: id, outcome: 'denied' });
    notFound();
  }
  const { view: b, as } = found;
  await audit({ actor: user, action: 'booking.view', resourceType: 'booking', resourceId: b.id, patientId: b.patientId });
  const summary = as === 'patient' && b.status === 'completed' ? (await readConsultSummariesForPatient(user, { bookingIds: [b.id] })).get(b.id) : undefined;
  const viewerZone = as === 'patient' ? b.patientTimezone : b.clinicianTimezone;
  const now = nowMs();

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={`${b.consultTypeName}`} description={as === 'patient' ? `With ${b.clinicianName}` : `With ${b.patientName ?? b.patientEmail}`} />
      <BookingNotices booking={b} paid={sp.paid} abandoned={sp.abandoned} />
      <Card className="space-y-4">
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-muted">Status</span>
          <BookingStatusBadge status={b.status} />
        </div>
        <BookingDetails booking={b} as={as} viewerZone={viewerZone} />

        {b.status === 'pending_payment' && b.payment && !sp.paid && <BookingPendingPayment booking={b} as={as} viewerZone={viewerZone} />}

        {b.status === 'confirmed' && <BookingConfirmedActions booking={b} as={as} viewerZone={viewerZone} now={now} />}

        {as === 'clinician' && (b.status === 'completed' || (b.status === 'confirmed' && b.startsAt.getTime() <= now)) && (
          <ButtonLink href={consultNotesPath(b.id)} variant={b.status === 'completed' ? 'secondary' : 'primary'}>
            {b.status === 'completed' ? 'Consult notes' : 'Write notes and complete'}
          </ButtonLink>
        )}
        {summary?.patientSummary && <ConsultSummary clinicianName={b.clinicianName} summary={summary.patientSummary} updatedAt={summary.updatedAt} timeZone={b.patientTimezone} />}

        {(b.status === 'cancelled' || b.status === 'expired') && as === 'patient' && (
          <ButtonLink href={bookWithClinicianPath(b.clinicianId)} variant="secondary">
            Book another time
          </ButtonLink>
        )}
      </Card>
      <p className="mt-4 text-sm">
        <Link href={as === 'patient' ? '/bookings' : '/schedule'} className="text-brand-700 underline">
          {as === 'patient' ? 'All my bookings' : 'Back to my schedule'}
        </Link>
      </p>
    </div>
  );
}
