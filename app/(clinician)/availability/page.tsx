import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { getAvailability, getClinicianProfile, listTimeOff } from '@/db/queries/availability';
import { Button } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { requireRole } from '@/lib/auth/guards';
import { formatInZone, minutesToClock } from '@/lib/booking/format';
import { removeDateOverride, removeTimeOff } from './actions';
import { DateOverrideForm, TimeOffForm, WeeklyHoursForm } from './availability-forms';

export const metadata: Metadata = { title: 'Working hours' };
export const dynamic = 'force-dynamic';

export default async function AvailabilityPage() {
  const user = await requireRole(['clinician'], 'availability');
  const db = await getDb();
  const [profile, availability, off] = await Promise.all([getClinicianProfile(db, user.id), getAvailability(db, user.id), listTimeOff(db, user.id, new Date())]);
  const zone = profile?.timezone ?? user.timezone;
  const today = new Date().toISOString().slice(0, 10);
  const overrides = availability.overrides.filter((o) => o.date >= today);
  return (
    <div>
      <PageHeader
        title="Working hours and time off"
        description="Patients can book times inside your hours, minus time off, existing bookings and each consult's buffer."
        actions={
          <Link href="/schedule" className="rounded-lg border border-line bg-white px-3 py-2 text-sm font-medium hover:bg-brand-50">
            My schedule
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Weekly hours</h2>
          <WeeklyHoursForm rules={availability.rules} timezone={zone} />
        </Card>
        <div className="space-y-6">
          <Card>
            <h2 className="mb-1 text-lg font-semibold">Different hours on a date</h2>
            <p className="mb-3 text-sm text-muted">Replaces your weekly hours for that day.</p>
            {overrides.length > 0 && (
              <ul className="mb-4 divide-y divide-line text-sm">
                {overrides.map((o) => (
                  <li key={o.id} className="flex items-center justify-between gap-2 py-2">
                    <span>
                      {o.date}: {o.startMinute === null ? 'not working' : `${minutesToClock(o.startMinute)}–${minutesToClock(o.endMinute!)}`}
                    </span>
                    <form action={removeDateOverride.bind(null, o.date)}>
                      <Button type="submit" variant="ghost" size="sm" aria-label={`Remove the hours for ${o.date}`}>
                        Remove
                      </Button>
                    </form>
                  </li>
                ))}
              </ul>
            )}
            <DateOverrideForm />
          </Card>
          <Card>
            <h2 className="mb-1 text-lg font-semibold">Time off</h2>
            <p className="mb-3 text-sm text-muted">Times are in {zone.replace(/_/g, ' ')}.</p>
            {off.length > 0 && (
              <ul className="mb-4 divide-y divide-line text-sm">
                {off.map((t) => (
                  <li key={t.id} className="flex items-center justify-between gap-2 py-2">
                    <span>
                      {formatInZone(t.startsAt, zone, { withZone: false })} → {formatInZone(t.endsAt, zone, { withZone: false })}
                      {t.reason && <span className="text-muted"> · {t.reason}</span>}
                    </span>
                    <form action={removeTimeOff.bind(null, t.id)}>
                      <Button type="submit" variant="ghost" size="sm" aria-label="Remove this time off">
                        Remove
                      </Button>
                    </form>
                  </li>
                ))}
              </ul>
            )}
            <TimeOffForm />
          </Card>
        </div>
      </div>
    </div>
  );
}
