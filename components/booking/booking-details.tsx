import Link from 'next/link';
import type { BookingView } from '@/db/queries/bookings';
import { PatientContact } from '@/components/queue/patient-contact';
import { formatInZone, formatMoney, formatRangeInZone } from '@/lib/booking/format';
import type { BookingSide } from '@/lib/booking/policy';
import { clinicianCasePath } from '@/lib/urls';

function PaymentText({ booking: b }: { booking: BookingView }) {
  if (!b.payment) return null;
  const money = (c: number) => formatMoney(c, b.payment?.currency ?? b.currency);
  return (
    <>
      <dt className="text-sm text-muted">Payment</dt>
      <dd>
        {b.payment.status === 'paid' && `${money(b.payment.amountCents)} paid`}
        {b.payment.status === 'refunded' && `${money(b.payment.refundedCents)} refunded`}
        {b.payment.status === 'open' && `${money(b.payment.amountCents)} due`}
        {b.payment.status === 'processing' && `${money(b.payment.amountCents)} processing`}
        {(b.payment.status === 'expired' || b.payment.status === 'failed') && 'Not charged'}
        {b.payment.provider === 'demo' && <span className="text-sm text-muted"> (demo payment, no real money)</span>}
      </dd>
    </>
  );
}

/** The clinician's view of who the patient is and which case the consult is about. */
function ClinicianFacts({ booking: b }: { booking: BookingView }) {
  return (
    <>
      <dt className="text-sm text-muted">Patient</dt>
      <dd>
        <PatientContact compact name={b.patientName} phone={b.patientPhone} mayCall={b.patientMayCall} email={b.patientEmail} />
      </dd>
      <dt className="text-sm text-muted">Case</dt>
      <dd>
        {b.relatedCaseId ? (
          <Link href={clinicianCasePath(b.relatedCaseId)} className="font-medium text-brand-700 underline">
            {b.caseId ? 'Open the case this consult is about' : "Open the patient's latest case"}
          </Link>
        ) : (
          <span className="text-muted">The patient has no case with us.</span>
        )}
      </dd>
    </>
  );
}

/** When (in the viewer's zone, and the other side's when it differs), how long, what was paid, and for which case. */
export function BookingDetails({ booking: b, as, viewerZone }: { booking: BookingView; as: BookingSide; viewerZone: string }) {
  const otherZone = as === 'patient' ? b.clinicianTimezone : b.patientTimezone;
  return (
    <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
      <dt className="text-sm text-muted">Your time</dt>
      <dd className="font-medium" data-testid="booking-time">
        {formatRangeInZone(b.startsAt, b.endsAt, viewerZone)}
      </dd>
      {otherZone !== viewerZone && (
        <>
          <dt className="text-sm text-muted">{as === 'patient' ? `${b.clinicianName.split(' ')[0]}'s time` : "Patient's time"}</dt>
          <dd>{formatInZone(b.startsAt, otherZone, { dateStyle: 'full' })}</dd>
        </>
      )}
      <dt className="text-sm text-muted">Length</dt>
      <dd>{b.durationMinutes} minutes, video</dd>
      <PaymentText booking={b} />
      {as === 'clinician' && <ClinicianFacts booking={b} />}
      {b.caseId && as === 'patient' && (
        <>
          <dt className="text-sm text-muted">Case</dt>
          <dd>Linked to your case, so the clinician reads your story first.</dd>
        </>
      )}
    </dl>
  );
}
