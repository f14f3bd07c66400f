import { NextResponse } from 'next/server';
import { apiWriteGuard } from '@/lib/auth/guards';
import { readJsonBody, withDatabaseErrors } from '@/lib/http';
import { decideCase, describeConflict } from '@/lib/cases/decide-case';
import { decisionSchema } from '@/lib/validation/queue';

export const dynamic = 'force-dynamic';

/** A clinician's decision (advice | consult | referral): 201 {status} | 409 status_conflict | 400 field errors. */
async function handlePost(req: Request, ctx: { params: Promise<{ id: string }> }) {
    const guard = await apiWriteGuard(req, ['clinician'], 'case');
  if (!guard.ok) return guard.response;
  const { id } = await ctx.params;
  const parsed = await readJsonBody(req, decisionSchema, { maxBytes: 32_000 });
  if (!parsed.ok) return parsed.response;
  const r = await decideCase(guard.user, id, parsed.data);
  if (r.ok) return NextResponse.json({ status: r.status, eventId: r.eventId }, { status: 201 });
  if (r.reason === 'not_found') return NextResponse.json({ error: 'not_found' }, { status: 404 });
  return NextResponse.json(
    { error: 'status_conflict', message: describeConflict(r, guard.user.id), status: r.status, assignedClinicianId: r.assignedClinicianId },
    { status: 409 },
  );
}

export const POST = withDatabaseErrors(handlePost);
