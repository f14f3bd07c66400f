import type { Metadata } from 'next';
import { getDb } from '@/db';
import { listAccessGrants } from '@/db/queries/case-scope';
import { Badge } from '@/components/ui/badge';
import { Card, PageHeader } from '@/components/ui/card';
import { AdminNav } from '@/components/admin/admin-nav';
import { requireRole } from '@/lib/auth/guards';
import { audit } from '@/lib/audit';
import { formatDateTime } from '@/lib/format/dates';

export const metadata: Metadata = { title: 'Break-the-glass' };
export const dynamic = 'force-dynamic';

const SHOWN = 200;

/**
 * The lead's list of break-the-glass openings (CONTRACTS §4c): who opened which case outside their scope, why, and
 * until when. Names of clinicians and case ids only — no clinical content, so an admin without the clinician role
 * may read it.
 */
export default async function BreakGlassPage() {
  const user = await requireRole(['admin'], 'admin');
  const grants = await listAccessGrants(await getDb(), { limit: SHOWN });
  await audit({ actor: user, action: 'break_glass.list', resourceType: 'case_access', details: { shown: grants.length } });
  return (
    <div>
      <PageHeader
        title="Break-the-glass"
        description="Cases a clinician opened outside their areas, the shared pool and their own cases, with the reason they gave. Each opening lasts one hour and is also in the audit log."
      />
      <AdminNav current="access" />
      <Card>
        {grants.length === 0 ? (
          <p className="text-muted">Nobody has opened a case with a reason yet.</p>
        ) : (
          <ul className="divide-y divide-line" aria-label="Break-the-glass openings, newest first">
            {grants.map((g) => (
              <li key={g.id} className="py-3" data-testid="break-glass-row">
                <p className="font-medium">
                  {g.clinicianName} <span className="text-sm font-normal text-muted">({g.clinicianEmail})</span>{' '}
                  {g.openNow && <Badge tone="warning">Open now</Badge>}
                </p>
                <p className="text-sm text-muted">
                  Opened {formatDateTime(g.createdAt)} · until {formatDateTime(g.expiresAt)} · case <span className="break-all font-mono">{g.caseId}</span>
                </p>
                <p className="mt-1 break-words">Reason: {g.reason}</p>
              </li>
            ))}
          </ul>
        )}
        {grants.length === SHOWN && <p className="mt-3 text-sm text-muted">The {SHOWN} most recent are shown; the audit log holds all of them.</p>}
      </Card>
    </div>
  );
}
