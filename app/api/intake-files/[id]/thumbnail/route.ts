import { getDb } from '@/db';
import { apiGuard } from '@/lib/auth/guards';
import { intakeFileBytesResponse } from '@/lib/intake-files/file-response';
import { withDatabaseErrors } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The uploaded report's page-1 PNG thumbnail, same access rule as GET /api/intake-files/:id; audited. */
async function handleGet(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const guard = await apiGuard(undefined, 'intake_file');
  if (!guard.ok) return guard.response;
  const { id } = await ctx.params;
  return intakeFileBytesResponse(await getDb(), guard.user, id, 'thumbnail');
}

export const GET = withDatabaseErrors(handleGet);
