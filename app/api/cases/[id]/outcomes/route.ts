import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { apiGuard } from '@/lib/auth/guards';
import { outcomesJson, readOutcomes } from '@/lib/outcomes/read-outcomes';
import { withDatabaseErrors } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** CONTRACTS §6: the case's plan, check-ins and trend, for its patient and clinicians who may read the case; else 404. */
async function handleGet(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const guard = await apiGuard(undefined, 'outcomes');
  if (!guard.ok) return guard.response;
  const { id } = await ctx.params;
  const found = await readOutcomes(await getDb(), guard.user, id);
  if (!found) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  return NextResponse.json(outcomesJson(found), { headers: { 'cache-control': 'private, no-store' } });
}

export const GET = withDatabaseErrors(handleGet);
