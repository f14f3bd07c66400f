import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { apiGuard } from '@/lib/auth/guards';
import { intakeJson, readIntakeForViewer } from '@/lib/intake/read-intake';

export const dynamic = 'force-dynamic';

/** CONTRACTS §4: the intake with its assessment, for its own patient and for clinicians/admins; 404 for anyone else. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const guard = await apiGuard(undefined, 'intake');
  if (!guard.ok) return guard.response;
  const { id } = await ctx.params;
  const found = await readIntakeForViewer(await getDb(), guard.user, id, 'intake.view');
  if (!found) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  return NextResponse.json(intakeJson(found), { headers: { 'cache-control': 'private, no-store' } });
}
