import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { listAuditEvents } from '@/db/queries/audit';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Alert, Badge } from '@/components/ui/badge';
import { AdminNav } from '@/components/admin/admin-nav';
import { requireRole } from '@/lib/auth/guards';
import { audit } from '@/lib/audit';
import { auditQuerySchema } from '@/lib/validation/audit';

export const metadata: Metadata = { title: 'Audit log' };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const FIELDS = ['patientId', 'actorId', 'action', 'from', 'to'] as const;
const inputClass = 'block w-full rounded-lg border border-line bg-white px-3 py-2 text-sm min-h-10';

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
  const fmt = new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'UTC' });

  return (
    <div>
      <PageHeader title="Audit log" description="Every read and change of patient data and every denied access, newest first. Rows cannot be edited or deleted." />
      <AdminNav current="audit" />
      <Card className="mb-6">
        <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5" aria-label="Filter the audit log">
          <div>
            <label htmlFor="f-patient" className="mb-1 block text-sm font-medium">Patient (email or id)</label>
            <input id="f-patient" name="patientId" defaultValue={raw.patientId} className={inputClass} />
          </div>
          <div>
            <label htmlFor="f-actor" className="mb-1 block text-sm font-medium">Actor (email or id)</label>
            <input id="f-actor" name="actorId" defaultValue={raw.actorId} className={inputClass} />
          </div>
          <div>
            <label htmlFor="f-action" className="mb-1 block text-sm font-medium">Action</label>
            <input id="f-action" name="action" defaultValue={raw.action} placeholder="e.g. case.view" className={inputClass} />
          </div>
          <div>
            <label htmlFor="f-from" className="mb-1 block text-sm font-medium">From (UTC)</label>
            <input id="f-from" name="from" type="date" defaultValue={raw.from} className={inputClass} />
          </div>
          <div>
            <label htmlFor="f-to" className="mb-1 block text-sm font-medium">To (UTC)</label>
            <input id="f-to" name="to" type="date" defaultValue={raw.to} className={inputClass} />
          </div>
          <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-5">
            <button type="submit" className="min-h-10 rounded-lg bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
              Apply filters
            </button>
            <Link href="/admin/audit" className="inline-flex min-h-10 items-center rounded-lg border border-line bg-white px-4 text-sm font-medium hover:bg-brand-50">
              Clear
            </Link>
            <a href={`/api/admin/audit/export${filterQs ? `?${filterQs}` : ''}`} className="inline-flex min-h-10 items-center rounded-lg border border-line bg-white px-4 text-sm font-medium hover:bg-brand-50" download>
              Export CSV
            </a>
          </div>
        </form>
      </Card>
      {!parsed.success && (
        <Alert tone="warning" role="status" className="mb-4">
          Some filters were not valid (dates are YYYY-MM-DD) and were ignored.
        </Alert>
      )}
      {page.items.length === 0 ? (
        <EmptyState title="No audit entries match">Try a wider date range or clear the filters.</EmptyState>
      ) : (
        <>
        {/* A phone shows every column of an entry as a card; the six-column table needs a wide screen. */}
        <ul className="space-y-2 md:hidden" aria-label="Audit entries">
          {page.items.map((r) => (
            <li key={r.id} data-testid="audit-card" className="rounded-xl border border-line bg-white p-3 text-sm">
              <div className="flex items-start justify-between gap-2">
                <span className="font-mono text-xs break-all">{r.action}</span>
                {r.outcome === 'denied' ? <Badge tone="danger">Denied</Badge> : <Badge tone="success">Allowed</Badge>}
              </div>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                <dt className="text-muted">When (UTC)</dt>
                <dd>{fmt.format(r.at)}</dd>
                <dt className="text-muted">Actor</dt>
                <dd className="min-w-0 break-words">
                  {r.actorEmail ?? r.actorId ?? 'system'}
                  {r.actorRole && <span className="text-muted"> ({r.actorRole})</span>}
                </dd>
                <dt className="text-muted">Resource</dt>
                <dd className="min-w-0 break-all">
                  {r.resourceType}
                  {r.resourceId && <span className="block font-mono text-xs text-muted">{r.resourceId}</span>}
                </dd>
                <dt className="text-muted">Patient</dt>
                <dd className="min-w-0 break-all">{r.patientEmail ?? r.patientId ?? '—'}</dd>
              </dl>
            </li>
          ))}
        </ul>
        <div className="hidden overflow-x-auto rounded-xl border border-line bg-white md:block" role="region" aria-label="Audit entries" tabIndex={0}>
          <table className="w-full min-w-[48rem] text-left text-sm">
            <thead className="bg-canvas text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="px-3 py-2">When (UTC)</th>
                <th scope="col" className="px-3 py-2">Actor</th>
                <th scope="col" className="px-3 py-2">Action</th>
                <th scope="col" className="px-3 py-2">Resource</th>
                <th scope="col" className="px-3 py-2">Patient</th>
                <th scope="col" className="px-3 py-2">Outcome</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {page.items.map((r) => (
                <tr key={r.id} data-testid="audit-row">
                  <td className="whitespace-nowrap px-3 py-2">{fmt.format(r.at)}</td>
                  <td className="px-3 py-2">
                    {r.actorEmail ?? r.actorId ?? 'system'}
                    {r.actorRole && <span className="block text-xs text-muted">{r.actorRole}</span>}
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{r.action}</td>
                  <td className="px-3 py-2">
                    {r.resourceType}
                    {r.resourceId && <span className="block max-w-[12rem] truncate font-mono text-xs text-muted">{r.resourceId}</span>}
                  </td>
                  <td className="px-3 py-2">{r.patientEmail ?? (r.patientId ? <span className="font-mono text-xs">{r.patientId}</span> : '—')}</td>
                  <td className="px-3 py-2">{r.outcome === 'denied' ? <Badge tone="danger">Denied</Badge> : <Badge tone="success">Allowed</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        </>
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
