import 'server-only';
import { getDb, type Db } from '@/db';
import { getBookableClinician } from '@/db/queries/availability';
import { countLiveHolds, expireLapsedHoldsInRange, getPatientCaseForBooking, insertHold, transitionBooking, type Booking } from '@/db/queries/bookings';
import { getConsultType } from '@/db/queries/consult-types';
import { insertPayment } from '@/db/queries/payments';
import { audit } from '@/lib/audit';
import { requestLog } from '@/lib/log';
import { CHECKOUT_CLOCK_MARGIN_MS, CHECKOUT_LIFETIME_MS, createCheckoutSession } from '@/lib/payments/gateway';
import { paymentsConfigured } from '@/lib/payments/stripe-client';
import { isBookableTime } from './availability';
import { PAYMENT_WINDOW_MS, refundTermsForSlot } from './policy';
import { BookingError, isDeadlock, isExclusionViolation, PAYMENTS_NOT_CONFIGURED_MESSAGE, SLOT_TAKEN_MESSAGE } from './errors';
import { isValidTimeZone } from './zoned-time';
import type { Actor } from '@/lib/domain/actor';

/** One patient cannot keep the calendar blocked with unpaid holds. */
const MAX_LIVE_HOLDS_PER_PATIENT = 3;

export interface HoldRequest {
  clinicianId: string;
  consultTypeId: string;
  startsAt: Date;
  intakeId?: string;
  timezone?: string;
  acknowledgeNoRefund?: boolean;
}

/**
 * The Idempotency-Key's record, written in this service's transactions (lib/idempotency): with the hold, then its
 * response once checkout is ready, or its removal when the hold is released because checkout failed.
 */
export interface HoldHooks {
  /** First statement of the hold's transaction. */
  onHold?: (tx: Db) => Promise<void>;
  onCheckout?: (tx: Db, result: HoldResult) => Promise<void>;
  onReleased?: (tx: Db) => Promise<void>;
}

export interface HoldResult {
  id: string;
  status: 'pending_payment';
  holdExpiresAt: string;
  checkoutUrl: string;
}

/**
 * Holds a slot for a patient and opens the Checkout Session that pays for it. The hold is the booking row itself
 * (status pending_payment until holdExpiresAt), so the exclusion constraint decides races: of many concurrent
 * requests for one slot exactly one insert commits; the others get SQLSTATE 23P01 → slot_unavailable.
 */
