import type Stripe from 'stripe';
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '@/db/client';
import { holdSlot } from '@/lib/booking/hold';
import { bookingCheckoutEffects } from '@/lib/booking/payment-effects';
import { resetEnvCache } from '@/lib/env';
import { stripeEventHandlers } from '@/lib/payments/handlers';
import { processStripeEvent } from '@/lib/payments/webhook';
import { makeBookableClinician, makeConsultType } from './factories/booking';
import { makePatient } from './factories/people';
import { startStripeStandIn, stripeEvent, type StripeStandIn } from './stripe-stand-in';

/** The top of the hour `h` hours from now: a time on every clinician's slot grid. */
export function hourFromNow(h: number): Date {
  const d = new Date(Date.now() + h * 3_600_000);
  d.setUTCMinutes(0, 0, 0);
  return d;
}

/**
 * For one describe block: the real Stripe SDK talks to a local stand-in (keys and webhook secret set, the
 * environment restored afterwards). Read `.stripe` inside tests, once beforeAll has run.
 */
export function useStripeStandIn(webhookSecret: string): { readonly stripe: StripeStandIn } {
  let stripe: StripeStandIn | undefined;
  const saved = { ...process.env };
  beforeAll(async () => {
    stripe = await startStripeStandIn();
    Object.assign(process.env, { STRIPE_SECRET_KEY: 'sk_test_stand_in', STRIPE_API_BASE: stripe.url, STRIPE_WEBHOOK_SECRET: webhookSecret });
    resetEnvCache();
  });
  afterAll(async () => {
    process.env = saved;
    resetEnvCache();
    await stripe?.close();
  });
  return {
    get stripe() {
      if (!stripe) throw new Error('useStripeStandIn: the stand-in starts in beforeAll');
      return stripe;
    },
  };
}

/**
 * A booking held and paid through the real path (holdSlot, then its checkout.session.completed) at `startsAt`, with
 * who and what it is for. factories/video-booking makeConfirmedBooking inserts a confirmed row directly instead.
 */
export async function makePaidBooking(db: Db, stripe: StripeStandIn, startsAt: Date) {
  const patient = await makePatient(db);
  const clinician = await makeBookableClinician(db);
  const type = await makeConsultType(db);
  // The patient ticks "no refund" for a slot inside the window (the booking page asks for it).
  const held = await holdSlot(patient, { clinicianId: clinician.id, consultTypeId: type.id, startsAt, acknowledgeNoRefund: true });
  const sessionId = new URL(held.checkoutUrl).pathname.split('/').pop()!;
  await processStripeEvent(stripeEvent('checkout.session.completed', stripe.complete(sessionId)) as unknown as Stripe.Event, stripeEventHandlers(bookingCheckoutEffects));
  return { patient, clinician, type, id: held.id, sessionId };
}
