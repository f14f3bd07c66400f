import type { AuditRow } from '@/db/queries/audit';
import { Badge } from '@/components/ui/badge';

type Format = (at: Date) => string;

function OutcomeBadge({ row: r }: { row: AuditRow }) {
  return r.outcome === 'denied' ? <Badge tone="danger">Denied</Badge> : <Badge tone="success">Allowed</Badge>;
}

function AuditCards({ items, format }: { items: AuditRow[]; format: Format }) {
  return (
    <ul className="space-y-2 md:hidden" aria-label="Audit entries">
      {items.map((r) => (
        <li key={r.id} data-testid="audit-card" className="rounded-xl border border-line bg-white p-3 text-sm">
          <div className="flex items-start justify-between gap-2">
            <span className="font-mono text-xs break-all">{r.action}</span>
            <OutcomeBadge row={r} />
          </div>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="text-muted">When (UTC)</dt>
            <dd>{format(r.at)}</dd>
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
  );
}

function AuditTable({ items, format }: { items: AuditRow[]; format: Format }) {
  return (
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
          {items.map((r) => (
            <tr key={r.id} data-testid="audit-row">
              <td className="whitespace-nowrap px-3 py-2">{format(r.at)}</td>
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
              <td className="px-3 py-2">
                <OutcomeBadge row={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A phone shows every column of an entry as a card; the six-column table needs a wide screen. */
export function AuditEntries({ items }: { items: AuditRow[] }) {
  const fmt = new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'UTC' });
  const format = (at: Date) => fmt.format(at);
  return (
    <>
      <AuditCards items={items} format={format} />
      <AuditTable items={items} format={format} />
    </>
  );
}
