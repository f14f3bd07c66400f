import './zod-csp';
import { z } from 'zod';

const isoInstant = z.iso.datetime({ offset: true, message: 'Use an ISO 8601 date-time, e.g. 2026-03-30T08:00:00Z.' });

/** POST /api/bookings (CONTRACTS §5); `timezone` is an optional extra: the browser's zone for mails. */
export const createBookingSchema = z.object({
  clinicianId: z.string().min(1, 'Choose a clinician.').max(100),
  consultTypeId: z.uuid('Choose a consult type.'),
  startsAt: isoInstant,
  intakeId: z.uuid('That case id is not valid.').optional(),
  timezone: z.string().max(64).optional(),
  /** An extra (CONTRACTS §5 allows optional fields): the patient ticked "no refund" for a slot inside the window. */
  acknowledgeNoRefund: z.boolean().optional(),
});
export type CreateBookingInput = z.infer<typeof createBookingSchema>;

/** GET /api/clinicians/:id/slots query. The window is capped so one request cannot ask for years. */
export const slotQuerySchema = z
  .object({
    consultType: z.uuid('consultType must be a consult type id.'),
    from: isoInstant,
    to: isoInstant,
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: '`to` must be after `from`.', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 62 * 86_400_000, { message: 'Ask for at most 62 days at once.', path: ['to'] });

export const cancelBookingSchema = z.object({
  reason: z.string().trim().max(500, 'Keep the reason under 500 characters.').optional(),
});

export const rescheduleBookingSchema = z.object({
  startsAt: isoInstant,
});

const minuteOfDay = z.number().int().min(0).max(1440);

export const weeklyHoursSchema = z.object({
  rules: z
    .array(
      z
        .object({ weekday: z.number().int().min(0).max(6), startMinute: minuteOfDay, endMinute: minuteOfDay })
        .refine((r) => r.startMinute < r.endMinute, { message: 'The end must be after the start.', path: ['endMinute'] }),
    )
    .max(50),
});

export const dateOverrideSchema = z
  .object({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-24.'),
    closed: z.boolean(),
    startMinute: minuteOfDay.optional(),
    endMinute: minuteOfDay.optional(),
  })
  .refine((o) => o.closed || (o.startMinute !== undefined && o.endMinute !== undefined && o.startMinute < o.endMinute), {
    message: 'Give a start and an end, with the end after the start.',
    path: ['endMinute'],
  });

export const timeOffSchema = z
  .object({
    startsAt: isoInstant,
    endsAt: isoInstant,
    reason: z.string().trim().max(200).default(''),
  })
  .refine((t) => Date.parse(t.endsAt) > Date.parse(t.startsAt), { message: 'The end must be after the start.', path: ['endsAt'] });

export const CURRENCIES = ['gbp', 'eur', 'usd'] as const;

const wholeNumber = (what: string, min: number, max: number, range: string) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(1, `Enter ${what}.`)
    .regex(/^\d+$/, `Enter ${what} as a whole number.`)
    .transform(Number)
    .pipe(z.number().min(min, range).max(max, range));

/**
 * The admin's consult-type form, as typed (strings, price in major units, notice in hours): the same schema runs in
 * react-hook-form and in the server action, and its output is what the database stores.
 */
export const consultTypeSchema = z
  .object({
    name: z.string().trim().min(3, 'Give the consult type a name of at least 3 characters.').max(80, 'Keep the name under 80 characters.'),
    description: z.string().trim().max(300, 'Keep the description under 300 characters.'),
    durationMinutes: wholeNumber('the length in minutes', 5, 480, 'Between 5 minutes and 8 hours.'),
    price: z
      .string()
      .trim()
      .regex(/^\d+(\.\d{1,2})?$/, 'Give the price like 95 or 95.00.')
      .transform((v) => Math.round(Number(v) * 100))
      .pipe(z.number().max(1_000_000, 'At most 10,000.')),
    currency: z.enum(CURRENCIES, 'Choose GBP, EUR or USD.'),
    bufferAfterMinutes: wholeNumber('the buffer in minutes', 0, 240, 'Between 0 and 240 minutes.'),
    minNoticeHours: z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/, 'Enter the notice in hours, like 2 or 0.5.')
      .transform((v) => Math.round(Number(v) * 60))
      .pipe(z.number().max(60 * 24 * 30, 'At most 30 days.')),
    horizonDays: wholeNumber('the number of days', 1, 365, 'Between 1 day and a year ahead.'),
    fullRefundWindowHours: wholeNumber('the hours before the start', 0, 24 * 30, 'Between 0 and 720 hours (30 days).'),
    active: z.boolean(),
  })
  .transform(({ price, minNoticeHours, ...rest }) => ({ ...rest, priceCents: price, minNoticeMinutes: minNoticeHours }));
export type ConsultTypeFormInput = z.input<typeof consultTypeSchema>;
export type ConsultTypeFormOutput = z.output<typeof consultTypeSchema>;

/** What a new consult type starts from (the admin form's blank, the demo's first type): the team's usual consult. */
export const CONSULT_TYPE_DEFAULTS = {
  durationMinutes: 45,
  priceCents: 9500,
  currency: 'gbp',
  bufferAfterMinutes: 15,
  minNoticeMinutes: 120,
  horizonDays: 60,
  fullRefundWindowHours: 24,
} as const;
