import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bookings } from './bookings';

/** Forward-only too: open → processing → paid → refunded; open/processing → expired | failed. */
export const PAYMENT_STATUSES = ['open', 'processing', 'paid', 'refunded', 'expired', 'failed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** One Checkout Session per booking (demo mode: a local session id, same columns). */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id),
    provider: text('provider').$type<'stripe' | 'demo'>().notNull(),
    checkoutSessionId: text('checkout_session_id').notNull(),
    checkoutUrl: text('checkout_url').notNull(),
    paymentIntentId: text('payment_intent_id'),
    status: text('status').$type<PaymentStatus>().notNull().default('open'),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull(),
    refundId: text('refund_id'),
    refundedCents: integer('refunded_cents').notNull().default(0),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payments_session_uq').on(t.checkoutSessionId),
    uniqueIndex('payments_booking_uq').on(t.bookingId),
    index('payments_intent_idx').on(t.paymentIntentId),
    check('payments_status_ck', sql`${t.status} in ('open','processing','paid','refunded','expired','failed')`),
    check('payments_refund_ck', sql`${t.refundedCents} >= 0 and ${t.refundedCents} <= ${t.amountCents}`),
  ],
);

/** Every Stripe event id we acted on; inserted in the same transaction as the effect, so a duplicate does nothing. */
export const stripeEvents = pgTable('stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});
