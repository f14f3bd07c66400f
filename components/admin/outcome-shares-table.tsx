import type { Share, TeamOutcomeShares } from '@/lib/outcomes/outcome-shares';
import { ClinicianRowHeader } from './workload-chart';

function ShareCell({ s }: { s: Share }) {
  if (s.n === 0) return <span className="text-muted">No data (n = 0)</span>;
  return (
    <span className="whitespace-nowrap">
      <span className="font-semibold">{Math.round((s.improved / s.n) * 100)} %</span> <span className="text-muted">({s.improved} of {s.n})</span>
    </span>
  );
}

/**
 * The share of patients whose pain improved by the clinically important 2 points at 4 and at 12 weeks, per clinician
 * and for the team, with n. Numbers only: no patient is named or described.
 */
export function OutcomeSharesTable({ shares, team }: { shares: TeamOutcomeShares; team: { id: string; name: string; active: boolean }[] }) {
  const rows = [
    ...team.map((m) => ({ key: m.id, name: m.name, active: m.active, s: shares.byClinician.get(m.id) })),
    ...(shares.byClinician.has(null) ? [{ key: 'none', name: 'No assignee', active: true, s: shares.byClinician.get(null) }] : []),
  ];
  return (
    <div className="overflow-x-auto" role="region" aria-label="Outcomes by clinician" tabIndex={0}>
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="py-2 pr-3">
              Clinician
            </th>
            <th scope="col" className="py-2 pr-3">
              Improved at 4 weeks
            </th>
            <th scope="col" className="py-2">
              Improved at 12 weeks
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((r) => (
            <tr key={r.key} data-testid="outcome-row">
              <ClinicianRowHeader name={r.name} active={r.active} />
              <td className="py-3 pr-3">
                <ShareCell s={r.s?.[4] ?? { n: 0, improved: 0 }} />
              </td>
              <td className="py-3">
                <ShareCell s={r.s?.[12] ?? { n: 0, improved: 0 }} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-line">
          <tr data-testid="outcome-overall">
            <th scope="row" className="py-3 pr-3 font-semibold">
              Whole team
            </th>
            <td className="py-3 pr-3">
              <ShareCell s={shares.overall[4]} />
            </td>
            <td className="py-3">
              <ShareCell s={shares.overall[12]} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
