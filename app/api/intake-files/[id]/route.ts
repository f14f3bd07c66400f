import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { apiGuard } from '@/lib/auth/guards';
import { intakeFileJson, viewIntakeFile } from '@/lib/intake-files/view-intake-file';
import { withDatabaseErrors } from '@/lib/http';

export const dynamic = 'force-dynamic';

/**
 * CONTRACTS §7: an uploaded report's state → 200 {"id","status","method","progress","pages","mime","attached",
 * "text"? (done), "message"? (failed)} for its uploader, and for the team once attached to a case they may read;
 * 404 for anyone else. Audited.
 */
async function handleGet(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const guard = await apiGuard(undefined, 'intake_file');
  if (!guard.ok) return guard.response;
  const { id } = await ctx.params;
  const found = await viewIntakeFile(await getDb(), guard.user, id, 'view');
  if (!found) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  return NextResponse.json(intakeFileJson(found), { headers: { 'cache-control': 'private, no-store' } });
}

export const GET = withDatabaseErrors(handleGet);
