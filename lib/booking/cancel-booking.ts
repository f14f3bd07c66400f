import 'server-only';
import { getDb } from '@/db';
import { getBookingView, transitionBooking } from '@/db/queries/bookings';
import { recordRefund, transitionPayment } from '@/db/queries/payments';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/domain/actor';
import { requestLog } from '@/lib/log';
import { expireCheckoutSession, refundPayment } from '@/lib/payments/gateway';
import { bookingForActor } from './booking-for-actor';
import { BookingError } from './errors';
import { sendCancellation } from './notifications';
import { decideCancellation } from './policy';

export interface CancelResult {
  status: 'cancelled';
  refundCents: number;
}

/**
 * Cancels a hold or a confirmed booking by policy. A hold's Checkout Session is expired through the API after the
 * commit. A confirmed booking is refunded in the same transaction as the status change: if Stripe refuses, nothing
 * changes and the user can try again (the idempotency key keeps a retry to one refund).
 */
export async function cancelBooking(user: Actor, id: string, reason?: string): Promise<CancelResult> {
  const db = await getDb();
  const found = await bookingForActor(db, user, id);
  if (!found) throw new BookingError('not_found', 'Booking not found.');
  const { view, as } = found;
  const now = new Date();

  if (view.status === 'pending_payment') {
    const cancelled = await db.transaction(async (tx) => {
      const row = await transitionBooking(tx, id, 'pending_payment', { status: 'cancelled', cancelledAt: now, cancelledBy: as, cancelReason: reason ?? null });
      if (!row) return false;
      if (view.payment) await transitionPayment(tx, view.payment.id, ['open', 'processing'], { status: 'expired' });
      await audit({ actor: user, action: 'booking.cancel_hold', resourceType: 'booking', resourceId: id, patientId: view.patientId }, tx);
      return true;
    });
    if (!cancelled) throw new BookingError('state_changed', 'This booking changed a moment ago — reload to see its status.');
    if (view.payment) {
      // If the patient paid in the meantime, the completed event arrives for a cancelled booking and is refunded.
      await expireCheckoutSession(view.payment.provider, view.payment.checkoutSessionId).catch(async (err) =>
        (await requestLog()).warn({ err, bookingId: id }, 'could not expire the Checkout Session'),
      );
    }
    return { status: 'cancelled', refundCents: 0 };
  }

  if (view.status !== 'confirmed') throw new BookingError('state_changed', `This booking is already ${view.status.replace('_', ' ')}.`);
  const paid = view.payment && view.payment.status === 'paid' ? view.payment.amountCents - view.payment.refundedCents : 0;
  const decision = decideCancellation({ actor: as, startsAt: view.startsAt.getTime(), now: now.getTime(), fullRefundWindowHours: view.fullRefundWindowHours, paidCents: paid });
  if (!decision.allowed) throw new BookingError('not_allowed', 'This consult has already started, so it can no longer be cancelled.');

  try {
    return await db.transaction(async (tx) => {
      const row = await transitionBooking(tx, id, 'confirmed', { status: 'cancelled', cancelledAt: now, cancelledBy: as, cancelReason: reason ?? null });
      if (!row) throw new BookingError('state_changed', 'This booking changed a moment ago — reload to see its status.');
      let refunded = 0;
      if (decision.refundCents > 0 && view.payment?.paymentIntentId) {
        const refund = await refundPayment({
          provider: view.payment.provider,
          paymentIntentId: view.payment.paymentIntentId,
          amountCents: decision.refundCents,
          idempotencyKey: `cancel-refund:${id}`,
        });
        await recordRefund(tx, view.payment.id, refund.id, refund.amountCents);
        refunded = refund.amountCents;
      }
      const fresh = (await getBookingView(tx, id))!;
      await sendCancellation(tx, fresh, { by: as, refundCents: refunded });
      await audit({ actor: user, action: 'booking.cancel', resourceType: 'booking', resourceId: id, patientId: view.patientId, details: { by: as, refundCents: refunded, policy: decision.reason } }, tx);
      return { status: 'cancelled' as const, refundCents: refunded };
    });
  } catch (err) {
    if (err instanceof BookingError) throw err;
    (await requestLog()).error({ err, bookingId: id }, 'cancellation failed');
    throw new BookingError('payment_provider_error', 'We could not process the refund, so the booking is unchanged. Please try again in a minute.');
  }
}
