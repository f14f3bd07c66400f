import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { availabilityRules, consultTypes, users } from '../schema';
import { CONSULT_TYPE_DEFAULTS } from '@/lib/validation/booking';

/** The two consult types of the demo (prices in pence, GBP). */
export const DEMO_CONSULT_TYPES = [
  {
    name: 'Initial video consult',
    description: 'A full assessment of your story, imaging and training, with a plan you can start the same day.',
    ...CONSULT_TYPE_DEFAULTS,
    sortOrder: 1,
  },
  {
    name: 'Follow-up video consult',
    description: 'Review progress, adjust loading and answer new questions.',
    durationMinutes: 30,
    priceCents: 6000,
    currency: 'gbp',
    bufferAfterMinutes: 15,
    minNoticeMinutes: 120,
    horizonDays: 60,
    fullRefundWindowHours: 24,
    sortOrder: 2,
  },
];

const weekdays = (from: string, to: string) => {
  const [fh, fm] = from.split(':').map(Number);
  const [th, tm] = to.split(':').map(Number);
  return [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: fh! * 60 + fm!, endMinute: th! * 60 + tm! }));
};

/** Working hours in each clinician's own zone (see DEMO_ACCOUNTS): London, New York, London. */
const DEMO_HOURS: Record<string, { weekday: number; startMinute: number; endMinute: number }[]> = {
  'clinician@demo.test': [...weekdays('09:00', '12:30'), ...weekdays('13:30', '17:00')],
  'clinician2@demo.test': [...weekdays('08:00', '12:00'), { weekday: 6, startMinute: 9 * 60, endMinute: 12 * 60 }],
  'lead@demo.test': [
    { weekday: 2, startMinute: 14 * 60, endMinute: 18 * 60 },
    { weekday: 4, startMinute: 14 * 60, endMinute: 18 * 60 },
  ],
};

/** Idempotent: consult types are inserted by name if missing; hours only for clinicians who have none yet. */
export async function seedBooking(db: Db): Promise<void> {
  await db.insert(consultTypes).values(DEMO_CONSULT_TYPES).onConflictDoNothing({ target: consultTypes.name });
  const emails = Object.keys(DEMO_HOURS);
  const clinicians = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  for (const c of clinicians) {
    const [{ n }] = (await db
      .select({ n: sql<number>`count(*)::int` })
      .from(availabilityRules)
      .where(and(eq(availabilityRules.clinicianId, c.id)))) as [{ n: number }];
    if (n > 0) continue;
    await db.insert(availabilityRules).values(DEMO_HOURS[c.email]!.map((r) => ({ ...r, clinicianId: c.id })));
  }
}
