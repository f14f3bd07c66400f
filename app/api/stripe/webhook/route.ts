import { NextResponse } from 'next/server';
import { readBodyText, withDatabaseErrors } from '@/lib/http';
import { bookingCheckoutEffects } from '@/lib/booking/payment-effects';
import { requestLog } from '@/lib/log';
import { stripeEventHandlers } from '@/lib/payments/handlers';
import { processStripeEvent, verifyStripeEvent } from '@/lib/payments/webhook';

export const dynamic = 'force-dynamic';

/** Stripe's events are a few kilobytes; anything far larger is not from Stripe and is cut off while streaming. */
const WEBHOOK_MAX_BYTES = 512_000;

/** Here the payment events meet what they pay for: payments stays a leaf that never imports booking. */
const HANDLERS = stripeEventHandlers(bookingCheckoutEffects);

/**
 * Stripe (and, in demo mode, the demo checkout) posts signed events here. Raw body → signature check → event id and
 * effect in one transaction → 200. Any failure answers 500 so Stripe retries.
 */
async function handlePost(req: Request) {
  const raw = await readBodyText(req, WEBHOOK_MAX_BYTES);
  if (!raw.ok) return raw.response;
  const verified = verifyStripeEvent(raw.text, req.headers.get('stripe-signature'));
  if (!verified.ok) return NextResponse.json({ error: verified.error, message: verified.message }, { status: verified.status });
  try {
    const outcome = await processStripeEvent(verified.event, HANDLERS);
    if (outcome === 'not_ready') {
      return NextResponse.json(
        { error: 'event_not_ready', message: 'This event refers to a payment not recorded yet; deliver it again later.' },
        { status: 503, headers: { 'retry-after': '60' } },
      );
    }
    return NextResponse.json({ received: true, outcome });
  } catch (err) {
    (await requestLog()).error({ err, event: verified.event.id, type: verified.event.type }, 'stripe webhook failed');
    return NextResponse.json({ error: 'processing_failed', message: 'The event could not be applied; Stripe will retry.' }, { status: 500 });
  }
}

export const POST = withDatabaseErrors(handlePost);