export async function holdSlot(patient: Actor, req: HoldRequest, hooks: HoldHooks = {}): Promise<HoldResult> {
  // Never a free consult: without Stripe keys outside demo mode nothing is held (no demo checkout fallback).
  if (!paymentsConfigured()) throw new BookingError('payments_not_configured', PAYMENTS_NOT_CONFIGURED_MESSAGE);
  const db = await getDb();
  const [type, clinician] = await Promise.all([getConsultType(db, req.consultTypeId), getBookableClinician(db, req.clinicianId)]);
  if (!type || !type.active) throw new BookingError('not_found', 'That consult type does not exist.');
  if (!clinician) throw new BookingError('not_found', 'That clinician cannot be booked.');
  if (req.intakeId && !(await getPatientCaseForBooking(db, patient.id, req.intakeId))) {
    throw new BookingError('intake_not_found', 'We could not find that case.');
  }
  if ((await countLiveHolds(db, patient.id, new Date())) >= MAX_LIVE_HOLDS_PER_PATIENT) {
    throw new BookingError('too_many_holds', `You already have ${MAX_LIVE_HOLDS_PER_PATIENT} times on hold. Pay for one or release it in My bookings first.`);
  }
  if (!(await isBookableTime(db, clinician, type, req.startsAt))) {
    throw new BookingError('slot_unavailable', 'That time is not offered (outside working hours, too soon or too far ahead). Please pick one of the listed slots.');
  }

  // The booking page showed this slot's policy; a slot inside the no-refund period needs the patient's tick.
  const terms = refundTermsForSlot({ startsAt: req.startsAt.getTime(), now: Date.now(), fullRefundWindowHours: type.fullRefundWindowHours, payWithinMs: PAYMENT_WINDOW_MS });
  if (!terms.refundable && req.acknowledgeNoRefund !== true) {
    throw new BookingError(
      'no_refund_not_acknowledged',
      `This time is inside the ${type.fullRefundWindowHours}-hour no-refund period: if you cancel or miss it, you are not refunded. Tick the box to confirm you understand, or choose a later time.`,
    );
  }

  const startsAt = req.startsAt;
  const endsAt = new Date(startsAt.getTime() + type.durationMinutes * 60_000);
  const blockedUntil = new Date(endsAt.getTime() + type.bufferAfterMinutes * 60_000);
  const holdExpiresAt = new Date(Date.now() + CHECKOUT_LIFETIME_MS + CHECKOUT_CLOCK_MARGIN_MS);
  const patientTimezone = req.timezone && isValidTimeZone(req.timezone) ? req.timezone : patient.timezone;

  let booking: Booking;
  try {
    booking = await runAgainOnDeadlock(() => db.transaction(async (tx) => {
      // First: a concurrent duplicate (same key) waits here for this one, then replays it instead of racing for the slot.
      await hooks.onHold?.(tx);
      // A constraint cannot read the clock: clear lapsed holds in this range first, in the same transaction.
      await expireLapsedHoldsInRange(tx, clinician.id, startsAt, blockedUntil);
      const row = await insertHold(tx, {
        patientId: patient.id,
        clinicianId: clinician.id,
        consultTypeId: type.id,
        caseId: req.intakeId ?? null,
        startsAt,
        endsAt,
        blockedUntil,
        holdExpiresAt,
        priceCents: type.priceCents,
        currency: type.currency,
        patientTimezone,
      });
      await audit(
        { actor: patient, action: 'booking.hold', resourceType: 'booking', resourceId: row.id, patientId: patient.id, details: { clinicianId: clinician.id, startsAt: startsAt.toISOString() } },
        tx,
      );
      return row;
    }));
  } catch (err) {
    if (isExclusionViolation(err)) throw new BookingError('slot_unavailable', SLOT_TAKEN_MESSAGE);
    throw err;
  }

  // The network call happens after the commit: a transaction never waits on Stripe.
  try {
    const session = await createCheckoutSession({
      bookingId: booking.id,
      patientId: patient.id,
      customerEmail: patient.email,
      productName: `${type.name} with ${clinician.name}`,
      description: `${type.durationMinutes}-minute video consult, ${startsAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      amountCents: type.priceCents,
      currency: type.currency,
      expiresAt: holdExpiresAt,
    });
    const result: HoldResult = { id: booking.id, status: 'pending_payment', holdExpiresAt: holdExpiresAt.toISOString(), checkoutUrl: session.url };
    await db.transaction(async (tx) => {
      await insertPayment(tx, {
        bookingId: booking.id,
        provider: session.provider,
        checkoutSessionId: session.id,
        checkoutUrl: session.url,
        amountCents: type.priceCents,
        currency: type.currency,
      });
      await hooks.onCheckout?.(tx, result);
    });
    return result;
  } catch (err) {
    (await requestLog()).error({ err, bookingId: booking.id }, 'checkout session could not be created; releasing the hold');
    await db.transaction(async (tx) => {
      await transitionBooking(tx, booking.id, 'pending_payment', { status: 'expired' });
      await hooks.onReleased?.(tx);
    });
    throw new BookingError('payment_provider_error', 'We could not start the payment. Nothing was charged and the time was released — please try again.');
  }
}

/** Runs a transaction again when PostgreSQL aborted it as one side of a deadlock (isDeadlock), at most `attempts` times. */
async function runAgainOnDeadlock<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (!isDeadlock(err) || attempt >= attempts) throw err;
    }
  }
}
