import Link from 'next/link';
import type { BookingView } from '@/db/queries/bookings';
import type { PatientConsultSummary } from '@/db/queries/consult-notes';
import { formatInZone } from '@/lib/booking/format';
import { bookingPagePath } from '@/lib/urls';
import { ConsultSummary } from './consult-summary';
import { BookingStatusBadge } from './status-badge';

/** One of the patient's bookings in a list: what, when, status, and after a completed consult the shared summary. */
export function PatientBookingItem({ b, summary }: { b: BookingView; summary: PatientConsultSummary | undefined }) {
  return (
    <>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <div className="min-w-0">
          <Link href={bookingPagePath(b.id)} className="font-semibold text-brand-700 underline">
            {b.consultTypeName} with {b.clinicianName}
          </Link>
          <p className="text-sm text-muted">{formatInZone(b.startsAt, b.patientTimezone, { dateStyle: 'full' })}</p>
        </div>
        <BookingStatusBadge status={b.status} />
      </div>
      {b.status === 'completed' &&
        (summary?.patientSummary ? (
          <ConsultSummary clinicianName={b.clinicianName} summary={summary.patientSummary} updatedAt={summary.updatedAt} timeZone={b.patientTimezone} />
        ) : (
          <p className="mt-2 text-sm text-muted">{b.clinicianName} did not share a written summary for this consult.</p>
        ))}
    </>
  );
}
