import type { Metadata } from 'next';
import { getDb } from '@/db';
import { workloadByClinician } from '@/db/queries/team';
import { Card, PageHeader } from '@/components/ui/card';
import { AdminNav } from '@/components/admin/admin-nav';
import { WorkloadChart } from '@/components/admin/workload-chart';
import { requireRole } from '@/lib/auth/guards';
import { audit } from '@/lib/audit';
import { OutcomeSharesTable } from '@/components/admin/outcome-shares-table';
import { teamOutcomeShares } from '@/lib/outcomes/outcome-shares';

export const metadata: Metadata = { title: 'Workload' };
export const dynamic = 'force-dynamic';

/** Monday 00:00 UTC of the current week. */
function startOfWeek(now: Date): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d;
}

export default async function WorkloadPage() {
  const user = await requireRole(['admin'], 'admin');
  const since = startOfWeek(new Date());
  const db = await getDb();
  const w = await workloadByClinician(db, since);
  const shares = await teamOutcomeShares(db);
  await audit({ actor: user, action: 'workload.view', resourceType: 'team' });
  return (
    <div>
      <PageHeader title="Workload" description={`Open cases per clinician against their capacity, and SLA breaches since Monday ${since.toISOString().slice(0, 10)} (UTC).`} />
      <AdminNav current="workload" />
      <Card>
        <WorkloadChart rows={w.rows} unassignedOpen={w.unassignedOpen} />
      </Card>
      <Card className="mt-6">
        <section aria-labelledby="outcomes-heading">
          <h2 id="outcomes-heading" className="text-lg font-semibold">
            Outcomes after the decision
          </h2>
          <p className="mb-3 mt-1 text-sm text-muted">
            Share of patients whose pain improved by at least 2 points (0–10 scale, the clinically important change) from their intake to the check-in due
            nearest week 4 (within ±1 week) and week 12 (within ±2 weeks) of their plan; n counts the patients with such a check-in, by the clinician who
            holds the case.
          </p>
          <OutcomeSharesTable shares={shares} team={w.rows} />
        </section>
      </Card>
    </div>
  );
}
