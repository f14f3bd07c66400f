import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db';
import { listAuditEvents } from '@/db/queries/audit';
import { apiGuard } from '@/lib/auth/guards';
import { audit } from '@/lib/audit';
import { fieldErrorsOf, withDatabaseErrors } from '@/lib/http';
import { auditQuerySchema } from '@/lib/validation/audit';

export const dynamic = 'force-dynamic';

/** Admin only: the audit log, newest first, filtered by patient, actor, action and date. */
async function handleGet(req: NextRequest) {
  const guard = await apiGuard(['admin'], 'audit_log');
  if (!guard.ok) return guard.response;
  const parsed = auditQuerySchema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) return NextResponse.json({ error: 'invalid_request', fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 });
  const q = parsed.data;
  const db = await getDb();
  const page = await listAuditEvents(db, { ...q, beforeId: q.cursor });
  await audit({ actor: guard.user, action: 'audit_log.view', resourceType: 'audit_log', patientId: q.patientId && !q.patientId.includes('@') ? q.patientId : null, details: { filter: req.nextUrl.search } });
  return NextResponse.json(page);
}

export const GET = withDatabaseErrors(handleGet);
