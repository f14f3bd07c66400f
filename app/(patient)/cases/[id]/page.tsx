import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { listPatientBookings } from '@/db/queries/bookings';
import type { PatientConsultSummary } from '@/db/queries/consult-notes';
import { listPatientVisibleEvents } from '@/db/queries/patient-case-activity';
import { CaseNextStep } from '@/components/intake/case-next-step';
import { CaseStatusTimeline, type ConsultStage } from '@/components/intake/case-status-timeline';
import { CaseThreadSection } from '@/components/queue/case-thread-section';
import { postCaseMessageAction } from '@/app/actions/post-case-message';
import { EmergencyPanel } from '@/components/intake/emergency-panel';
import { PatientCaseConsults } from '@/components/intake/patient-case-consults';
import { PatientCaseHistory } from '@/components/intake/patient-case-history';
import { PatientCaseIntake } from '@/components/intake/patient-case-intake';
import { Alert } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { nowMs } from '@/lib/booking/clock';
import { Card } from '@/components/ui/card';
import { requireRole } from '@/lib/auth/guards';
import { readConsultSummariesForPatient } from '@/lib/consults/read-consult-summaries';
import { ageOn } from '@/lib/format/age';
import { formatDateTime } from '@/lib/format/dates';
import { nextStepForCase, type NextStep } from '@/lib/cases/next-step';
import { formatInZone } from '@/lib/booking/format';
import { readIntakeForViewer } from '@/lib/cases/read-intake';
import { BODY_REGION_LABELS, type BodyRegion } from '@/lib/triage';
import type { IntakeSubmission } from '@/lib/validation/intake';
import type { CaseStatus } from '@/lib/domain/case';
import { editCasePath } from '@/lib/urls';
import { readOutcomes } from '@/lib/outcomes/read-outcomes';
import { OutcomeChart } from '@/components/outcomes/outcome-chart';
import { PlanView } from '@/components/outcomes/plan-view';

export const metadata: Metadata = { title: 'Your case' };

/**
 * A patient's own case: status timeline, guidance for their urgency while they wait (emergency first), the team's
 * messages, their scan explained and their answers read-only. Anyone else's case is a 404 (never 403).
 */
