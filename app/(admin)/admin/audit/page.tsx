import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { listAuditEvents } from '@/db/queries/audit';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Alert } from '@/components/ui/badge';
import { AdminNav } from '@/components/admin/admin-nav';
import { AuditEntries } from '@/components/admin/audit-entries';
import { AuditFilterForm } from '@/components/admin/audit-filter-form';
import { requireRole } from '@/lib/auth/guards';
import { audit } from '@/lib/audit';
import { auditQuerySchema } from '@/lib/validation/audit';

export const metadata: Metadata = { title: 'Audit log' };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const FIELDS = ['patientId', 'actorId', 'action', 'from', 'to'] as const;

export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole(['admin'], 'admin');
  const sp = await searchParams;
  const raw: Record<string, string> = {};
  for (const k of [...FIELDS, 'cursor']) {
    const v = sp[k];
    const s = Array.isArray(v) ? v[0] : v;
    if (s) raw[k] = s;
  }
  const parsed = auditQuerySchema.safeParse({ ...raw, limit: '50' });
  const q = parsed.success ? parsed.data : auditQuerySchema.parse({ limit: '50' });
  const page = await listAuditEvents(await getDb(), { ...q, beforeId: q.cursor });
  await audit({ actor: user, action: 'audit_log.view', resourceType: 'audit_log', details: { filter: raw } });
  const filterQs = new URLSearchParams(Object.fromEntries(Object.entries(raw).filter(([k]) => k !== 'cursor'))).toString();

  return (
    <div>
      <PageHeader title="Audit log" description="Every read and change of patient data and every denied access, newest first. Rows cannot be edited or deleted." />
      <AdminNav current="audit" />
      <AuditFilterForm raw={raw} filterQs={filterQs} />
      {!parsed.success && (
        <Alert tone="warning" role="status" className="mb-4">
          Some filters were not valid (dates are YYYY-MM-DD) and were ignored.
        </Alert>
      )}
      {page.items.length === 0 ? (
        <EmptyState title="No audit entries match">Try a wider date range or clear the filters.</EmptyState>
      ) : (
        <AuditEntries items={page.items} />
      )}
      <nav aria-label="Pages" className="mt-4 flex gap-2">
        {raw.cursor && (
          <Link href={`/admin/audit${filterQs ? `?${filterQs}` : ''}`} className="rounded-lg border border-line bg-white px-4 py-2 text-sm font-medium hover:bg-brand-50">
            Newest entries
          </Link>
        )}
        {page.nextCursor && (
          <Link href={`/admin/audit?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(filterQs)), cursor: page.nextCursor })}`} className="rounded-lg border border-line bg-white px-4 py-2 text-sm font-medium hover:bg-brand-50">
            Older entries
          </Link>
        )}
      </nav>
    </div>
  );
}
