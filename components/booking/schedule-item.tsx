import Link from 'next/link';
import type { BookingView } from '@/db/queries/bookings';
import { PatientContact } from '@/components/queue/patient-contact';
import { ButtonLink } from '@/components/ui/button';
import { formatTime } from '@/lib/booking/format';
import { bookingPagePath, clinicianCasePath, consultNotesPath } from '@/lib/urls';
import { BookingStatusBadge } from './status-badge';

/** One consult on the clinician's schedule: when, who and how to reach them, and the notes once it has started. */
export function ScheduleItem({ booking: b, zone, now }: { booking: BookingView; zone: string; now: number }) {
  return (
    <li className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0">
        <p className="font-medium">
          {formatTime(b.startsAt.getTime(), zone)}–{formatTime(b.endsAt.getTime(), zone)} ·{' '}
          <Link href={bookingPagePath(b.id)} className="text-brand-700 underline">
            {b.patientName ?? b.patientEmail}
          </Link>
        </p>
        <p>
          <PatientContact compact name={b.patientName} phone={b.patientPhone} mayCall={b.patientMayCall} email={b.patientEmail} />
          {b.relatedCaseId && (
            <>
              {' · '}
              <Link href={clinicianCasePath(b.relatedCaseId)} className="text-sm text-brand-700 underline">
                Case<span className="sr-only"> of {b.patientName ?? b.patientEmail}</span>
              </Link>
            </>
          )}
        </p>
        <p className="text-sm text-muted">
          {b.consultTypeName}
          {b.patientTimezone !== zone && ` · patient's time ${formatTime(b.startsAt.getTime(), b.patientTimezone)} (${b.patientTimezone.replace(/_/g, ' ')})`}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <BookingStatusBadge status={b.status} />
        {b.status === 'confirmed' && b.startsAt.getTime() <= now && (
          <ButtonLink href={consultNotesPath(b.id)} size="sm" aria-label={`Write notes for ${b.patientName ?? b.patientEmail}, ${formatTime(b.startsAt.getTime(), zone)}`}>
            Write notes
          </ButtonLink>
        )}
        {b.status === 'completed' && (
          <ButtonLink href={consultNotesPath(b.id)} size="sm" variant="secondary" aria-label={`Notes for ${b.patientName ?? b.patientEmail}, ${formatTime(b.startsAt.getTime(), zone)}`}>
            Notes
          </ButtonLink>
        )}
      </div>
    </li>
  );
}
