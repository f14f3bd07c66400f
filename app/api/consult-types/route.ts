import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { listConsultTypes } from '@/db/queries/consult-types';
import { withDatabaseErrors } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** CONTRACTS §5: active consult types with their price. */
async function handleGet() {
  const rows = await listConsultTypes(await getDb());
  return NextResponse.json(
    rows.map((t) => ({
      id: t.id,
      name: t.name,
      durationMinutes: t.durationMinutes,
      priceCents: t.priceCents,
      currency: t.currency,
      description: t.description,
      fullRefundWindowHours: t.fullRefundWindowHours,
    })),
  );
}

export const GET = withDatabaseErrors(handleGet);
