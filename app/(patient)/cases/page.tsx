import type { Metadata } from 'next';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { cases } from '@/db/schema';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { requireRole } from '@/lib/auth/guards';
import { audit } from '@/lib/audit';

export const metadata: Metadata = { title: 'My cases' };

export default async function MyCasesPage() {
  const user = await requireRole(['patient']);
  const db = await getDb();
  const rows = await db
    .select({ id: cases.id, status: cases.status, urgency: cases.urgency, submittedAt: cases.submittedAt })
    .from(cases)
    .where(eq(cases.patientId, user.id))
    .orderBy(desc(cases.submittedAt));
  await audit({ actor: user, action: 'case.list', resourceType: 'case', patientId: user.id, details: { count: rows.length } });
  return (
    <div>
      <PageHeader title="My cases" description="Your submitted stories and what the rehab team said." />
      {rows.length === 0 ? (
        <EmptyState title="You have no cases yet">
          When you tell us about your pain, your case appears here with its status and the team&apos;s reply.
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {rows.map((c) => (
            <li key={c.id} className="rounded-xl border border-line bg-white p-4">
              <p className="font-medium">Submitted {c.submittedAt.toUTCString()}</p>
              <p className="text-sm text-muted">Status: {c.status.replace('_', ' ')}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
