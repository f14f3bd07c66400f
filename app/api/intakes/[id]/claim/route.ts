import { NextResponse } from 'next/server';
import { apiWriteGuard } from '@/lib/auth/guards';
import { claimCase } from '@/lib/cases/claim-case';
import { withDatabaseErrors } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** CONTRACTS §4b: 200 {assignedClinicianId} for the one winner; 409 already_claimed (with who) for everyone else. */
async function handlePost(req: Request, ctx: { params: Promise<{ id: string }> }) {
    const guard = await apiWriteGuard(req, ['clinician'], 'case');
  if (!guard.ok) return guard.response;
  const { id } = await ctx.params;
  const r = await claimCase(guard.user, id);
  if (r.ok) return NextResponse.json({ assignedClinicianId: r.assignedClinicianId, assigneeName: r.assigneeName });
  if (r.reason === 'not_found') return NextResponse.json({ error: 'not_found' }, { status: 404 });
  if (r.reason === 'not_open') {
    return NextResponse.json({ error: 'case_closed', message: 'This case already has a decision; it cannot be claimed.', assignedClinicianId: r.assignedClinicianId }, { status: 409 });
  }
  return NextResponse.json({ error: 'already_claimed', assignedClinicianId: r.assignedClinicianId, assigneeName: r.assigneeName }, { status: 409 });
}

export const POST = withDatabaseErrors(handlePost);
