import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { bookings, cases, clinicianProfiles, consultTypes, patientProfiles, payments, users } from '../schema';
import type { BookingStatus } from '@/lib/domain/booking';

export type Booking = typeof bookings.$inferSelect;

/** A booking with what pages and mails show about it. */
export interface BookingView extends Booking {
  consultTypeName: string;
  durationMinutes: number;
  fullRefundWindowHours: number;
  clinicianName: string;
  clinicianTimezone: string;
  clinicianEmail: string;
  /** The name the patient gave in their intake (else their account's name). */
  patientName: string | null;
  patientEmail: string;
  patientPhone: string | null;
  patientMayCall: boolean | null;
  /** The case this consult is about: the booking's own, else the patient's latest case (null when they have none). */
  relatedCaseId: string | null;
  payment: {
    id: string;
    status: string;
    amountCents: number;
    currency: string;
    refundedCents: number;
    checkoutUrl: string;
    checkoutSessionId: string;
    paymentIntentId: string | null;
    provider: 'stripe' | 'demo';
  } | null;
}

const patientUsers = users;
const clinicianUsers = alias(users, 'clinician_users');

function viewQuery(db: Db) {
  return db
    .select({
      booking: bookings,
      consultTypeName: consultTypes.name,
      durationMinutes: consultTypes.durationMinutes,
      fullRefundWindowHours: consultTypes.fullRefundWindowHours,
      clinicianName: clinicianProfiles.displayName,
      clinicianTimezone: clinicianProfiles.timezone,
      clinicianEmail: clinicianUsers.email,
      patientName: sql<string | null>`coalesce(${patientProfiles.name}, ${patientUsers.name})`,
      patientEmail: patientUsers.email,
      patientPhone: patientProfiles.phone,
      patientMayCall: patientProfiles.mayCall,
      relatedCaseId: sql<string | null>`coalesce(${bookings.caseId}, (select ${cases.id} from ${cases} where ${cases.patientId} = ${bookings.patientId} order by ${cases.submittedAt} desc limit 1))`,
      payment: {
        id: payments.id,
        status: payments.status,
        amountCents: payments.amountCents,
        currency: payments.currency,
        refundedCents: payments.refundedCents,
        checkoutUrl: payments.checkoutUrl,
        checkoutSessionId: payments.checkoutSessionId,
        paymentIntentId: payments.paymentIntentId,
        provider: payments.provider,
      },
    })
    .from(bookings)
    .innerJoin(consultTypes, eq(consultTypes.id, bookings.consultTypeId))
    .innerJoin(clinicianProfiles, eq(clinicianProfiles.userId, bookings.clinicianId))
    .innerJoin(patientUsers, eq(patientUsers.id, bookings.patientId))
    .innerJoin(clinicianUsers, eq(clinicianUsers.id, bookings.clinicianId))
    .leftJoin(patientProfiles, eq(patientProfiles.userId, bookings.patientId))
    .leftJoin(payments, eq(payments.bookingId, bookings.id));
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof viewQuery>['execute']>>[number];

function toView(r: ViewRow): BookingView {
  return {
    ...r.booking,
    consultTypeName: r.consultTypeName,
    durationMinutes: r.durationMinutes,
    fullRefundWindowHours: r.fullRefundWindowHours,
    clinicianName: r.clinicianName,
    clinicianTimezone: r.clinicianTimezone,
    clinicianEmail: r.clinicianEmail,
    patientName: r.patientName,
    patientEmail: r.patientEmail,
    patientPhone: r.patientPhone,
    patientMayCall: r.patientMayCall,
    relatedCaseId: r.relatedCaseId,
    payment: r.payment && r.payment.checkoutSessionId ? r.payment : null,
  };
}

/** Any booking by id (system use: webhooks, jobs). Never expose without a scoped check. */
export async function getBookingView(db: Db, id: string): Promise<BookingView | null> {
  const rows = await viewQuery(db).where(eq(bookings.id, id)).limit(1);
  return rows[0] ? toView(rows[0]) : null;
}

/** A booking the patient owns, else null (callers answer 404). */
export async function getPatientBooking(db: Db, patientId: string, id: string): Promise<BookingView | null> {
  const rows = await viewQuery(db).where(and(eq(bookings.id, id), eq(bookings.patientId, patientId))).limit(1);
  return rows[0] ? toView(rows[0]) : null;
}

/** A booking with this clinician, else null. */
export async function getClinicianBooking(db: Db, clinicianId: string, id: string): Promise<BookingView | null> {
  const rows = await viewQuery(db).where(and(eq(bookings.id, id), eq(bookings.clinicianId, clinicianId))).limit(1);
  return rows[0] ? toView(rows[0]) : null;
}

export async function listPatientBookings(db: Db, patientId: string): Promise<BookingView[]> {
  const rows = await viewQuery(db)
    .where(and(eq(bookings.patientId, patientId), inArray(bookings.status, ['pending_payment', 'confirmed', 'completed', 'cancelled', 'expired'] as BookingStatus[])))
    .orderBy(desc(bookings.startsAt))
    .limit(100);
  return rows.map(toView);
}

/** The clinician's consults in [from, to): confirmed, completed (their notes open from here) and unexpired holds, oldest first. */
export async function listClinicianSchedule(db: Db, clinicianId: string, from: Date, to: Date): Promise<BookingView[]> {
  const rows = await viewQuery(db)
    .where(
      and(
        eq(bookings.clinicianId, clinicianId),
        gte(bookings.startsAt, from),
        lt(bookings.startsAt, to),
        sql`(${bookings.status} in ('confirmed', 'completed') or (${bookings.status} = 'pending_payment' and ${bookings.holdExpiresAt} > now()))`,
      ),
    )
    .orderBy(asc(bookings.startsAt));
  return rows.map(toView);
}

/**
 * Marks holds of this clinician that lapsed and overlap [start, blockedUntil) as expired, so the exclusion
 * constraint (which cannot read the clock) lets a new booking take their place.
 */
export async function expireLapsedHoldsInRange(db: Db, clinicianId: string, start: Date, blockedUntil: Date): Promise<number> {
  const rows = await db
    .update(bookings)
    .set({ status: 'expired', updatedAt: sql`now()` })
    .where(
      and(
        eq(bookings.clinicianId, clinicianId),
        eq(bookings.status, 'pending_payment'),
        lt(bookings.holdExpiresAt, sql`now()`),
        sql`tstzrange(${bookings.startsAt}, ${bookings.blockedUntil}, '[)') && tstzrange(${start.toISOString()}::timestamptz, ${blockedUntil.toISOString()}::timestamptz, '[)')`,
      ),
    )
    .returning({ id: bookings.id });
  return rows.length;
}

/** Every lapsed hold, any clinician (the expire-holds job). Returns the ids it expired. */
export async function expireAllLapsedHolds(db: Db): Promise<string[]> {
  const rows = await db
    .update(bookings)
    .set({ status: 'expired', updatedAt: sql`now()` })
    .where(and(eq(bookings.status, 'pending_payment'), lt(bookings.holdExpiresAt, sql`now()`)))
    .returning({ id: bookings.id });
  return rows.map((r) => r.id);
}

/** Forward-only status change: updates only when the booking is still in `from`. Returns the row or null. */
export async function transitionBooking(
  db: Db,
  id: string,
  from: BookingStatus | BookingStatus[],
  set: Partial<typeof bookings.$inferInsert> & { status: BookingStatus },
): Promise<Booking | null> {
  const fromList = Array.isArray(from) ? from : [from];
  const [row] = await db
    .update(bookings)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(bookings.id, id), inArray(bookings.status, fromList)))
    .returning();
  return row ?? null;
}

