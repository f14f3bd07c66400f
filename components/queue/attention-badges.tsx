import type { QueueRowJson } from '@/lib/cases/queue-json';

/** Issue 15 (db/queries/attention.ts): the latest check-in is worse / a mailed check-in is overdue. */
export function AttentionBadges({ item }: { item: Pick<QueueRowJson, 'worse' | 'checkInOverdue'> }) {
  return (
    <>
      {item.worse && (
        <span className="qf qf-danger" data-testid="worse-badge">
          Worse<span className="sr-only"> since last check-in</span>
        </span>
      )}
      {item.checkInOverdue && (
        <span className="qf qf-warning" data-testid="check-in-overdue-badge">
          Check-in overdue
        </span>
      )}
    </>
  );
}
