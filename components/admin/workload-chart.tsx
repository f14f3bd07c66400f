import type { WorkloadRow } from '@/db/queries/team';
import { cn } from '@/components/ui/cn';

/**
 * A table first (screen readers and copy-paste get the numbers), with a bar per row drawn in CSS: open cases as a
 * share of capacity (red when over), and the week's SLA breaches.
 */
export function WorkloadChart({ rows, unassignedOpen }: { rows: WorkloadRow[]; unassignedOpen: number }) {
  // Long names must not push the page sideways on a phone: the table scrolls inside its own box if it has to.
  return (
    <div className="overflow-x-auto" role="region" aria-label="Workload by clinician" tabIndex={0}>
      <table className="w-full text-left text-sm">
        <caption className="mb-3 text-left text-muted">
          {unassignedOpen} open case{unassignedOpen === 1 ? '' : 's'} unassigned in the pool.
        </caption>
        <thead className="text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="py-2 pr-3">Clinician</th>
            <th scope="col" className="py-2 pr-3">Open cases / capacity</th>
            <th scope="col" className="py-2">Breaches this week</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((r) => {
            const pct = r.capacity > 0 ? Math.min(100, Math.round((r.open / r.capacity) * 100)) : r.open > 0 ? 100 : 0;
            const over = r.open > r.capacity;
            return (
              <tr key={r.id} data-testid="workload-row">
                <ClinicianRowHeader name={r.name} active={r.active} />
                <td className="py-3 pr-3">
                  <div className="flex items-center gap-2">
                    <div className="h-3 w-12 shrink-0 rounded-full bg-slate-200 sm:w-48" aria-hidden>
                      <div className={cn('h-3 rounded-full', over ? 'bg-red-700' : 'bg-brand-600')} style={{ width: `${pct}%` }} />
                    </div>
                    <span className={cn('whitespace-nowrap', over && 'font-semibold text-red-800')}>
                      {r.open} / {r.capacity}
                    </span>
                  </div>
                </td>
                <td className="py-3">
                  <div className="flex items-center gap-2">
                    <div className="flex gap-0.5" aria-hidden>
                      {Array.from({ length: Math.min(r.breachesThisWeek, 10) }, (_, i) => (
                        <span key={i} className="h-3 w-2 rounded-sm bg-red-700" />
                      ))}
                    </div>
                    <span className={cn(r.breachesThisWeek > 0 && 'font-semibold text-red-800')}>{r.breachesThisWeek}</span>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** A team table's row header: the clinician's name, marked when they no longer take cases. */
export function ClinicianRowHeader({ name, active }: { name: string; active: boolean }) {
  return (
    <th scope="row" className="py-3 pr-3 font-medium [overflow-wrap:anywhere]">
      {name}
      {!active && <span className="ml-1 text-xs font-normal text-muted">(inactive)</span>}
    </th>
  );
}
