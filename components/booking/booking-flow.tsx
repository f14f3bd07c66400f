'use client';
import { useState, useSyncExternalStore, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/badge';
import { Card, TitledSection } from '@/components/ui/card';
import { Select } from '@/components/ui/field';
import { nowMs } from '@/lib/booking/clock';
import { PAYMENT_WINDOW_MS, refundTermsForSlot } from '@/lib/booking/policy';
import { ClinicianChoice, ConsultTypeChoice, type ClinicianOption, type ConsultTypeOption } from './booking-choices';
import { ConfirmAndPay, NO_REFUND_TICK_ID } from './booking-confirm';
import { SlotPicker } from './slot-picker';
import { useBookingHold, type Problem } from './use-booking-hold';
import { noSubscribe } from '@/components/ui/use-in-browser';


function browserTimezone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
  } catch {
    return null;
  }
}

/** The zone times are shown in: the patient's choice, else their profile's (a new account's UTC yields to the device). */
function useViewerZone(profileTimezone: string) {
  // The device's zone is only known in the browser; on the server (and while hydrating) it is null.
  const browserZone = useSyncExternalStore(noSubscribe, browserTimezone, () => null);
  const [chosenZone, setZone] = useState<string | null>(null);
  const zone = chosenZone ?? (profileTimezone === 'UTC' && browserZone ? browserZone : profileTimezone);
  return { zone, browserZone, setZone };
}

/** The chosen time, when it was chosen (its refund policy is read at that moment) and the no-refund tick. */
function useChosenTime() {
  const [startsAt, setStartsAt] = useState<string | null>(null);
  // The slot's own policy, as the server will apply it (it checks again): the clock is read when a time is chosen.
  const [pickedAt, setPickedAt] = useState(0);
  const [ticked, setTicked] = useState(false);
  const [tickError, setTickError] = useState(false);
  const choose = (value: string | null) => {
    setStartsAt(value);
    setPickedAt(nowMs());
    setTicked(false);
    setTickError(false);
  };
  /** Asks for the tick again, with the policy read anew (the clock moved on while the page was open). */
  const askTick = (rereadClock: boolean) => {
    if (rereadClock) setPickedAt(nowMs());
    setTickError(true);
  };
  const onTick = (checked: boolean) => {
    setTicked(checked);
    if (checked) setTickError(false);
  };
  return { startsAt, pickedAt, choose, askTick, tick: { ticked, error: tickError, onTick } };
}

function ZoneSelect({ zone, zones, browserZone, clinician, onChange }: { zone: string; zones: string[]; browserZone: string | null; clinician: ClinicianOption; onChange: (z: string) => void }) {
  return (
    <div className="flex flex-col gap-1 text-sm sm:flex-row sm:items-center sm:gap-2">
      <label htmlFor="viewer-zone" className="shrink-0 font-medium">
        Show times in
      </label>
      {/* Full width on a phone: a long zone name with "(this device)" must not be cut. */}
      <Select id="viewer-zone" value={zone} onChange={(e) => onChange(e.target.value)} className="w-full py-1 text-sm sm:w-auto">
        {zones.map((z) => (
          <option key={z} value={z}>
            {z.replace(/_/g, ' ')}
            {z === browserZone ? ' (this device)' : z === clinician.timezone ? ` (${clinician.name.split(' ')[0]})` : ''}
          </option>
        ))}
      </Select>
    </div>
  );
}

/** Step 3: the clinician's free times in the chosen zone, and what went wrong with the last hold, if anything. */
function TimeStep({ zoneSelect, problem, children }: { zoneSelect: ReactNode; problem: Problem | null; children: ReactNode }) {
  return (
    <section aria-labelledby="step-time">
      <div className="mb-3 flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between">
        <h2 id="step-time" className="text-lg font-semibold">
          3. Time
        </h2>
        {zoneSelect}
      </div>
      {problem && (
        <Alert tone="warning" role="alert" title={problem.title} className="mb-4">
          {problem.message}
        </Alert>
      )}
      <Card>{children}</Card>
    </section>
  );
}

