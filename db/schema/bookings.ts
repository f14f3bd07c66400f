import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';
import type { BookingStatus } from '@/lib/domain/booking';
import { cases } from './cases';

/** What a patient can book: length, price and the policy around it (admin-editable). */
export const consultTypes = pgTable(
  'consult_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    durationMinutes: integer('duration_minutes').notNull(),
    priceCents: integer('price_cents').notNull(),
    currency: text('currency').notNull().default('gbp'),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(15),
    minNoticeMinutes: integer('min_notice_minutes').notNull().default(120),
    horizonDays: integer('horizon_days').notNull().default(60),
    fullRefundWindowHours: integer('full_refund_window_hours').notNull().default(24),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('consult_types_name_uq').on(t.name),
    check('consult_types_duration_ck', sql`${t.durationMinutes} between 5 and 480`),
    check('consult_types_price_ck', sql`${t.priceCents} >= 0`),
    check('consult_types_buffer_ck', sql`${t.bufferAfterMinutes} between 0 and 240`),
    check('consult_types_notice_ck', sql`${t.minNoticeMinutes} >= 0`),
    check('consult_types_horizon_ck', sql`${t.horizonDays} between 1 and 365`),
    check('consult_types_refund_ck', sql`${t.fullRefundWindowHours} >= 0`),
  ],
);

/** Weekly working hours in the clinician's own IANA time zone (minutes after local midnight; weekday 0 = Sunday). */
export const availabilityRules = pgTable(
  'availability_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicianId: text('clinician_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    startMinute: integer('start_minute').notNull(),
    endMinute: integer('end_minute').notNull(),
  },
  (t) => [
    index('availability_rules_clinician_idx').on(t.clinicianId, t.weekday),
    check('availability_rules_weekday_ck', sql`${t.weekday} between 0 and 6`),
    check('availability_rules_range_ck', sql`${t.startMinute} >= 0 and ${t.endMinute} <= 1440 and ${t.startMinute} < ${t.endMinute}`),
  ],
);

/**
 * Date-specific hours that replace the weekly rule for that local date. A row with no start/end means
 * "not working that day".
 */
export const availabilityOverrides = pgTable(
  'availability_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicianId: text('clinician_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    date: text('date').notNull(), // YYYY-MM-DD in the clinician's zone
    startMinute: integer('start_minute'),
    endMinute: integer('end_minute'),
  },
  (t) => [
    index('availability_overrides_clinician_idx').on(t.clinicianId, t.date),
    check('availability_overrides_date_ck', sql`${t.date} ~ '^\\d{4}-\\d{2}-\\d{2}$'`),
    check(
      'availability_overrides_range_ck',
      sql`(${t.startMinute} is null and ${t.endMinute} is null) or (${t.startMinute} >= 0 and ${t.endMinute} <= 1440 and ${t.startMinute} < ${t.endMinute})`,
    ),
  ],
);

/** Absolute intervals when the clinician cannot be booked (holidays, training). */
export const timeOff = pgTable(
  'time_off',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicianId: text('clinician_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    reason: text('reason').notNull().default(''),
  },
  (t) => [
    index('time_off_clinician_idx').on(t.clinicianId, t.startsAt),
    check('time_off_range_ck', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

/**
 * One row per booking attempt. The exclusion constraint (migration "bookings_no_overlap") forbids two rows of one
 * clinician whose [starts_at, blocked_until) intervals overlap while pending_payment or confirmed.
 * blocked_until = ends_at + the consult type's buffer.
 */
export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: text('patient_id')
      .notNull()
      .references(() => users.id),
    clinicianId: text('clinician_id')
      .notNull()
      .references(() => users.id),
    consultTypeId: uuid('consult_type_id')
      .notNull()
      .references(() => consultTypes.id),
    caseId: uuid('case_id').references(() => cases.id),
    status: text('status').$type<BookingStatus>().notNull().default('pending_payment'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }).notNull(),
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    priceCents: integer('price_cents').notNull(),
    currency: text('currency').notNull(),
    patientTimezone: text('patient_timezone').notNull().default('UTC'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    cancelledBy: text('cancelled_by').$type<'patient' | 'clinician' | 'system'>(),
    cancelReason: text('cancel_reason'),
    rescheduleCount: integer('reschedule_count').notNull().default(0),
    confirmationSentAt: timestamp('confirmation_sent_at', { withTimezone: true }),
    reminder24hSentAt: timestamp('reminder_24h_sent_at', { withTimezone: true }),
    reminder1hSentAt: timestamp('reminder_1h_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('bookings_clinician_time_idx').on(t.clinicianId, t.startsAt),
    index('bookings_patient_idx').on(t.patientId, t.startsAt),
    index('bookings_hold_idx').on(t.status, t.holdExpiresAt),
    check('bookings_status_ck', sql`${t.status} in ('pending_payment','confirmed','completed','cancelled','expired')`),
    check('bookings_range_ck', sql`${t.startsAt} < ${t.endsAt} and ${t.endsAt} <= ${t.blockedUntil}`),
    check('bookings_hold_ck', sql`${t.status} <> 'pending_payment' or ${t.holdExpiresAt} is not null`),
  ],
);

/**
 * What the clinician wrote after a consult: clinical notes (private to the rehab team) and an optional summary/plan
 * the patient reads. Append-only revisions: a correction is a new row with the next revision, never an UPDATE, so the
 * record shows what was written when (a clinical record must keep the text a colleague may already have relied on),
 * and the previous text never has to be copied into the audit log to survive. The latest revision is the current one.
 */
export const consultNotes = pgTable(
  'consult_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id),
    revision: integer('revision').notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    clinicalNotes: text('clinical_notes').notNull(),
    patientSummary: text('patient_summary'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Two corrections racing for the same next revision: the database lets one in (23505 for the other).
    uniqueIndex('consult_notes_booking_revision_uq').on(t.bookingId, t.revision),
    check('consult_notes_revision_ck', sql`${t.revision} >= 1`),
  ],
);
