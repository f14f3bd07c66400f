'use client';
import { useEffect, useMemo, useState } from 'react';
import { Alert } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { formatDay, formatShortDay, formatTime } from '@/lib/booking/format';
import { calendarDayIn } from '@/lib/format/dates';

export interface SlotDto {
  startsAt: string;
  endsAt: string;
}

const DAYS_AHEAD = 21;

/** The clinician's free slots of this type over the next three weeks, fetched again when refreshKey changes. */
function useFreeSlots(clinicianId: string, consultTypeId: string, refreshKey: number) {
  const [slots, setSlots] = useState<SlotDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const from = new Date();
    const to = new Date(from.getTime() + DAYS_AHEAD * 86_400_000);
    const qs = new URLSearchParams({ consultType: consultTypeId, from: from.toISOString(), to: to.toISOString() });
    fetch(`/api/clinicians/${clinicianId}/slots?${qs}`, { cache: 'no-store' })
      .then(async (r) => {
        if (!r.ok) throw new Error(`status ${r.status}`);
        return (await r.json()) as SlotDto[];
      })
      .then((data) => {
        if (!cancelled) {
          setError(null);
          setSlots(data);
        }
      })
      .catch(() => {
        if (!cancelled) setError('We could not load the free times. Check your connection and try again.');
      });
    return () => {
      cancelled = true;
    };
  }, [clinicianId, consultTypeId, refreshKey]);

  return { slots, error };
}

function DayChoices({ byDay, activeDay, viewerTimezone, onPick }: { byDay: Map<string, SlotDto[]>; activeDay: string | null; viewerTimezone: string; onPick: (day: string) => void }) {
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-ink">Day</legend>
      <div className="flex flex-wrap gap-2">
        {[...byDay.keys()].map((k) => {
          const first = byDay.get(k)![0]!;
          const label = formatShortDay(Date.parse(first.startsAt), viewerTimezone);
          const full = formatDay(Date.parse(first.startsAt), viewerTimezone);
          const id = `day-${k}`;
          return (
            <div key={k}>
              <input type="radio" id={id} name="slot-day" className="peer sr-only" checked={k === activeDay} onChange={() => onPick(k)} />
              <label
                htmlFor={id}
                className="block min-w-[5.5rem] cursor-pointer rounded-lg border border-line bg-white px-3 py-2 text-center text-sm peer-checked:border-brand-700 peer-checked:bg-brand-700 peer-checked:text-white peer-focus-visible:outline peer-focus-visible:outline-3 peer-focus-visible:outline-blue-600"
              >
                <span aria-hidden>{label}</span>
                <span className="sr-only">
                  {full}, {byDay.get(k)!.length} free times
                </span>
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

type TimeChoicesProps = { times: SlotDto[]; viewerTimezone: string; clinicianTimezone: string; clinicianName: string; value: string | null; onChange: (startsAt: string) => void };

/** The day's times in the viewer's zone, each with the clinician's own time beside it when their zones differ. */
function TimeChoices({ times, viewerTimezone, clinicianTimezone, clinicianName, value, onChange }: TimeChoicesProps) {
  const sameZone = viewerTimezone === clinicianTimezone;
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-ink">Time ({viewerTimezone.replace(/_/g, ' ')})</legend>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {times.map((s) => {
          const ms = Date.parse(s.startsAt);
          const id = `slot-${ms}`;
          const clinicianTime = formatTime(ms, clinicianTimezone);
          return (
            <div key={s.startsAt}>
              <input type="radio" id={id} name="slot-time" value={s.startsAt} className="peer sr-only" checked={value === s.startsAt} onChange={() => onChange(s.startsAt)} />
              <label
                htmlFor={id}
                className={cn(
                  'block cursor-pointer rounded-lg border border-line bg-white px-3 py-2 text-center peer-checked:border-brand-700 peer-checked:bg-brand-50 peer-checked:ring-2 peer-checked:ring-brand-700 peer-focus-visible:outline peer-focus-visible:outline-3 peer-focus-visible:outline-blue-600',
                )}
              >
                <span className="block text-base font-semibold">{formatTime(ms, viewerTimezone)}</span>
                {!sameZone && <span className="block text-xs text-muted">{clinicianTime} for {clinicianName.split(' ')[0]}</span>}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Fetches free slots for one clinician/type and lets the patient pick a day, then a time, in their own zone. */
export function SlotPicker({
  clinicianId,
  consultTypeId,
  viewerTimezone,
  clinicianTimezone,
  clinicianName,
  value,
  onChange,
  refreshKey,
}: {
  clinicianId: string;
  consultTypeId: string;
  viewerTimezone: string;
  clinicianTimezone: string;
  clinicianName: string;
  value: string | null;
  onChange: (startsAt: string | null) => void;
  refreshKey: number;
}) {
  const { slots, error } = useFreeSlots(clinicianId, consultTypeId, refreshKey);
  const [day, setDay] = useState<string | null>(null);

  const byDay = useMemo(() => {
    const map = new Map<string, SlotDto[]>();
    for (const s of slots ?? []) {
      const k = calendarDayIn(Date.parse(s.startsAt), viewerTimezone);
      map.set(k, [...(map.get(k) ?? []), s]);
    }
    return map;
  }, [slots, viewerTimezone]);

  const activeDay = day && byDay.has(day) ? day : ([...byDay.keys()][0] ?? null);
  const times = activeDay ? byDay.get(activeDay)! : [];

  if (error) return <Alert tone="danger" role="alert">{error}</Alert>;
  if (!slots) return <p className="text-muted" role="status">Loading free times…</p>;
  if (slots.length === 0) {
    return (
      <Alert tone="info" title="No free times in the next three weeks">
        {clinicianName} is fully booked. Please choose another clinician.
      </Alert>
    );
  }
  return (
    <div className="space-y-4">
      <DayChoices
        byDay={byDay}
        activeDay={activeDay}
        viewerTimezone={viewerTimezone}
        onPick={(k) => {
          setDay(k);
          onChange(null);
        }}
      />
      <TimeChoices times={times} viewerTimezone={viewerTimezone} clinicianTimezone={clinicianTimezone} clinicianName={clinicianName} value={value} onChange={onChange} />
    </div>
  );
}
