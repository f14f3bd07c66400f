import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { apiGuard } from '@/lib/auth/guards';
import { readOutcomes, type CaseOutcomes } from '@/lib/outcomes/read-outcomes';

/**
 * The start both outcomes routes share (JSON and FHIR): the signed-in viewer's outcomes of case `:id`, or the answer
 * to send instead — 401 anonymous, 404 for anyone who may not read the case (or no such case).
 */
export async function outcomesForRequest(ctx: { params: Promise<{ id: string }> }): Promise<{ ok: true; found: CaseOutcomes } | { ok: false; response: Response }> {
  const guard = await apiGuard(undefined, 'outcomes');
  if (!guard.ok) return guard;
  const { id } = await ctx.params;
  const found = await readOutcomes(await getDb(), guard.user, id);
  if (!found) return { ok: false, response: NextResponse.json({ error: 'not_found' }, { status: 404 }) };
  return { ok: true, found };
}
