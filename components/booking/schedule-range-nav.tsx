import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { addDays, formatLocalDate, type LocalDate } from '@/lib/booking/zoned-time';

type View = 'day' | 'week';

/** Previous / today / next and the day–week switch; every link keeps the range in the address. */
export function ScheduleRangeNav({ view, start, today }: { view: View; start: LocalDate; today: LocalDate }) {
  const days = view === 'day' ? 1 : 7;
  const link = (d: LocalDate, v = view) => `/schedule?view=${v}&date=${formatLocalDate(d)}`;
  return (
    <nav aria-label="Schedule range" className="mb-4 flex flex-wrap items-center gap-2">
      <Link href={link(addDays(start, -days))} className="rounded-lg border border-line bg-white px-3 py-2 text-sm">
        ← Previous {view}
      </Link>
      <Link href={link(today)} className="rounded-lg border border-line bg-white px-3 py-2 text-sm">
        Today
      </Link>
      <Link href={link(addDays(start, days))} className="rounded-lg border border-line bg-white px-3 py-2 text-sm">
        Next {view} →
      </Link>
      <span className="mx-1 hidden text-muted sm:inline" aria-hidden>
        |
      </span>
      {(['day', 'week'] as const).map((v) => (
        <Link key={v} href={link(start, v)} aria-current={v === view ? 'page' : undefined} className={cn('rounded-lg px-3 py-2 text-sm', v === view ? 'bg-brand-700 text-white' : 'border border-line bg-white')}>
          {v === 'day' ? 'Day' : 'Week'}
        </Link>
      ))}
    </nav>
  );
}
