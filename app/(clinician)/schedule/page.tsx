import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { getClinicianProfile } from '@/db/queries/availability';
import { listClinicianSchedule } from '@/db/queries/bookings';
import { BookingStatusBadge } from '@/components/booking/status-badge';
import { PatientContact } from '@/components/queue/patient-contact';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { audit } from '@/lib/audit';
import { requireRole } from '@/lib/auth/guards';
import { formatDay, formatTime } from '@/lib/booking/format';
import { addDays, formatLocalDate, localDateOf, parseLocalDate, zonedToUtc } from '@/lib/booking/zoned-time';
import { cn } from '@/components/ui/cn';
import { nowMs } from '@/lib/booking/clock';
import { bookingPagePath, clinicianCasePath, consultNotesPath } from '@/lib/urls';

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
  const link = (d: typeof start, v = view) => `/schedule?view=${v}&date=${formatLocalDate(d)}`;

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
                  <li key={b.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between">
                    <div className="min-w-0">
                      <p className="font-medium">
                        {formatTime(b.startsAt.getTime(), zone)}–{formatTime(b.endsAt.getTime(), zone)} ·{' '}
                        <Link href={bookingPagePath(b.id)} className="text-brand-700 underline">
                          {b.patientName ?? b.patientEmail}
                        </Link>
                      </p>
                      <p>
                        <PatientContact compact name={b.patientName} phone={b.patientPhone} mayCall={b.patientMayCall} email={b.patientEmail} />
                        {b.relatedCaseId && (
                          <>
                            {' · '}
                            <Link href={clinicianCasePath(b.relatedCaseId)} className="text-sm text-brand-700 underline">
                              Case<span className="sr-only"> of {b.patientName ?? b.patientEmail}</span>
                            </Link>
                          </>
                        )}
                      </p>
                      <p className="text-sm text-muted">
                        {b.consultTypeName}
                        {b.patientTimezone !== zone && ` · patient's time ${formatTime(b.startsAt.getTime(), b.patientTimezone)} (${b.patientTimezone.replace(/_/g, ' ')})`}
                      </p>
                    </div>
                    <div className="flex flex-wrap items-center gap-2">
                      <BookingStatusBadge status={b.status} />
                      {b.status === 'confirmed' && b.startsAt.getTime() <= now && (
                        <ButtonLink href={consultNotesPath(b.id)} size="sm" aria-label={`Write notes for ${b.patientName ?? b.patientEmail}, ${formatTime(b.startsAt.getTime(), zone)}`}>
                          Write notes
                        </ButtonLink>
                      )}
                      {b.status === 'completed' && (
                        <ButtonLink href={consultNotesPath(b.id)} size="sm" variant="secondary" aria-label={`Notes for ${b.patientName ?? b.patientEmail}, ${formatTime(b.startsAt.getTime(), zone)}`}>
                          Notes
                        </ButtonLink>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
