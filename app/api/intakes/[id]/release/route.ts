import { NextResponse } from 'next/server';
import { apiWriteGuard } from '@/lib/auth/guards';
import { releaseCase } from '@/lib/cases/claim-case';
import { withDatabaseErrors } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** CONTRACTS §4b: the assignee puts the case back in the pool (200); anyone else gets 409 with who holds it. */
async function handlePost(req: Request, ctx: { params: Promise<{ id: string }> }) {
    const guard = await apiWriteGuard(req, ['clinician'], 'case');
  if (!guard.ok) return guard.response;
  const { id } = await ctx.params;
  const r = await releaseCase(guard.user, id);
  if (r.ok) return NextResponse.json({ assignedClinicianId: null });
  if (r.reason === 'not_found') return NextResponse.json({ error: 'not_found' }, { status: 404 });
  if (r.reason === 'not_open') return NextResponse.json({ error: 'case_closed', message: 'A decided case stays with its clinician.' }, { status: 409 });
  return NextResponse.json(
    { error: 'not_assignee', message: 'Only the clinician holding the case can release it.', assignedClinicianId: r.assignedClinicianId, assigneeName: r.assigneeName },
    { status: 409 },
  );
}

export const POST = withDatabaseErrors(handlePost);
