import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConsultNotesForm } from '@/components/booking/consult-notes-form';
import { BookingStatusBadge } from '@/components/booking/status-badge';
import { Alert } from '@/components/ui/badge';
import { Card, PageHeader } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/guards';
import { nowMs } from '@/lib/booking/clock';
import { formatInZone, formatRangeInZone } from '@/lib/booking/format';
import { readConsultNotesForClinician } from '@/lib/consults/read-consult-notes';
import { bookingPagePath, clinicianCasePath } from '@/lib/urls';
import { completeConsultAction, correctConsultNotesAction } from './actions';

export const metadata: Metadata = { title: 'Consult notes' };
export const dynamic = 'force-dynamic';

/**
 * Notes after a consult, for the clinician who held it: write them and complete the consult once it has started,
 * correct them afterwards. Anyone else (patients, other clinicians) gets 404.
 */
export default async function ConsultNotesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ completed?: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const { completed } = await searchParams;
  const found = await readConsultNotesForClinician(user, id);
  if (!found) notFound();
  const { booking: b, notes } = found;
  const zone = b.clinicianTimezone;
  const patientName = b.patientName ?? b.patientEmail;
  const started = b.startsAt.getTime() <= nowMs();

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Consult notes"
        description={
          <>
            {b.consultTypeName} with {patientName}
            <span className="block text-sm">{formatRangeInZone(b.startsAt, b.endsAt, zone)}</span>
          </>
        }
      />
      <Card className="space-y-5">
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-muted">Status</span>
          <BookingStatusBadge status={b.status} />
          {b.status === 'completed' && b.completedAt && <span className="text-sm text-muted">since {formatInZone(b.completedAt, zone)}</span>}
        </div>

        {b.status === 'confirmed' && !started && (
          <Alert tone="info" title="Notes open when the consult starts">
            You can write notes and complete this consult from {formatInZone(b.startsAt, zone)}.
          </Alert>
        )}
        {b.status === 'confirmed' && started && (
          <>
            <p className="text-sm">Write your notes, add a summary for the patient if you want to share one, and complete the consult. Completing cannot be undone; the notes can be corrected later.</p>
            <ConsultNotesForm bookingId={b.id} mode="complete" patientName={patientName} initial={{ clinicalNotes: '', patientSummary: '' }} save={completeConsultAction} />
          </>
        )}
        {b.status === 'completed' && (
          <>
            {completed && (
              <Alert tone="success" role="status" title="Consult completed, notes saved">
                {completed === 'shared' ? `${patientName} can read your summary on their bookings page and has been emailed.` : 'Nothing was shared with the patient.'}
              </Alert>
            )}
            {notes && (
              <p className="text-sm text-muted" data-testid="notes-revision">
                Revision {notes.revision}, saved {formatInZone(notes.createdAt, zone)}
                {notes.authorName ? ` by ${notes.authorName}` : ''}. A correction is kept as a new revision; earlier ones stay on record.
              </p>
            )}
            <ConsultNotesForm
              bookingId={b.id}
              mode="correct"
              patientName={patientName}
              initial={{ clinicalNotes: notes?.clinicalNotes ?? '', patientSummary: notes?.patientSummary ?? '' }}
              save={correctConsultNotesAction}
            />
          </>
        )}
        {(b.status === 'cancelled' || b.status === 'expired' || b.status === 'pending_payment') && (
          <Alert tone="info" title="No consult to write notes for">
            This booking is {b.status === 'pending_payment' ? 'not paid yet' : b.status}, so there is nothing to complete.
          </Alert>
        )}
      </Card>
      <nav aria-label="Related pages" className="mt-4 flex flex-wrap gap-x-4 gap-y-2 text-sm">
        <Link href="/schedule" className="text-brand-700 underline">
          Back to my schedule
        </Link>
        <Link href={bookingPagePath(b.id)} className="text-brand-700 underline">
          Booking details
        </Link>
        {b.caseId && (
          <Link href={clinicianCasePath(b.caseId)} className="text-brand-700 underline">
            The patient&apos;s case
          </Link>
        )}
      </nav>
    </div>
  );
}