/** The patient's own case a booking may be linked to (id and body areas), or null when it is not theirs. */
export async function getPatientCaseForBooking(db: Db, patientId: string, caseId: string): Promise<{ id: string; areas: string[] } | null> {
  const [row] = await db
    .select({ id: cases.id, areas: cases.areas })
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.patientId, patientId)))
    .limit(1);
  return row ?? null;
}

/** Holds of this patient that are still running at `now`. */
export async function countLiveHolds(db: Db, patientId: string, now: Date): Promise<number> {
  const [live] = await db
    .select({ n: count() })
    .from(bookings)
    .where(and(eq(bookings.patientId, patientId), eq(bookings.status, 'pending_payment'), gt(bookings.holdExpiresAt, now)));
  return live?.n ?? 0;
}

/** Inserts a hold (status pending_payment); the exclusion constraint refuses an overlap with SQLSTATE 23P01. */
export async function insertHold(db: Db, values: Omit<typeof bookings.$inferInsert, 'status'>): Promise<Booking> {
  const [row] = await db
    .insert(bookings)
    .values({ ...values, status: 'pending_payment' })
    .returning();
  return row!;
}

export async function getBookingStatus(db: Db, id: string): Promise<BookingStatus | null> {
  const [row] = await db.select({ status: bookings.status }).from(bookings).where(eq(bookings.id, id));
  return row?.status ?? null;
}

