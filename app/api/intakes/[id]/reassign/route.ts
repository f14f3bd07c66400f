import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiWriteGuard } from '@/lib/auth/guards';
import { readJsonBody, withDatabaseErrors } from '@/lib/http';
import { reassignCase } from '@/lib/cases/reassign-case';
import { reassignSchema } from '@/lib/validation/queue';

export const dynamic = 'force-dynamic';

const body = reassignSchema.extend({ expectedAssigneeId: z.string().max(100).nullable().optional() });

/** Hand a case to a colleague with a reason: `{clinicianId, reason}` → 200 {assignedClinicianId} | 409 | 400. */
async function handlePost(req: Request, ctx: { params: Promise<{ id: string }> }) {
    const guard = await apiWriteGuard(req, ['clinician'], 'case');
  if (!guard.ok) return guard.response;
  const { id } = await ctx.params;
  const parsed = await readJsonBody(req, body, { maxBytes: 8_000 });
  if (!parsed.ok) return parsed.response;
  const r = await reassignCase(guard.user, id, parsed.data);
  if (r.ok) return NextResponse.json({ assignedClinicianId: r.assignedClinicianId, assigneeName: r.assigneeName });
  if (r.reason === 'not_found') return NextResponse.json({ error: 'not_found' }, { status: 404 });
  if (r.reason === 'invalid_colleague') {
    return NextResponse.json({ error: 'invalid_request', fieldErrors: { clinicianId: ['Choose an active colleague on the team.'] } }, { status: 400 });
  }
  return NextResponse.json({ error: 'not_assignee', message: 'Someone else holds this case now, or it is decided.', assignedClinicianId: r.assignedClinicianId, assigneeName: r.assigneeName }, { status: 409 });
}

export const POST = withDatabaseErrors(handlePost);
