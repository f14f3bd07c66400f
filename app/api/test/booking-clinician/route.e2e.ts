import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db';
import { readJsonBody } from '@/lib/http';
import { refuseFactoryRequest } from '@/lib/testing/factory-route';
import { isValidTimeZone } from '@/lib/booking/zoned-time';
import { makeBookableClinician } from '@/lib/testing/factories/booking';

export const dynamic = 'force-dynamic';

const body = z.object({
  timezone: z.string().refine(isValidTimeZone, 'Unknown time zone').default('America/New_York'),
  name: z.string().min(3).max(80).optional(),
  /** A clinician who has not set any working hours yet (must not be offered to patients). */
  noHours: z.boolean().default(false),
});

/**
 * E2E factory (404 unless E2E_FACTORIES): a fresh bookable clinician working every day 07:00-21:00 in `timezone`,
 * so each browser test books slots nobody else is racing for.
 */
export async function POST(req: Request) {
  const refused = refuseFactoryRequest(req);
  if (refused) return refused;
  const parsed = await readJsonBody(req, body);
  if (!parsed.ok) return parsed.response;
  const name = parsed.data.name ?? `Dr Test ${Math.random().toString(36).slice(2, 7)}`;
  const c = await makeBookableClinician(await getDb(), {
    timezone: parsed.data.timezone,
    name,
    hours: parsed.data.noHours ? [] : [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 7 * 60, endMinute: 21 * 60 })),
  });
  return NextResponse.json({ id: c.id, name: c.name, timezone: c.timezone, email: c.email }, { status: 201 });
}
