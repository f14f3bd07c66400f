import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { getPatientBooking } from '@/db/queries/bookings';
import { getPaymentBySession } from '@/db/queries/payments';
import { BookingStatusBadge } from '@/components/booking/status-badge';
import { Alert } from '@/components/ui/badge';
import { Card, PageHeader } from '@/components/ui/card';
import { audit } from '@/lib/audit';
import { requireUser } from '@/lib/auth/guards';
import { formatInZone, formatMoney, formatTime } from '@/lib/booking/format';
import { isDemoPayments } from '@/lib/payments/stripe-client';
import { bookingPagePath } from '@/lib/urls';
import { DemoCheckoutForm } from './demo-checkout-form';

export const metadata: Metadata = { title: 'Demo payment' };
export const dynamic = 'force-dynamic';

/** Demo mode's stand-in for Stripe Checkout: clearly labelled, no card details, same webhook path. */
export default async function DemoCheckoutPage({ params }: { params: Promise<{ sessionId: string }> }) {
  if (!isDemoPayments()) notFound();
  const user = await requireUser();
  const { sessionId } = await params;
  const db = await getDb();
  const payment = sessionId.startsWith('cs_demo_') ? await getPaymentBySession(db, sessionId) : null;
  const booking = payment ? await getPatientBooking(db, user.id, payment.bookingId) : null;
  if (!payment || !booking) {
    await audit({ actor: user, action: 'checkout.view', resourceType: 'payment', resourceId: sessionId, outcome: 'denied' });
    notFound();
  }
  await audit({ actor: user, action: 'checkout.view', resourceType: 'booking', resourceId: booking.id, patientId: user.id });
  const amount = formatMoney(payment.amountCents, payment.currency);
  return (
    <div className="mx-auto max-w-xl">
      <div role="note" className="mb-4 rounded-xl border-2 border-dashed border-amber-600 bg-amber-50 p-4 text-amber-950">
        <p className="text-lg font-bold">Demo payment — no real money</p>
        <p className="mt-1 text-sm">
          This app runs without Stripe keys, so this page stands in for Stripe Checkout. No card is asked for and nothing is charged. Your choice is sent
          as a signed Stripe event to the same webhook that real payments use.
        </p>
      </div>
      <PageHeader title="Pay for your consult" />
      <Card className="space-y-4">
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="text-sm text-muted">Consult</dt>
          <dd>{booking.consultTypeName}</dd>
          <dt className="text-sm text-muted">With</dt>
          <dd>{booking.clinicianName}</dd>
          <dt className="text-sm text-muted">When</dt>
          <dd>{formatInZone(booking.startsAt, booking.patientTimezone, { dateStyle: 'full' })}</dd>
          <dt className="text-sm text-muted">Amount</dt>
          <dd className="text-lg font-semibold">{amount}</dd>
        </dl>
        {booking.status === 'pending_payment' ? (
          <>
            <p className="text-sm text-muted">
              The time is held for you until {booking.holdExpiresAt ? formatTime(booking.holdExpiresAt.getTime(), booking.patientTimezone) : 'the hold ends'} (
              {booking.patientTimezone.replace(/_/g, ' ')}).
            </p>
            <DemoCheckoutForm sessionId={sessionId} amount={amount} />
          </>
        ) : (
          <Alert tone="info" title="This checkout is closed">
            <span className="flex flex-wrap items-center gap-2">
              Booking status: <BookingStatusBadge status={booking.status} />
            </span>
            <Link href={bookingPagePath(booking.id)} className="mt-2 inline-block font-medium text-brand-700 underline">
              Go to the booking
            </Link>
          </Alert>
        )}
      </Card>
    </div>
  );
}