interface BookingFlowProps {
  consultTypes: ConsultTypeOption[];
  selectedTypeId: string;
  clinicians: ClinicianOption[];
  initialClinicianId: string | null;
  profileTimezone: string;
  caseId: string | null;
}

/** Choose a consult type, a clinician and a time (in the patient's zone, with the clinician's beside it), then pay. */
export function BookingFlow({ consultTypes, selectedTypeId, clinicians, initialClinicianId, profileTimezone, caseId }: BookingFlowProps) {
  const router = useRouter();
  const type = consultTypes.find((t) => t.id === selectedTypeId)!;
  const [clinicianId, setClinicianId] = useState<string | null>(initialClinicianId ?? (clinicians.length === 1 ? clinicians[0]!.id : null));
  const { zone, browserZone, setZone } = useViewerZone(profileTimezone);
  const time = useChosenTime();
  const [refreshKey, setRefreshKey] = useState(0);
  const booking = useBookingHold({
    onTaken: () => {
      time.choose(null);
      setRefreshKey((k) => k + 1);
    },
    onAskTick: () => time.askTick(true),
  });
  const { startsAt, pickedAt } = time;
  const terms = startsAt ? refundTermsForSlot({ startsAt: Date.parse(startsAt), now: pickedAt, fullRefundWindowHours: type.fullRefundWindowHours, payWithinMs: PAYMENT_WINDOW_MS }) : null;
  const clinician = clinicians.find((c) => c.id === clinicianId) ?? null;
  const zones = [...new Set([profileTimezone, browserZone, clinician?.timezone].filter((z): z is string => Boolean(z)))];

  function chooseType(id: string) {
    const qs = new URLSearchParams({ type: id });
    if (caseId) qs.set('case', caseId);
    if (clinicianId) qs.set('clinician', clinicianId);
    router.push(`/book?${qs}`);
  }
  function chooseClinician(id: string) {
    setClinicianId(id);
    time.choose(null);
    booking.setProblem(null);
  }
  function hold() {
    if (!clinician || !startsAt || !terms) return;
    if (!terms.refundable && !time.tick.ticked) {
      time.askTick(false);
      document.getElementById(NO_REFUND_TICK_ID)?.focus();
      return;
    }
    const acknowledgeNoRefund = terms.refundable ? undefined : time.tick.ticked;
    void booking.hold({ clinicianId: clinician.id, consultTypeId: type.id, startsAt, intakeId: caseId ?? undefined, timezone: zone, acknowledgeNoRefund });
  }

  return (
    <div className="space-y-6">
      <TitledSection id="step-type" title="1. Consult">
        <ConsultTypeChoice types={consultTypes} selectedId={type.id} onChoose={chooseType} />
      </TitledSection>
      <TitledSection id="step-clinician" title="2. Clinician">
        <ClinicianChoice clinicians={clinicians} selectedId={clinicianId} zone={zone} onChoose={chooseClinician} />
      </TitledSection>
      {clinician && (
        <TimeStep zoneSelect={<ZoneSelect zone={zone} zones={zones} browserZone={browserZone} clinician={clinician} onChange={setZone} />} problem={booking.problem}>
          <SlotPicker
            key={`${clinician.id}-${type.id}`}
            clinicianId={clinician.id}
            consultTypeId={type.id}
            viewerTimezone={zone}
            clinicianTimezone={clinician.timezone}
            clinicianName={clinician.name}
            value={startsAt}
            onChange={time.choose}
            refreshKey={refreshKey}
          />
        </TimeStep>
      )}
      {clinician && startsAt && terms && (
        <TitledSection id="step-pay" title="4. Confirm and pay">
          {booking.retrying && (
            <Alert tone="info" role="status" className="mb-4">
              Connection lost — retrying…
            </Alert>
          )}
          <ConfirmAndPay type={type} clinician={clinician} startsAt={startsAt} zone={zone} terms={terms} pickedAt={pickedAt} tick={time.tick} busy={booking.busy} onHold={hold} />
        </TitledSection>
      )}
    </div>
  );
}
