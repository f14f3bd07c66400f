import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { AwaitConfirmation } from '@/components/booking/await-confirmation';
import { CancelBookingButton } from '@/components/booking/cancel-booking-button';
import { ReschedulePanel } from '@/components/booking/reschedule-panel';
import { ConsultSummary } from '@/components/booking/consult-summary';
import { PatientContact } from '@/components/queue/patient-contact';
import { BookingStatusBadge } from '@/components/booking/status-badge';
import { Alert } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { audit } from '@/lib/audit';
import { requireUser } from '@/lib/auth/guards';
import { nowMs } from '@/lib/booking/clock';
import { formatInZone, formatMoney, formatRangeInZone, formatTime } from '@/lib/booking/format';
import { bookingForActor } from '@/lib/booking/booking-for-actor';
import { readConsultSummariesForPatient } from '@/lib/consults/read-consult-summaries';
import { ROOM_OPENS_MINUTES_BEFORE } from '@/lib/domain/room-window';
import { canReschedule, decideCancellation, describeRefundTerms, refundTermsForSlot } from '@/lib/booking/policy';
import { bookWithClinicianPath, clinicianCasePath, consultNotesPath, consultRoomPath } from '@/lib/urls';

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
  const otherZone = as === 'patient' ? b.clinicianTimezone : b.patientTimezone;
  const now = nowMs();
  const paidCents = b.payment?.status === 'paid' ? b.payment.amountCents - b.payment.refundedCents : 0;
  const decision = decideCancellation({ actor: as, startsAt: b.startsAt.getTime(), now, fullRefundWindowHours: b.fullRefundWindowHours, paidCents });
  const terms = refundTermsForSlot({ startsAt: b.startsAt.getTime(), now, fullRefundWindowHours: b.fullRefundWindowHours });
  const money = (c: number) => formatMoney(c, b.payment?.currency ?? b.currency);
  const consequence =
    as === 'clinician'
      ? `The patient gets a full refund of ${money(paidCents)} and an email.`
      : decision.refundCents > 0
        ? `You get a full refund of ${money(decision.refundCents)}.`
        : describeRefundTerms(terms, (ms) => formatInZone(ms, viewerZone), 'booked');

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={`${b.consultTypeName}`} description={as === 'patient' ? `With ${b.clinicianName}` : `With ${b.patientName ?? b.patientEmail}`} />
      {b.status === 'pending_payment' && sp.paid && <div className="mb-4"><AwaitConfirmation /></div>}
      {b.status === 'confirmed' && sp.paid && (
        <Alert tone="success" role="status" title="Payment received — you are booked" className="mb-4">
          A confirmation with a calendar file is on its way to {b.patientEmail}.
        </Alert>
      )}
      {b.status === 'expired' && sp.abandoned && (
        <Alert tone="info" role="status" title="Payment abandoned" className="mb-4">
          Nothing was charged and the time was released.{' '}
          <Link href={bookWithClinicianPath(b.clinicianId)} className="font-medium underline">
            Choose a time again
          </Link>
          .
        </Alert>
      )}
      <Card className="space-y-4">
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-muted">Status</span>
          <BookingStatusBadge status={b.status} />
        </div>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="text-sm text-muted">Your time</dt>
          <dd className="font-medium" data-testid="booking-time">
            {formatRangeInZone(b.startsAt, b.endsAt, viewerZone)}
          </dd>
          {otherZone !== viewerZone && (
            <>
              <dt className="text-sm text-muted">{as === 'patient' ? `${b.clinicianName.split(' ')[0]}'s time` : "Patient's time"}</dt>
              <dd>{formatInZone(b.startsAt, otherZone, { dateStyle: 'full' })}</dd>
            </>
          )}
          <dt className="text-sm text-muted">Length</dt>
          <dd>{b.durationMinutes} minutes, video</dd>
          {b.payment && (
            <>
              <dt className="text-sm text-muted">Payment</dt>
              <dd>
                {b.payment.status === 'paid' && `${money(b.payment.amountCents)} paid`}
                {b.payment.status === 'refunded' && `${money(b.payment.refundedCents)} refunded`}
                {b.payment.status === 'open' && `${money(b.payment.amountCents)} due`}
                {b.payment.status === 'processing' && `${money(b.payment.amountCents)} processing`}
                {(b.payment.status === 'expired' || b.payment.status === 'failed') && 'Not charged'}
                {b.payment.provider === 'demo' && <span className="text-sm text-muted"> (demo payment, no real money)</span>}
              </dd>
            </>
          )}
          {as === 'clinician' && (
            <>
              <dt className="text-sm text-muted">Patient</dt>
              <dd>
                <PatientContact compact name={b.patientName} phone={b.patientPhone} mayCall={b.patientMayCall} email={b.patientEmail} />
              </dd>
              <dt className="text-sm text-muted">Case</dt>
              <dd>
                {b.relatedCaseId ? (
                  <Link href={clinicianCasePath(b.relatedCaseId)} className="font-medium text-brand-700 underline">
                    {b.caseId ? 'Open the case this consult is about' : "Open the patient's latest case"}
                  </Link>
                ) : (
                  <span className="text-muted">The patient has no case with us.</span>
                )}
              </dd>
            </>
          )}
          {b.caseId && as === 'patient' && (
            <>
              <dt className="text-sm text-muted">Case</dt>
              <dd>Linked to your case, so the clinician reads your story first.</dd>
            </>
          )}
        </dl>

        {b.status === 'pending_payment' && b.payment && !sp.paid && (
          <div className="space-y-3">
            <p className="text-sm">
              Held for you until {b.holdExpiresAt ? formatTime(b.holdExpiresAt.getTime(), viewerZone) : '—'}. Pay to confirm it.
            </p>
            <div className="flex flex-col gap-2 sm:flex-row">
              {as === 'patient' && <a href={b.payment.checkoutUrl} className="inline-flex min-h-10 items-center justify-center rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">Continue to payment</a>}
              <CancelBookingButton bookingId={b.id} label="Release this time" consequence="Nothing has been charged. The time becomes free for others." />
            </div>
          </div>
        )}

        {b.status === 'confirmed' && (
          <div className="space-y-4">
            <div className="rounded-lg bg-brand-50 p-3 text-sm">
              <p className="font-medium">Video room</p>
              <p>
                The room opens {ROOM_OPENS_MINUTES_BEFORE} minutes before the start, at {formatTime(b.startsAt.getTime() - ROOM_OPENS_MINUTES_BEFORE * 60_000, viewerZone)}
                {' '}your time. The link is also in your confirmation email.
              </p>
              <Link href={consultRoomPath(b.id)} className="mt-1 inline-block font-medium text-brand-700 underline">
                Video room link
              </Link>
            </div>
            <p className="text-sm text-muted" data-testid="refund-policy">
              {as === 'patient' ? describeRefundTerms(terms, (ms) => formatInZone(ms, viewerZone), 'booked') : 'If you cancel, the patient is always refunded in full.'}
            </p>
            <div className="flex flex-col flex-wrap gap-2 sm:flex-row">
              <a href={`/api/bookings/${b.id}/ics`} className="inline-flex min-h-10 items-center justify-center rounded-lg border border-line bg-white px-4 py-2 font-medium hover:bg-brand-50">
                Add to calendar (.ics)
              </a>
              {decision.allowed && <CancelBookingButton bookingId={b.id} label="Cancel consult" consequence={consequence} />}
              {canReschedule({ actor: as, startsAt: b.startsAt.getTime(), now, fullRefundWindowHours: b.fullRefundWindowHours }) && (
                <ReschedulePanel bookingId={b.id} clinicianId={b.clinicianId} consultTypeId={b.consultTypeId} viewerTimezone={viewerZone} clinicianTimezone={b.clinicianTimezone} clinicianName={b.clinicianName} />
              )}
            </div>
          </div>
        )}

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
