import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { listPatientBookings } from '@/db/queries/bookings';
import { findDraftOfPatient } from '@/db/queries/intake-drafts';
import { listCasesOfPatient } from '@/db/queries/intakes';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { audit } from '@/lib/audit';
import { requireRole } from '@/lib/auth/guards';
import { nowMs } from '@/lib/booking/clock';
import { formatInZone } from '@/lib/booking/format';
import { formatDateTime } from '@/lib/format/dates';
import { nextStepForCase } from '@/lib/cases/next-step';
import { BODY_REGION_LABELS, type BodyRegion } from '@/lib/triage';
import { INTAKE_STEP_LABELS } from '@/lib/cases/intake-steps';
import type { CaseStatus, Urgency } from '@/lib/domain/case';
import { patientCasePath } from '@/lib/urls';

export const metadata: Metadata = { title: 'My cases' };

const STATUS_TEXT: Record<CaseStatus, string> = {
  submitted: 'Waiting for a clinician',
  in_review: 'In review',
  advice_sent: 'Advice sent',
  consult_recommended: 'Consult recommended: book a time',
  referred: 'Referred',
  closed: 'Closed',
};
const URGENCY_TONE: Record<Urgency, 'danger' | 'warning' | 'neutral'> = { emergency: 'danger', urgent: 'warning', routine: 'neutral' };
const URGENCY_TEXT: Record<Urgency, string> = { emergency: 'Emergency', urgent: 'Urgent', routine: 'Routine' };

export default async function MyCasesPage() {
  const user = await requireRole(['patient'], 'case');
  const db = await getDb();
  const [rows, draft, bookings] = await Promise.all([listCasesOfPatient(db, user.id), findDraftOfPatient(db, user.id), listPatientBookings(db, user.id)]);
  const now = nowMs();
  // The status follows the booking: a booked consult is not "recommended" any more.
  const statusText = (c: (typeof rows)[number]) => {
    const step = nextStepForCase(c.status, bookings.filter((b) => b.caseId === c.id), now);
    if (step.kind === 'join') return `Consult booked: ${formatInZone(step.startsAt, user.timezone)}`;
    if (step.kind === 'finish_payment') return 'Consult held: payment pending';
    if (step.kind === 'consult_done') return 'Consult held';
    return STATUS_TEXT[c.status];
  };
  await audit({ actor: user, action: 'case.list', resourceType: 'case', patientId: user.id, details: { count: rows.length } });
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="My cases"
        description="Your submitted stories and what the rehab team said."
        actions={rows.length > 0 && !draft ? <ButtonLink href="/intake">Tell us about new pain</ButtonLink> : undefined}
      />
      {draft && (
        <div className="mb-6 rounded-xl border border-brand-100 bg-brand-50 p-4">
          <h2 className="font-semibold">You have answers you have not sent yet</h2>
          <p className="mt-1 text-sm text-muted">
            Last saved {formatDateTime(draft.updatedAt, user.timezone)}, at the step “{INTAKE_STEP_LABELS[draft.step]}”.
          </p>
          <ButtonLink href="/intake" className="mt-3">
            Continue where you left off
          </ButtonLink>
        </div>
      )}
      {rows.length === 0 ? (
        !draft && (
          <EmptyState title="You have no cases yet" action={<ButtonLink href="/intake">Tell us about your pain</ButtonLink>}>
            Tell your story once: where it hurts, how it started, what you have tried, and your scan report if you have one. A
            clinician reviews it and tells you what to do next.
          </EmptyState>
        )
      ) : (
        <ul className="space-y-3">
          {rows.map((c) => (
            <li key={c.id}>
              <Link href={patientCasePath(c.id)} className="block rounded-xl border border-line bg-white p-4 hover:border-brand-600 hover:bg-brand-50">
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold text-ink">{c.regions.map((r) => BODY_REGION_LABELS[r as BodyRegion] ?? r).join(', ')}</span>
                  <Badge tone={URGENCY_TONE[c.urgency]}>{URGENCY_TEXT[c.urgency]}</Badge>
                </span>
                <span className="mt-1 block text-sm text-muted">
                  {statusText(c)} · sent {formatDateTime(c.submittedAt, user.timezone)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