/**
 * Moves a booking that is still confirmed to a new time; its reminders are due again. The exclusion constraint
 * refuses an overlap (23P01). Returns false when the booking is no longer confirmed.
 */
export async function moveConfirmedBooking(db: Db, id: string, to: { startsAt: Date; endsAt: Date; blockedUntil: Date }): Promise<boolean> {
  const [row] = await db
    .update(bookings)
    .set({
      startsAt: to.startsAt,
      endsAt: to.endsAt,
      blockedUntil: to.blockedUntil,
      rescheduleCount: sql`${bookings.rescheduleCount} + 1`,
      reminder24hSentAt: null,
      reminder1hSentAt: null,
      updatedAt: new Date(),
    })
    .where(and(eq(bookings.id, id), eq(bookings.status, 'confirmed')))
    .returning({ id: bookings.id });
  return Boolean(row);
}

/** A delayed payment is processing: a hold still pending lasts at least until the consult starts. */
export async function holdUntilStart(db: Db, id: string): Promise<void> {
  await db
    .update(bookings)
    .set({ holdExpiresAt: sql`greatest(${bookings.holdExpiresAt}, ${bookings.startsAt})`, updatedAt: new Date() })
    .where(and(eq(bookings.id, id), eq(bookings.status, 'pending_payment')));
}

/** Claims the confirmation mail of a confirmed booking: true once, false for every later call. */
export async function claimConfirmationMail(db: Db, id: string): Promise<boolean> {
  const claimed = await db
    .update(bookings)
    .set({ confirmationSentAt: new Date() })
    .where(and(eq(bookings.id, id), eq(bookings.status, 'confirmed'), isNull(bookings.confirmationSentAt)))
    .returning({ id: bookings.id });
  return claimed.length > 0;
}

export type ReminderKind = '24h' | '1h';

const REMINDER_SENT = { '24h': bookings.reminder24hSentAt, '1h': bookings.reminder1hSentAt } as const;
const REMINDER_SENT_KEY = { '24h': 'reminder24hSentAt', '1h': 'reminder1hSentAt' } as const;

/**
 * Confirmed bookings whose `kind` reminder is unsent and that start in (now + floor, now + ahead], leaving out
 * those confirmed less than `ahead` before their start. At most 200 per call.
 */
export async function listBookingsDueReminder(db: Db, kind: ReminderKind, window: { now: Date; aheadHours: number; floorMs: number }): Promise<string[]> {
  const ahead = window.aheadHours * 3_600_000;
  const rows = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(
      and(
        eq(bookings.status, 'confirmed'),
        isNull(REMINDER_SENT[kind]),
        lte(bookings.startsAt, new Date(window.now.getTime() + ahead)),
        gt(bookings.startsAt, new Date(window.now.getTime() + window.floorMs)),
        sql`${bookings.confirmedAt} <= ${bookings.startsAt} - ${`${window.aheadHours} hours`}::interval`,
      ),
    )
    .limit(200);
  return rows.map((r) => r.id);
}

/** Claims one booking's `kind` reminder: true once while it is confirmed and unsent, false for every later call. */
export async function claimReminder(db: Db, id: string, kind: ReminderKind, at: Date): Promise<boolean> {
  const claimed = await db
    .update(bookings)
    .set({ [REMINDER_SENT_KEY[kind]]: at })
    .where(and(eq(bookings.id, id), eq(bookings.status, 'confirmed'), isNull(REMINDER_SENT[kind])))
    .returning({ id: bookings.id });
  return claimed.length > 0;
}
