import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { payments, stripeEvents, type PaymentStatus } from '../schema';

export type Payment = typeof payments.$inferSelect;

export async function insertPayment(db: Db, values: typeof payments.$inferInsert): Promise<Payment> {
  const [row] = await db.insert(payments).values(values).returning();
  return row!;
}

export async function getPaymentByBooking(db: Db, bookingId: string): Promise<Payment | null> {
  const [row] = await db.select().from(payments).where(eq(payments.bookingId, bookingId)).limit(1);
  return row ?? null;
}

export async function getPaymentBySession(db: Db, sessionId: string): Promise<Payment | null> {
  const [row] = await db.select().from(payments).where(eq(payments.checkoutSessionId, sessionId)).limit(1);
  return row ?? null;
}

export async function getPaymentByIntent(db: Db, paymentIntentId: string): Promise<Payment | null> {
  const [row] = await db.select().from(payments).where(eq(payments.paymentIntentId, paymentIntentId)).limit(1);
  return row ?? null;
}

/** Forward-only: changes the payment only while it is in one of `from`. */
export async function transitionPayment(
  db: Db,
  id: string,
  from: PaymentStatus[],
  set: Partial<typeof payments.$inferInsert> & { status: PaymentStatus },
): Promise<Payment | null> {
  const [row] = await db
    .update(payments)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(payments.id, id), inArray(payments.status, from)))
    .returning();
  return row ?? null;
}

/** Records a refund; refundedCents only grows. */
export async function recordRefund(db: Db, id: string, refundId: string, refundedCents: number): Promise<Payment | null> {
  const [row] = await db
    .update(payments)
    .set({
      status: 'refunded',
      refundId: sql`coalesce(${payments.refundId}, ${refundId})`,
      refundedCents: sql`greatest(${payments.refundedCents}, ${refundedCents})`,
      refundedAt: sql`coalesce(${payments.refundedAt}, now())`,
      updatedAt: new Date(),
    })
    .where(and(eq(payments.id, id), inArray(payments.status, ['paid', 'refunded'] as PaymentStatus[])))
    .returning();
  return row ?? null;
}

/** The open payments of these bookings become expired (their holds lapsed). */
export async function expireOpenPayments(db: Db, bookingIds: string[]): Promise<void> {
  await db
    .update(payments)
    .set({ status: 'expired', updatedAt: new Date() })
    .where(and(inArray(payments.bookingId, bookingIds), eq(payments.status, 'open')));
}

/** True the first time an event id is seen inside this transaction; false for a duplicate delivery. */
export async function claimStripeEvent(db: Db, id: string, type: string): Promise<boolean> {
  const rows = await db.insert(stripeEvents).values({ id, type }).onConflictDoNothing().returning({ id: stripeEvents.id });
  return rows.length > 0;
}
