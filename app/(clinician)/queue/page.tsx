import type { Metadata } from 'next';
import { count } from 'drizzle-orm';
import { getDb } from '@/db';
import { cases } from '@/db/schema';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { requireRole } from '@/lib/auth/guards';

export const metadata: Metadata = { title: 'Triage queue' };

export default async function QueuePage() {
  await requireRole(['clinician'], 'queue');
  const db = await getDb();
  const [{ n }] = await db.select({ n: count() }).from(cases);
  return (
    <div>
      <PageHeader title="Triage queue" description="Cases ordered by urgency, then by how soon their response is due." />
      {n === 0 ? (
        <EmptyState title="The queue is empty">New cases appear here as soon as patients submit their intake.</EmptyState>
      ) : (
        <p>{n} cases waiting.</p>
      )}
    </div>
  );
}
