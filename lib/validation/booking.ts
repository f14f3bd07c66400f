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

export const consultTypeSchema = z.object({
  name: z.string().trim().min(3, 'Give the consult type a name.').max(80),
  description: z.string().trim().max(300).default(''),
  durationMinutes: z.coerce.number().int().min(5, 'At least 5 minutes.').max(480, 'At most 8 hours.'),
  priceCents: z.coerce.number().int().min(0, 'The price cannot be negative.').max(1_000_000),
  currency: z.enum(CURRENCIES, 'Choose GBP, EUR or USD.'),
  bufferAfterMinutes: z.coerce.number().int().min(0).max(240, 'At most 240 minutes.'),
  minNoticeMinutes: z.coerce.number().int().min(0).max(60 * 24 * 30),
  horizonDays: z.coerce.number().int().min(1).max(365, 'At most a year ahead.'),
  fullRefundWindowHours: z.coerce.number().int().min(0).max(24 * 30),
  active: z.boolean().default(true),
});
export type ConsultTypeFormInput = z.input<typeof consultTypeSchema>;
