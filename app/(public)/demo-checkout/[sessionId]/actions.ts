'use server';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { formFailure, type ActionFailure } from '@/lib/action-result';
import { getPatientBooking } from '@/db/queries/bookings';
import { getPaymentBySession } from '@/db/queries/payments';
import { requireUser } from '@/lib/auth/guards';
import { requestLog } from '@/lib/log';
import { sendDemoCheckoutEvent, type DemoOutcome } from '@/lib/payments/demo-checkout';
import { isDemoPayments } from '@/lib/payments/stripe-client';
import { bookingPagePath } from '@/lib/urls';

export type DemoCheckoutState = ActionFailure | null;

async function finish(sessionId: string, outcome: DemoOutcome): Promise<DemoCheckoutState> {
  const user = await requireUser();
  if (!isDemoPayments()) return formFailure('The demo checkout is off because real Stripe keys are configured.');
  const db = await getDb();
  const payment = await getPaymentBySession(db, sessionId);
  const booking = payment ? await getPatientBooking(db, user.id, payment.bookingId) : null;
  if (!payment || !booking) return formFailure('This checkout does not exist or is not yours.');
  try {
    await sendDemoCheckoutEvent(payment, outcome);
  } catch (err) {
    (await requestLog()).error({ err }, 'demo checkout event failed');
    return formFailure('The payment could not be recorded. Nothing was booked; please try again.');
  }
  redirect(`${bookingPagePath(booking.id)}?${outcome === 'paid' ? 'paid=1' : 'abandoned=1'}`);
}

export async function payDemoCheckout(sessionId: string, _prev: DemoCheckoutState): Promise<DemoCheckoutState> {
  return finish(sessionId, 'paid');
}

export async function abandonDemoCheckout(sessionId: string, _prev: DemoCheckoutState): Promise<DemoCheckoutState> {
  return finish(sessionId, 'abandoned');
}
