import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { getClinicianProfile } from '@/db/queries/availability';
import { listClinicianSchedule } from '@/db/queries/bookings';
import { ScheduleItem } from '@/components/booking/schedule-item';
import { ScheduleRangeNav } from '@/components/booking/schedule-range-nav';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { audit } from '@/lib/audit';
import { requireRole } from '@/lib/auth/guards';
import { formatDay } from '@/lib/booking/format';
import { addDays, formatLocalDate, localDateOf, parseLocalDate, zonedToUtc } from '@/lib/booking/zoned-time';
import { nowMs } from '@/lib/booking/clock';

export const metadata: Metadata = { title: 'My schedule' };
export const dynamic = 'force-dynamic';

export default async function SchedulePage({ searchParams }: { searchParams: Promise<{ view?: string; date?: string }> }) {
  const user = await requireRole(['clinician'], 'schedule');
  const sp = await searchParams;
  const db = await getDb();
  const profile = await getClinicianProfile(db, user.id);
  const zone = profile?.timezone ?? user.timezone;
  const view = sp.view === 'day' ? 'day' : 'week';
  const now = nowMs();
  const today = localDateOf(now, zone);
  const start = (sp.date && parseLocalDate(sp.date)) || today;
  const days = view === 'day' ? 1 : 7;
  const from = new Date(zonedToUtc(start, 0, zone));
  const to = new Date(zonedToUtc(addDays(start, days), 0, zone));
  const items = await listClinicianSchedule(db, user.id, from, to);
  await audit({ actor: user, action: 'schedule.view', resourceType: 'booking', details: { from: from.toISOString(), to: to.toISOString(), count: items.length } });

  const groups = new Map<string, typeof items>();
  for (const b of items) {
    const k = formatLocalDate(localDateOf(b.startsAt.getTime(), zone));
    groups.set(k, [...(groups.get(k) ?? []), b]);
  }

  return (
    <div>
      <PageHeader
        title="My schedule"
        description={`Your consults in your time zone (${zone.replace(/_/g, ' ')}).`}
        actions={
          <Link href="/availability" className="rounded-lg border border-line bg-white px-3 py-2 text-sm font-medium hover:bg-brand-50">
            Working hours and time off
          </Link>
        }
      />
      <ScheduleRangeNav view={view} start={start} today={today} />
      <h2 className="mb-3 text-lg font-semibold">
        {formatDay(from.getTime(), zone)}
        {days > 1 && ` – ${formatDay(to.getTime() - 1, zone)}`}
      </h2>
      {items.length === 0 ? (
        <EmptyState title="No consults in this range">Booked consults appear here as soon as the patient has paid.</EmptyState>
      ) : (
        <div className="space-y-6">
          {[...groups.entries()].map(([k, list]) => (
            <section key={k} aria-labelledby={`day-${k}`}>
              <h3 id={`day-${k}`} className="mb-2 font-semibold">
                {formatDay(list[0]!.startsAt.getTime(), zone)}
              </h3>
              <ul className="divide-y divide-line rounded-xl border border-line bg-white">
                {list.map((b) => (
                  <ScheduleItem key={b.id} booking={b} zone={zone} now={now} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
