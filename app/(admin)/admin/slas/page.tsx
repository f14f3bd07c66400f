import type { Metadata } from 'next';
import { getDb } from '@/db';
import { listSlaPolicies } from '@/db/queries/templates';
import { Card, PageHeader } from '@/components/ui/card';
import { AdminNav } from '@/components/admin/admin-nav';
import { SlaForm } from '@/components/admin/sla-form';
import { requireRole } from '@/lib/auth/guards';
import { saveSlasAction } from '../actions';

export const metadata: Metadata = { title: 'SLAs' };
export const dynamic = 'force-dynamic';

export default async function SlasPage() {
  await requireRole(['admin'], 'admin');
  const slas = await listSlaPolicies(await getDb());
  return (
    <div>
      <PageHeader
        title="Response times (SLAs)"
        description="How soon the team answers a new case, by urgency. Open cases that have not breached yet follow a change at once; a breach alerts the assignee and the leads by email, once."
      />
      <AdminNav current="slas" />
      <Card>
        <SlaForm initial={slas} save={saveSlasAction} />
      </Card>
    </div>
  );
}
