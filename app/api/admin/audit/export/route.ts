import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db';
import { auditCsv, listAuditEvents, type AuditRow } from '@/db/queries/audit';
import { apiGuard } from '@/lib/auth/guards';
import { audit } from '@/lib/audit';
import { fieldErrorsOf, withDatabaseErrors } from '@/lib/http';
import { auditQuerySchema } from '@/lib/validation/audit';

export const dynamic = 'force-dynamic';

const MAX_ROWS = 50_000;

/** Admin only: the filtered audit log as CSV (newest first, up to 50,000 rows). The export itself is audited. */
async function handleGet(req: NextRequest) {
  const guard = await apiGuard(['admin'], 'audit_log');
  if (!guard.ok) return guard.response;
  const parsed = auditQuerySchema.omit({ limit: true, cursor: true }).safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) return NextResponse.json({ error: 'invalid_request', fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 });
  const db = await getDb();
  const rows: AuditRow[] = [];
  let beforeId: number | undefined;
  while (rows.length < MAX_ROWS) {
    const page = await listAuditEvents(db, { ...parsed.data, beforeId, limit: 1000 });
    rows.push(...page.items);
    if (!page.nextCursor) break;
    beforeId = Number(page.nextCursor);
  }
  await audit({
    actor: guard.user,
    action: 'audit_log.export',
    resourceType: 'audit_log',
    patientId: parsed.data.patientId && !parsed.data.patientId.includes('@') ? parsed.data.patientId : null,
    details: { filter: req.nextUrl.search, rows: rows.length },
  });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return new NextResponse(auditCsv(rows), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit-log-${stamp}.csv"`,
      'cache-control': 'no-store',
    },
  });
}

export const GET = withDatabaseErrors(handleGet);
