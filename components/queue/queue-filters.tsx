'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { QueueCounts } from '@/db/queries/queue';
import { STATUS_LABELS, URGENCY_LABELS, CASE_STATUSES, URGENCIES } from '@/lib/domain/case';
import { cn } from '@/components/ui/cn';
import { AREA_LABELS, CLINICAL_AREAS } from '@/lib/domain/areas';
import { CHECK_IN_OVERDUE_DAYS } from '@/lib/domain/outcomes';

export interface QueueFilterState {
  assignee: 'me' | 'none' | 'any';
  urgency: string;
  status: string;
  area: string;
  /** Issue 15: only the cases that need attention (`attention=1`). */
  attention: boolean;
}

export function queueSearch(f: QueueFilterState, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  p.set('assignee', f.assignee);
  if (f.status) p.set('status', f.status);
  if (f.urgency) p.set('urgency', f.urgency);
  if (f.area) p.set('area', f.area);
  if (f.attention) p.set('attention', '1');
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}

const VIEWS: { value: QueueFilterState['assignee']; label: string }[] = [
  { value: 'any', label: 'All cases' },
  { value: 'me', label: 'Mine' },
  { value: 'none', label: 'Unassigned pool' },
];

const selectClass = 'block w-full rounded-lg border border-line bg-white px-3 py-2 text-sm text-ink focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 min-h-10';

/** Filters stay visible above the list (not behind a menu); each change reloads the list in place. */
export function QueueFilters({ filter, counts }: { filter: QueueFilterState; counts?: QueueCounts }) {
  const router = useRouter();
  const go = (next: Partial<QueueFilterState>) => router.push(`/queue?${queueSearch({ ...filter, ...next })}`, { scroll: false });
  return (
    <section aria-labelledby="queue-filters-heading" className="mb-4 rounded-xl border border-line bg-white p-4">
      <h2 id="queue-filters-heading" className="sr-only">
        Filters
      </h2>
      <nav aria-label="Queue views" className="mb-3">
        <ul className="flex flex-wrap gap-2">
          {VIEWS.map((v) => (
            <li key={v.value}>
              <Link
                href={`/queue?${queueSearch({ ...filter, assignee: v.value })}`}
                aria-current={filter.assignee === v.value ? 'page' : undefined}
                className={cn(
                  'inline-flex min-h-10 items-center rounded-full border px-4 text-sm font-medium',
                  filter.assignee === v.value ? 'border-brand-700 bg-brand-700 text-white' : 'border-line bg-white text-ink hover:bg-brand-50',
                )}
              >
                {v.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form
        method="get"
        action="/queue"
        className="grid grid-cols-1 gap-3 sm:grid-cols-3"
        onSubmit={(e) => {
          e.preventDefault();
          const fd = new FormData(e.currentTarget);
          go({ status: String(fd.get('status') ?? ''), urgency: String(fd.get('urgency') ?? ''), area: String(fd.get('area') ?? ''), attention: fd.get('attention') === '1' });
        }}
      >
        <input type="hidden" name="assignee" value={filter.assignee} />
        <div>
          <label htmlFor="qf-status" className="mb-1 block text-sm font-medium">
            Status
          </label>
          <select id="qf-status" name="status" className={selectClass} value={filter.status} onChange={(e) => go({ status: e.target.value })}>
            <option value="open">Open (new and in review){counts ? ` (${(counts.byStatus.submitted ?? 0) + (counts.byStatus.in_review ?? 0)})` : ''}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
                {counts?.byStatus[s] != null ? ` (${counts.byStatus[s]})` : ''}
              </option>
            ))}
            <option value="any">Any status</option>
          </select>
        </div>
        <div>
          <label htmlFor="qf-urgency" className="mb-1 block text-sm font-medium">
            Urgency
          </label>
          <select id="qf-urgency" name="urgency" className={selectClass} value={filter.urgency} onChange={(e) => go({ urgency: e.target.value })}>
            <option value="">Any urgency</option>
            {URGENCIES.map((u) => (
              <option key={u} value={u}>
                {URGENCY_LABELS[u]}
                {counts ? ` (${counts.byUrgency[u]})` : ''}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="qf-area" className="mb-1 block text-sm font-medium">
            Body area
          </label>
          <select id="qf-area" name="area" className={selectClass} value={filter.area} onChange={(e) => go({ area: e.target.value })}>
            <option value="">All areas</option>
            {CLINICAL_AREAS.map((a) => (
              <option key={a} value={a}>
                {AREA_LABELS[a]}
              </option>
            ))}
          </select>
        </div>
        <div className="sm:col-span-3">
          <label htmlFor="qf-attention" className="inline-flex min-h-10 items-center gap-2 text-sm font-medium">
            <input
              id="qf-attention"
              type="checkbox"
              name="attention"
              value="1"
              // Uncontrolled: it shows its new state at once; the board is re-keyed by the filter after navigation.
              defaultChecked={filter.attention}
              aria-describedby="qf-attention-hint"
              onChange={(e) => go({ attention: e.target.checked })}
              className="h-5 w-5 accent-brand-700"
            />
            Needs attention
          </label>
          <p id="qf-attention-hint" className="text-sm text-muted">
            Worse since the last check-in, or a check-in unanswered for more than {CHECK_IN_OVERDUE_DAYS} days.
          </p>
        </div>
        <noscript>
          <button type="submit" className="rounded-lg border border-line px-3 py-2 text-sm">
            Apply filters
          </button>
        </noscript>
      </form>
    </section>
  );
}

/** Counts per status and per urgency as a compact, readable summary. */
export function QueueCountsSummary({ counts }: { counts: QueueCounts }) {
  return (
    <section aria-label="Counts" className="mb-4 grid items-start gap-3 sm:grid-cols-2">
      <div className="rounded-xl border border-line bg-white p-3">
        <h2 className="text-sm font-semibold text-muted">By urgency (shown statuses)</h2>
        <ul className="mt-2 flex flex-wrap gap-2" data-testid="counts-urgency">
          {URGENCIES.map((u) => (
            <li key={u} className="rounded-lg bg-canvas px-3 py-1 text-sm">
              <span className="font-semibold">{counts.byUrgency[u]}</span> {URGENCY_LABELS[u].toLowerCase()}
            </li>
          ))}
        </ul>
      </div>
      <div className="rounded-xl border border-line bg-white p-3">
        <h2 className="text-sm font-semibold text-muted">By status</h2>
        {/* Open statuses and the chosen ones: decided and closed history is counted only when chosen (db/queries/queue.ts). */}
        <ul className="mt-2 flex flex-wrap gap-2" data-testid="counts-status">
          {CASE_STATUSES.filter((s) => counts.byStatus[s] !== null).map((s) => (
            <li key={s} className="rounded-lg bg-canvas px-3 py-1 text-sm">
              <span className="font-semibold">{counts.byStatus[s]}</span> {STATUS_LABELS[s].toLowerCase()}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
