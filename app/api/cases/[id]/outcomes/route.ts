import { NextResponse } from 'next/server';
import { withDatabaseErrors } from '@/lib/http';
import { outcomesJson } from '@/lib/outcomes/read-outcomes';
import { outcomesForRequest } from './read-for-request';

export const dynamic = 'force-dynamic';

/** CONTRACTS §6: the case's plan, check-ins and trend, for its patient and clinicians who may read the case; else 404. */
async function handleGet(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const r = await outcomesForRequest(ctx);
  if (!r.ok) return r.response;
  return NextResponse.json(outcomesJson(r.found), { headers: { 'cache-control': 'private, no-store' } });
}

export const GET = withDatabaseErrors(handleGet);
