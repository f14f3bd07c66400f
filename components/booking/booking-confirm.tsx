'use client';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CheckboxField } from '@/components/ui/field';
import { formatInZone, formatMoney } from '@/lib/booking/format';
import { describeRefundTerms, PAYMENT_WINDOW_MS, type SlotRefundTerms } from '@/lib/booking/policy';
import type { ClinicianOption, ConsultTypeOption } from './booking-choices';

export const NO_REFUND_TICK_ID = 'no-refund-ack';

function BookingSummary({ type, clinician, startsAt, zone }: { type: ConsultTypeOption; clinician: ClinicianOption; startsAt: string; zone: string }) {
  return (
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
  );
}

interface NoRefundTick {
  ticked: boolean;
  error: boolean;
  onTick: (ticked: boolean) => void;
}

/** A time inside the refund window: said plainly, with the first refundable time, and booked only with a tick. */
function NoRefundNotice({ terms, type, pickedAt, zone, tick }: { terms: SlotRefundTerms; type: ConsultTypeOption; pickedAt: number; zone: string; tick: NoRefundTick }) {
  const firstRefundable = Math.ceil((pickedAt + type.fullRefundWindowHours * 3_600_000 + PAYMENT_WINDOW_MS) / 3_600_000) * 3_600_000;
  return (
    <div className="space-y-2 rounded-lg border-2 border-amber-600 bg-amber-50 p-3">
      <p className="font-semibold">No refund for this time</p>
      <p className="text-sm" data-testid="refund-policy">
        {describeRefundTerms(terms, (ms) => formatInZone(ms, zone), 'quote')} For a full refund if plans change, choose a time after {formatInZone(firstRefundable, zone)}.
      </p>
      <CheckboxField
        id={NO_REFUND_TICK_ID}
        error={tick.error ? 'Tick the box to book this time, or choose a later time for a full refund.' : undefined}
        input={{ checked: tick.ticked, onChange: (e) => tick.onTick(e.target.checked) }}
      >
        I understand that this consult is not refunded if I cancel or miss it.
      </CheckboxField>
    </div>
  );
}

/** Step 4: what is being booked, the refund policy of this time, and the button that holds it. */
export function ConfirmAndPay(p: {
  type: ConsultTypeOption;
  clinician: ClinicianOption;
  startsAt: string;
  zone: string;
  terms: SlotRefundTerms;
  pickedAt: number;
  tick: NoRefundTick;
  busy: boolean;
  onHold: () => void;
}) {
  return (
    <Card className="space-y-3">
      <BookingSummary type={p.type} clinician={p.clinician} startsAt={p.startsAt} zone={p.zone} />
      <p className="text-sm text-muted">We hold this time for 30 minutes while you pay.</p>
      {p.terms.refundable ? (
        <p className="text-sm" data-testid="refund-policy">
          {describeRefundTerms(p.terms, (ms) => formatInZone(ms, p.zone), 'quote')}
        </p>
      ) : (
        <NoRefundNotice terms={p.terms} type={p.type} pickedAt={p.pickedAt} zone={p.zone} tick={p.tick} />
      )}
      <Button onClick={p.onHold} busy={p.busy} className="w-full sm:w-auto">
        Hold this time and pay
      </Button>
    </Card>
  );
}
