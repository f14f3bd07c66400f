import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { listBookableClinicians } from '@/db/queries/availability';
import { withDatabaseErrors } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** CONTRACTS §5: bookable clinicians. Public: names, areas and zones are what a booking page shows anyway. */
async function handleGet() {
  const rows = await listBookableClinicians(await getDb());
  return NextResponse.json(rows.map((c) => ({ id: c.id, name: c.name, areas: c.areas, timezone: c.timezone, title: c.title })));
}

export const GET = withDatabaseErrors(handleGet);
