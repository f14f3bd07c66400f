import type { Metadata } from 'next';
import { getDb } from '@/db';
import { workloadByClinician } from '@/db/queries/team';
import { Card, PageHeader } from '@/components/ui/card';
import { AdminNav } from '@/components/admin/admin-nav';
import { WorkloadChart } from '@/components/admin/workload-chart';
import { requireRole } from '@/lib/auth/guards';
import { audit } from '@/lib/audit';

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
  const w = await workloadByClinician(await getDb(), since);
  await audit({ actor: user, action: 'workload.view', resourceType: 'team' });
  return (
    <div>
      <PageHeader title="Workload" description={`Open cases per clinician against their capacity, and SLA breaches since Monday ${since.toISOString().slice(0, 10)} (UTC).`} />
      <AdminNav current="workload" />
      <Card>
        <WorkloadChart rows={w.rows} unassignedOpen={w.unassignedOpen} />
      </Card>
    </div>
  );
}
