import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { listBookableClinicians } from '@/db/queries/availability';

export const dynamic = 'force-dynamic';

/** CONTRACTS §5: bookable clinicians. Public: names, areas and zones are what a booking page shows anyway. */
export async function GET() {
  const rows = await listBookableClinicians(await getDb());
  return NextResponse.json(rows.map((c) => ({ id: c.id, name: c.name, areas: c.areas, timezone: c.timezone, title: c.title })));
}
