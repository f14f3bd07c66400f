import type { Metadata } from 'next';
import { getDb } from '@/db';
import { listTeam } from '@/db/queries/team';
import { Card, PageHeader } from '@/components/ui/card';
import { AdminNav } from '@/components/admin/admin-nav';
import { InviteClinicianForm } from '@/components/admin/invite-form';
import { TeamMemberEditor } from '@/components/admin/team-editor';
import { requireRole } from '@/lib/auth/guards';
import { audit } from '@/lib/audit';
import { inviteClinicianAction, removeRoleAction, updateClinicianAction } from './actions';
import { AREA_LABELS, CLINICAL_AREAS } from '@/lib/domain/areas';

export const metadata: Metadata = { title: 'Administration' };
export const dynamic = 'force-dynamic';

const AREA_OPTIONS = CLINICAL_AREAS.map((a) => ({ value: a, label: AREA_LABELS[a] }));

export default async function AdminTeamPage() {
  const user = await requireRole(['admin'], 'admin');
  const team = await listTeam(await getDb());
  await audit({ actor: user, action: 'team.view', resourceType: 'team', details: { count: team.length } });
  return (
    <div>
      <PageHeader title="Administration" description="The rehab team: who covers which areas, how many open cases each can hold, who is on call." />
      <AdminNav current="team" />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <h2 className="text-lg font-semibold">Team</h2>
          <ul className="divide-y divide-line">
            {team.map((m) => (
              <TeamMemberEditor key={m.id} member={m} areaOptions={AREA_OPTIONS} save={updateClinicianAction} removeRole={removeRoleAction} />
            ))}
          </ul>
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Invite a clinician</h2>
          <InviteClinicianForm areaOptions={AREA_OPTIONS} invite={inviteClinicianAction} />
        </Card>
      </div>
    </div>
  );
}
