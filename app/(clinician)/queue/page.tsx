import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/card';
import { Alert } from '@/components/ui/badge';
import { QueueBoard } from '@/components/queue/queue-board';
import { NeedsAttention } from '@/components/queue/needs-attention';
import { requireRole } from '@/lib/auth/guards';
import { readQueue, readQueues } from '@/lib/cases/list-queue';
import { toQueueBoardJson, toQueueBoardWire } from '@/lib/cases/queue-json';
import { queueQuerySchema } from '@/lib/validation/queue';

export const metadata: Metadata = { title: 'Triage queue' };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** How many of the cases that need attention the top of the page lists (a link leads to all of them). */
const ATTENTION_SHOWN = 5;
const ATTENTION_QUERY = queueQuerySchema.parse({ assignee: 'any', status: 'open', attention: '1', limit: String(ATTENTION_SHOWN + 1) });

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function QueuePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole(['clinician'], 'queue');
  const sp = await searchParams;
  // The page opens on every open case (new and in review); the views and filters narrow it.
  const raw = {
    assignee: first(sp.assignee) ?? 'any',
    status: first(sp.status) ?? 'open',
    urgency: first(sp.urgency) ?? '',
    area: first(sp.area) ?? '',
    attention: first(sp.attention) ?? '',
    cursor: first(sp.cursor) || undefined,
    limit: '50',
  };
  const parsed = queueQuerySchema.safeParse(raw);
  const q = parsed.success ? parsed.data : queueQuerySchema.parse({ assignee: 'any', status: 'open', limit: '50' });
  // Issue 15: on the first page of a list not already narrowed to them, the cases that need attention come first.
  // Read with the list, in the same statement: the page waits for one query, not two.
  const wantsAttention = !(parsed.success && q.cursor) && q.attention !== true;
  const [r, attention = null] = await readQueues(user, [parsed.success ? q : { ...q, cursor: undefined }, ...(wantsAttention ? [ATTENTION_QUERY] : [])]);
  const result = r.ok ? r : await readQueue(user, { ...q, cursor: undefined }, { withCounts: false });
  if (!result.ok) throw new Error('queue unavailable');
  const filter = {
    assignee: q.assignee,
    status: parsed.success ? raw.status : 'open',
    urgency: q.urgency ?? '',
    area: q.area ?? '',
    attention: q.attention === true,
  };
  const cursor = r.ok && parsed.success ? (q.cursor ?? null) : null;
  const attentionItems = attention?.ok && cursor === null ? toQueueBoardJson(attention.page).items : [];
  return (
    <div>
      <PageHeader title="Triage queue" description="Cases ordered by urgency, then by how soon their response is due." />
      {(!parsed.success || !r.ok) && (
        <Alert tone="warning" role="status" className="mb-4">
          That filter or page link was not valid, so the first page of open cases is shown instead.
        </Alert>
      )}
      <NeedsAttention items={attentionItems.slice(0, ATTENTION_SHOWN)} more={attentionItems.length > ATTENTION_SHOWN} />
      <QueueBoard
        key={JSON.stringify([filter, cursor])}
        initial={toQueueBoardWire(result.page)}
        filter={filter}
        cursor={cursor}
        viewerId={user.id}
        serverNow={result.at}
      />
    </div>
  );
}
