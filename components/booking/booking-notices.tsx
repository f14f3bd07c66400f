import Link from 'next/link';
import type { BookingView } from '@/db/queries/bookings';
import { Alert } from '@/components/ui/badge';
import { bookWithClinicianPath } from '@/lib/urls';
import { AwaitConfirmation } from './await-confirmation';

/** What the return from checkout (?paid, ?abandoned) means for this booking, above its details. */
export function BookingNotices({ booking: b, paid, abandoned }: { booking: BookingView; paid?: string; abandoned?: string }) {
  return (
    <>
      {b.status === 'pending_payment' && paid && <div className="mb-4"><AwaitConfirmation /></div>}
      {b.status === 'confirmed' && paid && (
        <Alert tone="success" role="status" title="Payment received — you are booked" className="mb-4">
          A confirmation with a calendar file is on its way to {b.patientEmail}.
        </Alert>
      )}
      {b.status === 'expired' && abandoned && (
        <Alert tone="info" role="status" title="Payment abandoned" className="mb-4">
          Nothing was charged and the time was released.{' '}
          <Link href={bookWithClinicianPath(b.clinicianId)} className="font-medium underline">
            Choose a time again
          </Link>
          .
        </Alert>
      )}
    </>
  );
}
