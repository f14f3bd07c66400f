import Link from 'next/link';
import type { BookingView } from '@/db/queries/bookings';
import { formatInZone, formatMoney, formatTime } from '@/lib/booking/format';
import { canReschedule, decideCancellation, describeRefundTerms, refundTermsForSlot, type BookingSide } from '@/lib/booking/policy';
import { ROOM_OPENS_MINUTES_BEFORE } from '@/lib/domain/room-window';
import { consultRoomPath } from '@/lib/urls';
import { CancelBookingButton } from './cancel-booking-button';
import { ReschedulePanel } from './reschedule-panel';

type Props = { booking: BookingView; as: BookingSide; viewerZone: string };

/** A held booking: pay to confirm it, or give the time back. */
export function BookingPendingPayment({ booking: b, as, viewerZone }: Props) {
  if (!b.payment) return null;
  return (
    <div className="space-y-3">
      <p className="text-sm">
        Held for you until {b.holdExpiresAt ? formatTime(b.holdExpiresAt.getTime(), viewerZone) : '—'}. Pay to confirm it.
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        {as === 'patient' && <a href={b.payment.checkoutUrl} className="inline-flex min-h-10 items-center justify-center rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">Continue to payment</a>}
        <CancelBookingButton bookingId={b.id} label="Release this time" consequence="Nothing has been charged. The time becomes free for others." />
      </div>
    </div>
  );
}

/** A confirmed booking: the room, the refund terms as they stand now, and what each side may still change. */
export function BookingConfirmedActions({ booking: b, as, viewerZone, now }: Props & { now: number }) {
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
  );
}
