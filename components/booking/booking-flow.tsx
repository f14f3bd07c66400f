'use client';
import { useState, useSyncExternalStore } from 'react';
import { useRouter } from 'next/navigation';
import { Alert, Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Select } from '@/components/ui/field';
import { nowMs } from '@/lib/booking/clock';
import { formatInZone, formatMoney } from '@/lib/booking/format';
import { describeRefundTerms, PAYMENT_WINDOW_MS, refundTermsForSlot } from '@/lib/booking/policy';
import { SlotPicker, type SlotDto } from './slot-picker';

export interface ConsultTypeOption {
  id: string;
  name: string;
  description: string;
  durationMinutes: number;
  priceCents: number;
  currency: string;
  fullRefundWindowHours: number;
}

export interface ClinicianOption {
  id: string;
  name: string;
  title: string;
  areaLabels: string[];
  timezone: string;
  nextFreeSlot: string | null;
  /** Covers a body area of the case this booking is for. */
  coversCase?: boolean;
}

const noSubscribe = () => () => undefined;

function browserTimezone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
  } catch {
    return null;
  }
}

/** Choose a consult type, a clinician and a time (in the patient's zone, with the clinician's beside it), then pay. */
export function BookingFlow({
  consultTypes,
  selectedTypeId,
  clinicians,
  initialClinicianId,
  profileTimezone,
  caseId,
}: {
  consultTypes: ConsultTypeOption[];
  selectedTypeId: string;
  clinicians: ClinicianOption[];
  initialClinicianId: string | null;
  profileTimezone: string;
  caseId: string | null;
}) {
  const router = useRouter();
  const type = consultTypes.find((t) => t.id === selectedTypeId)!;
  const [clinicianId, setClinicianId] = useState<string | null>(initialClinicianId ?? (clinicians.length === 1 ? clinicians[0]!.id : null));
  const [startsAt, setStartsAt] = useState<string | null>(null);
  // The device's zone is only known in the browser; on the server (and while hydrating) it is null.
  const browserZone = useSyncExternalStore(noSubscribe, browserTimezone, () => null);
  const [chosenZone, setZone] = useState<string | null>(null);
  // A new account has no zone yet (UTC): the device knows better.
  const zone = chosenZone ?? (profileTimezone === 'UTC' && browserZone ? browserZone : profileTimezone);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ title: string; message: string } | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [noRefundTicked, setNoRefundTicked] = useState(false);
  const [tickError, setTickError] = useState(false);
  // The slot's own policy, as the server will apply it (it checks again): the clock is read when a time is chosen.
  const [pickedAt, setPickedAt] = useState(0);
  const terms = startsAt ? refundTermsForSlot({ startsAt: Date.parse(startsAt), now: pickedAt, fullRefundWindowHours: type.fullRefundWindowHours, payWithinMs: PAYMENT_WINDOW_MS }) : null;

  function chooseTime(value: string | null) {
    setStartsAt(value);
    setPickedAt(nowMs());
    setNoRefundTicked(false);
    setTickError(false);
  }

  const clinician = clinicians.find((c) => c.id === clinicianId) ?? null;
  const zones = [...new Set([profileTimezone, browserZone, clinician?.timezone].filter((z): z is string => Boolean(z)))];

  function chooseType(id: string) {
    const qs = new URLSearchParams({ type: id });
    if (caseId) qs.set('case', caseId);
    if (clinicianId) qs.set('clinician', clinicianId);
    router.push(`/book?${qs}`);
  }

  async function hold() {
    if (!clinician || !startsAt || !terms) return;
    if (!terms.refundable && !noRefundTicked) {
      setTickError(true);
      document.getElementById('no-refund-ack')?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const res = await fetch('/api/bookings', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          clinicianId: clinician.id,
          consultTypeId: type.id,
          startsAt,
          intakeId: caseId ?? undefined,
          timezone: zone,
          acknowledgeNoRefund: terms.refundable ? undefined : noRefundTicked,
        }),
      });
      const body = (await res.json().catch(() => ({}))) as { checkoutUrl?: string; error?: string; message?: string; slots?: SlotDto[] };
      if (res.status === 201 && body.checkoutUrl) {
        window.location.assign(body.checkoutUrl);
        return;
      }
      if (body.error === 'no_refund_not_acknowledged') {
        // The clock moved on while the page was open: show this slot's policy again and ask for the tick.
        setPickedAt(nowMs());
        setTickError(true);
        return;
      }
      if (res.status === 409) {
        setProblem({ title: 'That time was just taken', message: body.message ?? 'Please choose another time.' });
        chooseTime(null);
        setRefreshKey((k) => k + 1);
      } else if (res.status === 429) {
        setProblem({ title: 'Too many attempts', message: body.message ?? 'Please wait a few minutes and try again. Nothing was booked or charged.' });
      } else if (res.status === 503) {
        setProblem({ title: 'Payments are not configured', message: body.message ?? 'Online payment is not set up on this server, so nothing was booked.' });
      } else {
        setProblem({ title: 'We could not hold that time', message: body.message ?? 'Something went wrong. Please try again.' });
      }
    } catch {
      setProblem({ title: 'No connection', message: 'We could not reach the server. Nothing was booked or charged; please try again.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-6">
      <section aria-labelledby="step-type">
        <h2 id="step-type" className="mb-3 text-lg font-semibold">
          1. Consult
        </h2>
        <fieldset>
          <legend className="sr-only">Consult type</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {consultTypes.map((t) => (
              <label key={t.id} className="flex cursor-pointer gap-3 rounded-xl border border-line bg-white p-4 has-[:checked]:border-brand-700 has-[:checked]:ring-2 has-[:checked]:ring-brand-700">
                <input type="radio" name="consult-type" className="mt-1 h-4 w-4 accent-brand-700" checked={t.id === type.id} onChange={() => chooseType(t.id)} />
                <span>
                  <span className="block font-semibold">{t.name}</span>
                  <span className="block text-sm text-muted">
                    {t.durationMinutes} minutes · {formatMoney(t.priceCents, t.currency)}
                  </span>
                  {t.description && <span className="mt-1 block text-sm text-muted">{t.description}</span>}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      </section>

      <section aria-labelledby="step-clinician">
        <h2 id="step-clinician" className="mb-3 text-lg font-semibold">
          2. Clinician
        </h2>
        <fieldset>
          <legend className="sr-only">Clinician</legend>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {clinicians.map((c) => (
              <label key={c.id} className="flex cursor-pointer gap-3 rounded-xl border border-line bg-white p-4 has-[:checked]:border-brand-700 has-[:checked]:ring-2 has-[:checked]:ring-brand-700">
                <input
                  type="radio"
                  name="clinician"
                  className="mt-1 h-4 w-4 accent-brand-700"
                  checked={c.id === clinicianId}
                  onChange={() => {
                    setClinicianId(c.id);
                    chooseTime(null);
                    setProblem(null);
                  }}
                />
                <span className="min-w-0">
                  <span className="block font-semibold">{c.name}</span>
                  {c.coversCase && (
                    <Badge tone="success" className="mt-1">
                      Covers your case
                    </Badge>
                  )}
                  <span className="block text-sm text-muted">
                    {c.title} · works in {c.timezone.replace(/_/g, ' ')}
                  </span>
                  <span className="mt-2 flex flex-wrap gap-1">
                    {c.areaLabels.map((a) => (
                      <Badge key={a} tone="info">
                        {a}
                      </Badge>
                    ))}
                  </span>
                  <span className="mt-2 block text-sm">
                    {c.nextFreeSlot ? (
                      <>
                        Next free: <strong>{formatInZone(Date.parse(c.nextFreeSlot), zone)}</strong>
                      </>
                    ) : (
                      'No free time in the next four weeks'
                    )}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      </section>

      {clinician && (
        <section aria-labelledby="step-time">
          <div className="mb-3 flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between">
            <h2 id="step-time" className="text-lg font-semibold">
              3. Time
            </h2>
            <div className="flex flex-col gap-1 text-sm sm:flex-row sm:items-center sm:gap-2">
              <label htmlFor="viewer-zone" className="shrink-0 font-medium">
                Show times in
              </label>
              {/* Full width on a phone: a long zone name with "(this device)" must not be cut. */}
              <Select id="viewer-zone" value={zone} onChange={(e) => setZone(e.target.value)} className="w-full py-1 text-sm sm:w-auto">
                {zones.map((z) => (
                  <option key={z} value={z}>
                    {z.replace(/_/g, ' ')}
                    {z === browserZone ? ' (this device)' : z === clinician.timezone ? ` (${clinician.name.split(' ')[0]})` : ''}
                  </option>
                ))}
              </Select>
            </div>
          </div>
          {problem && (
            <Alert tone="warning" role="alert" title={problem.title} className="mb-4">
              {problem.message}
            </Alert>
          )}
          <Card>
            <SlotPicker
              key={`${clinician.id}-${type.id}`}
              clinicianId={clinician.id}
              consultTypeId={type.id}
              viewerTimezone={zone}
              clinicianTimezone={clinician.timezone}
              clinicianName={clinician.name}
              value={startsAt}
              onChange={chooseTime}
              refreshKey={refreshKey}
            />
          </Card>
        </section>
      )}

      {clinician && startsAt && terms && (
        <section aria-labelledby="step-pay">
          <h2 id="step-pay" className="mb-3 text-lg font-semibold">
            4. Confirm and pay
          </h2>
          <Card className="space-y-3">
            <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
              <dt className="text-sm text-muted">Consult</dt>
              <dd>
                {type.name}, {type.durationMinutes} minutes, video
              </dd>
              <dt className="text-sm text-muted">With</dt>
              <dd>{clinician.name}</dd>
              <dt className="text-sm text-muted">Your time</dt>
              <dd data-testid="summary-your-time">{formatInZone(Date.parse(startsAt), zone, { dateStyle: 'full' })}</dd>
              {clinician.timezone !== zone && (
                <>
                  <dt className="text-sm text-muted">{clinician.name.split(' ')[0]}&apos;s time</dt>
                  <dd>{formatInZone(Date.parse(startsAt), clinician.timezone, { dateStyle: 'full' })}</dd>
                </>
              )}
              <dt className="text-sm text-muted">Price</dt>
              <dd className="font-semibold">{formatMoney(type.priceCents, type.currency)}</dd>
            </dl>
            <p className="text-sm text-muted">We hold this time for 30 minutes while you pay.</p>
            {terms.refundable ? (
              <p className="text-sm" data-testid="refund-policy">
                {describeRefundTerms(terms, (ms) => formatInZone(ms, zone), 'quote')}
              </p>
            ) : (
              <div className="space-y-2 rounded-lg border-2 border-amber-600 bg-amber-50 p-3">
                <p className="font-semibold">No refund for this time</p>
                <p className="text-sm" data-testid="refund-policy">
                  {describeRefundTerms(terms, (ms) => formatInZone(ms, zone), 'quote')} For a full refund if plans change, choose a time after{' '}
                  {formatInZone(Math.ceil((pickedAt + type.fullRefundWindowHours * 3_600_000 + PAYMENT_WINDOW_MS) / 3_600_000) * 3_600_000, zone)}.
                </p>
                <label htmlFor="no-refund-ack" className="flex cursor-pointer items-start gap-3">
                  <input
                    id="no-refund-ack"
                    type="checkbox"
                    className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
                    checked={noRefundTicked}
                    aria-invalid={tickError}
                    aria-describedby={tickError ? 'no-refund-ack-error' : undefined}
                    onChange={(e) => {
                      setNoRefundTicked(e.target.checked);
                      if (e.target.checked) setTickError(false);
                    }}
                  />
                  <span>I understand that this consult is not refunded if I cancel or miss it.</span>
                </label>
                {tickError && (
                  <p id="no-refund-ack-error" className="text-sm font-medium text-red-800">
                    Tick the box to book this time, or choose a later time for a full refund.
                  </p>
                )}
              </div>
            )}
            <Button onClick={hold} busy={busy} className="w-full sm:w-auto">
              Hold this time and pay
            </Button>
          </Card>
        </section>
      )}
    </div>
  );
}
