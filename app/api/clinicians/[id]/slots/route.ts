import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { getBookableClinician } from '@/db/queries/availability';
import { getConsultType } from '@/db/queries/consult-types';
import { findFreeSlots } from '@/lib/booking/availability';
import { fieldErrorsOf, withDatabaseErrors } from '@/lib/http';
import { slotQuerySchema } from '@/lib/validation/booking';

export const dynamic = 'force-dynamic';

/** CONTRACTS §5: free slots in UTC — working hours minus bookings, live holds, time off, buffer and minimum notice. */
async function handleGet(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const url = new URL(req.url);
  const parsed = slotQuerySchema.safeParse({ consultType: url.searchParams.get('consultType') ?? undefined, from: url.searchParams.get('from') ?? undefined, to: url.searchParams.get('to') ?? undefined });
  if (!parsed.success) return NextResponse.json({ error: 'invalid_query', fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 });
  const db = await getDb();
  const [clinician, type] = await Promise.all([getBookableClinician(db, id), getConsultType(db, parsed.data.consultType)]);
  if (!clinician) return NextResponse.json({ error: 'not_found', message: 'No bookable clinician with that id.' }, { status: 404 });
  if (!type || !type.active) return NextResponse.json({ error: 'not_found', message: 'No consult type with that id.' }, { status: 404 });
  const slots = await findFreeSlots(db, clinician, type, { from: new Date(parsed.data.from), to: new Date(parsed.data.to) });
  return NextResponse.json(
    slots.map((s) => ({ startsAt: new Date(s.startsAt).toISOString(), endsAt: new Date(s.endsAt).toISOString() })),
    { headers: { 'cache-control': 'no-store' } },
  );
}

export const GET = withDatabaseErrors(handleGet);
