import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { listTeam } from '@/db/queries/team';
import { listAdviceTemplates } from '@/db/queries/templates';
import { Alert, Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { CaseActions } from '@/components/queue/case-actions';
import { CaseThread } from '@/components/queue/case-thread';
import { postCaseMessageAction } from '@/app/actions/post-case-message';
import { DecisionPanel } from '@/components/queue/decision-panel';
import { IntakeSummary } from '@/components/queue/intake-summary';
import { PatientContact } from '@/components/queue/patient-contact';
import { SafetyAnswers } from '@/components/queue/safety-answers';
import { CaseHistory } from '@/components/queue/case-history';
import { ConsultNotesHistory } from '@/components/queue/consult-notes-history';
import { urgencyTone } from '@/components/queue/urgency-tone';
import { cn } from '@/components/ui/cn';
import { hasRole, requireUser } from '@/lib/auth/guards';
import { audit } from '@/lib/audit';
import { formatSpan, slaState } from '@/lib/cases/format-queue';
import { formatDateTime } from '@/lib/format/dates';
import { OPEN_STATUSES, STATUS_LABELS, URGENCY_LABELS } from '@/lib/domain/case';
import { viewCaseForStaff } from '@/lib/cases/view-case';
import { clinicianCasePath } from '@/lib/urls';
import { claimCaseAction, closeCaseAction, decideCaseAction, reassignCaseAction, releaseCaseAction } from './actions';

export const metadata: Metadata = { title: 'Case' };
export const dynamic = 'force-dynamic';

export default async function CaseViewPage({ params }: { params: Promise<{ id: string }> }) {
  // Not requireRole: for anyone but an active clinician this address answers 404 like a missing case (minimum
  // necessary: an admin without the clinician role reads no case), and the denial is audited.
  const user = await requireUser();
  const { id } = await params;
  if (!hasRole(user, 'clinician')) {
    await audit({ actor: user, action: 'case.view', resourceType: 'case', resourceId: id.slice(0, 100), outcome: 'denied', details: { required: ['clinician'] } });
    notFound();
  }
  const view = await viewCaseForStaff(user, id);
  if (!view) notFound();
  const db = await getDb();
  const [team, templates] = await Promise.all([listTeam(db, { activeOnly: true }), listAdviceTemplates(db, { activeOnly: true })]);
  const h = view.header;
  const open = OPEN_STATUSES.includes(h.status);
  const sla = slaState(h.slaDueAt, view.at);
  const firstName = (h.patientName ?? 'there').split(/\s+/)[0];
  const screenReasons = view.reasons.filter((r) => r.source === 'screen');
  const otherReasons = view.reasons.filter((r) => r.source !== 'screen');
  const canDecide = h.status !== 'closed' && (!h.assignedClinicianId || h.assignedClinicianId === user.id);
  // The contact given with this case's intake, else the profile's (cases sent before phone numbers were asked).
  const given = (view.submission ?? {}) as {
    patient?: { name?: string; phone?: string; mayCall?: boolean };
    guardian?: { name: string; relationship: string };
    redFlags?: Partial<Record<string, boolean>>;
    redFlagsAnsweredAt?: Partial<Record<string, string>>;
  };
  const phone = given.patient?.phone ?? h.patientPhone;
  const mayCall = given.patient?.mayCall ?? h.patientMayCall;
  const patientName = h.patientName ?? given.patient?.name ?? null;

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/queue" className="text-brand-700 underline">
          ← Back to the queue
        </Link>
      </nav>
      <header className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">
            {patientName ?? 'Unnamed patient'}
            {view.age !== null && <span className="font-normal text-muted">, {view.age}</span>}
          </h1>
          <p className="mt-1 text-sm text-muted">
            Submitted {formatDateTime(h.submittedAt)} · waited {formatSpan(view.at - h.submittedAt.getTime())}
            {h.patientSex ? ` · ${h.patientSex}` : ''}
            {h.patientTimezone ? ` · patient's time zone ${h.patientTimezone}` : ''}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <span className={cn('rounded-full border px-3 py-1 text-sm font-semibold', urgencyTone(h.urgency))}>{URGENCY_LABELS[h.urgency]}</span>
          <Badge tone="info">{STATUS_LABELS[h.status]}</Badge>
          {h.incomplete && <Badge tone="warning">Intake not finished</Badge>}
          {open && (
            <span className={cn('rounded-md px-2 py-1 text-sm', sla.breached ? 'bg-red-700 font-semibold text-white' : 'bg-white text-ink')}>SLA {sla.text}</span>
          )}
        </div>
      </header>

      {h.incomplete && (
        <Alert tone="danger" title="Emergency sent from the safety screen: the intake is not finished">
          The patient answered yes to an emergency question and was told to call emergency services or go to A&amp;E now. This case holds only their
          contact details and the safety answers given so far; the rest of the intake is added here when they send it.
        </Alert>
      )}

      <Card>
        <h2 className="mb-2 text-lg font-semibold">Contact</h2>
        <PatientContact name={patientName} phone={phone} mayCall={mayCall} email={h.patientEmail} />
        {given.guardian && (
          <p className="mt-2 text-sm" data-testid="guardian">
            <strong>Under-age patient.</strong> Parent or guardian: {given.guardian.name} ({given.guardian.relationship}), who consented to this intake.
          </p>
        )}
      </Card>

      <section aria-labelledby="why-heading">
        <h2 id="why-heading" className="sr-only">
          Red flags and urgency reasons
        </h2>
        {view.reasons.length === 0 ? (
          <Alert tone="success" title="No red flags">
            The safety screen was negative and no concerning MRI finding was recognised. Urgency: {URGENCY_LABELS[h.urgency].toLowerCase()}.
          </Alert>
        ) : (
          <Alert tone={h.urgency === 'routine' ? 'warning' : 'danger'} title={`Why ${URGENCY_LABELS[h.urgency].toLowerCase()}`}>
            <ul className="list-disc space-y-1 pl-5" data-testid="urgency-reasons">
              {screenReasons.map((r, i) => (
                <li key={`s${i}`}>
                  <strong>Red flag:</strong> {r.text}
                </li>
              ))}
              {otherReasons.map((r, i) => (
                <li key={`o${i}`}>{/^(MRI|Age)\b/i.test(r.text) ? r.text : `${r.source === 'mri' ? 'MRI' : 'Age'}: ${r.text}`}</li>
              ))}
            </ul>
          </Alert>
        )}
      </section>

      <Card>
        <h2 className="mb-2 text-lg font-semibold">Assignment</h2>
        <CaseActions
          caseId={h.id}
          viewerId={user.id}
          assignedClinicianId={h.assignedClinicianId}
          assigneeName={h.assigneeName}
          open={open}
          colleagues={team.filter((m) => m.id !== user.id).map((m) => ({ id: m.id, name: m.name }))}
          canReassignAny={user.roles.includes('admin')}
          canClose={!open && h.status !== 'closed' && h.assignedClinicianId === user.id}
          claim={claimCaseAction}
          close={closeCaseAction}
          release={releaseCaseAction}
          reassign={reassignCaseAction}
        />
      </Card>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <SafetyAnswers redFlags={given.redFlags} answeredAt={given.redFlagsAnsweredAt} versionCreatedAt={view.intakeVersionCreatedAt} />
          {h.incomplete ? null : view.submission ? (
            <IntakeSummary submission={view.submission} findings={view.mriFindings} age={view.age} now={view.at} regions={h.regions} />
          ) : (
            <Card>
              <p>The intake of this case could not be found.</p>
            </Card>
          )}
        </div>
        <div className="min-w-0 space-y-6">
          <Card>
            <h2 className="mb-3 text-lg font-semibold">Respond</h2>
            {canDecide ? (
              <DecisionPanel caseId={h.id} urgency={h.urgency} firstName={firstName} templates={templates.map((t) => ({ id: t.id, title: t.title, body: t.body }))} decide={decideCaseAction} />
            ) : (
              <p className="text-sm text-muted">
                {h.status === 'closed' ? 'This case is closed.' : `${h.assigneeName ?? 'A colleague'} holds this case; only they can decide on it. You can still write an internal note.`}
              </p>
            )}
          </Card>
          <Card>
            <h2 className="mb-3 text-lg font-semibold">Messages and notes</h2>
            <CaseThread
              caseId={h.id}
              viewer="staff"
              viewerId={user.id}
              post={postCaseMessageAction}
              messages={view.messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() }))}
            />
          </Card>
          <Card>
            <h2 className="mb-3 text-lg font-semibold">Case history</h2>
            <CaseHistory events={view.events.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() }))} />
            <ConsultNotesHistory notes={view.consultNotes} />
          </Card>
          <Card>
            <h2 className="mb-3 text-lg font-semibold">Previous cases of this patient</h2>
            {view.otherCases.length === 0 ? (
              <p className="text-sm text-muted">None: this is their first case.</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {view.otherCases.map((c) => (
                  <li key={c.id}>
                    <Link href={clinicianCasePath(c.id)} className="font-medium text-brand-700 underline">
                      {formatDateTime(c.submittedAt)}
                    </Link>{' '}
                    · {URGENCY_LABELS[c.urgency]} · {STATUS_LABELS[c.status]}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
