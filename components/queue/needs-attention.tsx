import Link from 'next/link';
import type { QueueRowJson } from '@/lib/cases/queue-json';
import { URGENCY_LABELS } from '@/lib/domain/case';
import { clinicianCasePath } from '@/lib/urls';
import { AttentionBadges } from './attention-badges';

/**
 * Issue 15: patients whose latest check-in is worse, or whose check-in is overdue, sit at the top of the queue page
 * whatever the list below is sorted by. The list itself keeps CONTRACTS §4b's order (urgency, then response due time):
 * a reopened case gets a fresh response time, so without this it would sit at the end of its urgency group.
 */
export function NeedsAttention({ items, more }: { items: QueueRowJson[]; more: boolean }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="needs-attention-heading" className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-3 sm:p-4" data-testid="needs-attention">
      <h2 id="needs-attention-heading" className="text-base font-semibold">
        Needs attention
      </h2>
      <p className="mb-2 text-sm text-muted">Worse since their last check-in, or a check-in more than three days overdue.</p>
      <ul className="divide-y divide-amber-200">
        {items.map((item) => (
          <li key={item.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
            <Link href={clinicianCasePath(item.id)} className="font-medium text-brand-700 underline underline-offset-2">
              {item.patientName ?? 'Patient'}
            </Link>
            <span className="text-sm text-muted">{URGENCY_LABELS[item.urgency]}</span>
            <span className="flex flex-wrap gap-1">
              <AttentionBadges item={item} />
            </span>
          </li>
        ))}
      </ul>
      {more && (
        <Link href="/queue?assignee=any&status=open&attention=1" className="mt-1 inline-block text-sm font-medium text-brand-700 underline underline-offset-2">
          Show every case that needs attention
        </Link>
      )}
    </section>
  );
}