export default async function CasePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ submitted?: string; updated?: string }> }) {
  const user = await requireRole(['patient'], 'case');
  const { id } = await params;
  const { submitted, updated } = await searchParams;
  const db = await getDb();
  // Patients see only their own cases, even if they also hold another role.
  const found = await readIntakeForViewer(db, { id: user.id, roles: ['patient'] }, id, 'case.view');
  if (!found) notFound();

  const events = await listPatientVisibleEvents(db, id);
  const outcomes = await readOutcomes(db, { id: user.id, roles: ['patient'] }, id);
  const plan = outcomes?.plan ?? null;
  const nextCheckIn = outcomes?.checkIns.find((c) => !c.submittedAt) ?? null;
  const now = new Date(nowMs());
  const caseBookings = (await listPatientBookings(db, user.id)).filter((b) => b.caseId === id);
  const consults = caseBookings.filter((b) => b.status === 'confirmed' || b.status === 'completed');
  const summaries = consults.some((b) => b.status === 'completed') ? await readConsultSummariesForPatient(user, { caseId: id }) : new Map<string, PatientConsultSummary>();
  const kase = found.case;
  const nextStep = nextStepForCase(kase.status, caseBookings, nowMs());
  const submission = found.version.submission as IntakeSubmission;
  const urgency = kase.urgency;
  const tz = user.timezone || submission.patient.timezone || 'UTC';
  const times: Partial<Record<CaseStatus, Date>> = { submitted: kase.submittedAt };
  for (const e of events) if (e.toStatus && !times[e.toStatus]) times[e.toStatus] = e.createdAt;
  const age = ageOn(submission.patient.dateOfBirth, kase.submittedAt);
  const regions = kase.regions.map((r) => BODY_REGION_LABELS[r as BodyRegion] ?? r).join(', ');

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      {urgency === 'emergency' && <EmergencyPanel status={{ kind: 'submitted' }} />}
      {kase.incomplete && (
        <Alert tone="warning" title="Your intake is not finished">
          Our on-call team has your contact details and safety answers. When you can, <Link href="/intake" className="underline">finish the rest of your answers</Link>: they are added to this case.
        </Alert>
      )}
      <div>
        <p className="text-sm text-muted">
          <Link href="/cases" className="text-brand-700 underline-offset-2 hover:underline">
            My cases
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Your case: {regions}</h1>
        <p className="mt-1 text-muted">Sent {formatDateTime(kase.submittedAt, tz)}</p>
      </div>
      {submitted === '1' && (
        <Alert tone="success" role="status" title="Sent — we have your answers">
          We sent a confirmation to {user.email}. You can close this page; we will email you when the team replies.
        </Alert>
      )}
      {updated === '1' && (
        <Alert tone="success" role="status" title={`Updated — this is version ${found.version.version}`}>
          The team sees your new answers and the earlier ones.
        </Alert>
      )}
      <CaseNextStep step={nextStep} caseId={kase.id} urgency={urgency} timeZone={tz} reviewDueAt={kase.slaDueAt} />
      <Card>
        <h2 className="mb-4 text-lg font-semibold">Where your case is</h2>
        <CaseStatusTimeline status={kase.status} times={times} timeZone={tz} consult={consultStage(nextStep, tz)} />
      </Card>
      <PatientCaseConsults consults={consults} summaries={summaries} />
      {plan && outcomes && (
        <>
          <Card>
            <section aria-labelledby="your-plan-heading">
              <h2 id="your-plan-heading" className="text-lg font-semibold">
                Your return-to-training plan
              </h2>
              <p className="mb-4 mt-1 text-sm text-muted">
                From your clinician{plan.version > 1 ? ` (updated: version ${plan.version})` : ''}. Follow it week by week and tell us how it goes at each check-in.
              </p>
              <PlanView
                plan={plan}
                caseId={kase.id}
                nextCheckIn={nextCheckIn && { id: nextCheckIn.id, dueAt: nextCheckIn.dueAt, open: nextCheckIn.sentAt !== null || nextCheckIn.dueAt <= now }}
                timeZone={tz}
                now={now}
                audience="patient"
              />
            </section>
          </Card>
          <Card>
            <section aria-labelledby="your-progress-heading">
              <h2 id="your-progress-heading" className="mb-3 text-lg font-semibold">
                Your progress
              </h2>
              <OutcomeChart
                checkIns={outcomes.checkIns}
                baselinePain={outcomes.baselinePain}
                startsOn={plan.startsOn}
                phases={plan.phases}
                competitionDate={plan.competitionDate}
                timeZone={tz}
                heading="Your pain and activities since the plan started"
              />
            </section>
          </Card>
        </>
      )}
      <Card>
        <h2 id="messages-heading" className="scroll-mt-4 text-lg font-semibold">
          Messages
        </h2>
        <p className="mb-3 mt-1 text-sm text-muted">Write to the rehab team here. We email you when a clinician replies.</p>
        <CaseThreadSection caseId={id} viewer={{ id: user.id, roles: ['patient'], name: user.name }} timeZone={tz} post={postCaseMessageAction} />
        <PatientCaseHistory events={events} timeZone={tz} />
      </Card>
      <PatientCaseIntake submission={submission} version={found.version.version} age={age} storedFindings={found.assessment?.mriFindings} storedUnread={found.assessment?.unreadMri} />
      <div className="flex flex-wrap gap-2">
        {kase.status !== 'closed' && (kase.incomplete ? <ButtonLink href="/intake">Finish your answers</ButtonLink> : <ButtonLink href={editCasePath(kase.id)}>Update your answers</ButtonLink>)}
        <ButtonLink href="/cases" variant="secondary">
          Back to my cases
        </ButtonLink>
      </div>
    </div>
  );
}

/** The consult's own stage in the timeline, once one is recommended or booked. */
function consultStage(step: NextStep, tz: string): ConsultStage | undefined {
  switch (step.kind) {
    case 'book':
      return { label: 'Book your consult', detail: 'Choose a time with the Book button above.', done: false };
    case 'finish_payment':
      return { label: 'Consult held, payment pending', detail: 'Pay to confirm the time.', done: false };
    case 'join':
      return { label: 'Consult booked', detail: formatInZone(step.startsAt, tz, { dateStyle: 'full' }), done: false };
    case 'consult_done':
      return { label: 'Consult held', detail: 'See your clinician’s summary below.', done: true };
    default:
      return undefined;
  }
}
