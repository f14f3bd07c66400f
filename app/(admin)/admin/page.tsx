import type { Metadata } from 'next';
import { arrayContains } from 'drizzle-orm';
import { getDb } from '@/db';
import { clinicianProfiles, users } from '@/db/schema';
import { Card, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { requireRole } from '@/lib/auth/guards';
import { eq } from 'drizzle-orm';

export const metadata: Metadata = { title: 'Administration' };

export default async function AdminPage() {
  await requireRole(['admin'], 'admin');
  const db = await getDb();
  const team = await db
    .select({ id: users.id, email: users.email, name: clinicianProfiles.displayName, areas: clinicianProfiles.areas, onCall: clinicianProfiles.onCall, active: clinicianProfiles.active, capacity: clinicianProfiles.capacity })
    .from(users)
    .innerJoin(clinicianProfiles, eq(clinicianProfiles.userId, users.id))
    .where(arrayContains(users.roles, ['clinician']))
    .orderBy(clinicianProfiles.displayName);
  return (
    <div>
      <PageHeader title="Administration" description="The rehab team, their areas and capacity." />
      <Card>
        <h2 className="mb-3 text-lg font-semibold">Team</h2>
        <ul className="divide-y divide-line">
          {team.map((c) => (
            <li key={c.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <p className="font-medium">{c.name}</p>
                <p className="text-sm text-muted">{c.email} · capacity {c.capacity}</p>
              </div>
              <div className="flex flex-wrap gap-1">
                {c.onCall && <Badge tone="warning">On call</Badge>}
                {!c.active && <Badge>Inactive</Badge>}
                {c.areas.map((a) => (
                  <Badge key={a} tone="info">
                    {a.replace('_', ' ')}
                  </Badge>
                ))}
              </div>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
