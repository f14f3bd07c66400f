import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { findCaseIntakeFile } from '@/db/queries/intake-files';
import { listTeam } from '@/db/queries/team';
import { listAdviceTemplates } from '@/db/queries/templates';
import { Alert } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { CaseActions } from '@/components/queue/case-actions';
import { CaseThread } from '@/components/queue/case-thread';
import { postCaseMessageAction } from '@/app/actions/post-case-message';
import { CaseViewContact, type GivenWithIntake } from '@/components/queue/case-view-contact';
import { CaseViewHeader } from '@/components/queue/case-view-header';
import { CaseViewHistory } from '@/components/queue/case-view-history';
import { CaseViewIntake } from '@/components/queue/case-view-intake';
import { CaseViewPreviousCases } from '@/components/queue/case-view-previous-cases';
import { CaseViewReasons } from '@/components/queue/case-view-reasons';
import { CaseViewRespond } from '@/components/queue/case-view-respond';
import { hasRole, requireUser } from '@/lib/auth/guards';
import { audit } from '@/lib/audit';
import { OPEN_STATUSES } from '@/lib/domain/case';
import { viewCaseForStaff } from '@/lib/cases/view-case';
import { listPlanTemplates } from '@/db/queries/outcomes';
import { ClinicianPlanSection } from '@/components/outcomes/clinician-plan-section';
import { readOutcomes } from '@/lib/outcomes/read-outcomes';
import { competitionDateOf } from '@/lib/outcomes/schedule';
import { planEditable } from '@/lib/outcomes/plan-availability';
import { calendarDayIn } from '@/lib/format/dates';
import { claimCaseAction, closeCaseAction, decideCaseAction, reassignCaseAction, releaseCaseAction, setPlanAction } from './actions';

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
  const [team, templates, planTemplates, mriFile] = await Promise.all([
    listTeam(db, { activeOnly: true }),
    listAdviceTemplates(db, { activeOnly: true }),
    listPlanTemplates(db, { activeOnly: true }),
    // Scoped like the case; the file's bytes are fetched (and audited) by /api/intake-files/:id/thumbnail and /original.
    findCaseIntakeFile(db, user, view.header.id),
  ]);
  const outcomes = await readOutcomes(db, user, id);
  const h = view.header;
  const open = OPEN_STATUSES.includes(h.status);
  const given = (view.submission ?? {}) as GivenWithIntake;
  const patientName = h.patientName ?? given.patient?.name ?? null;
  const plan = outcomes?.plan ?? null;
  const now = new Date();
  const next = outcomes?.checkIns.find((c) => !c.submittedAt) ?? null;

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/queue" className="text-brand-700 underline">
          ← Back to the queue
        </Link>
      </nav>
      <CaseViewHeader view={view} patientName={patientName} open={open} />

      {h.incomplete && (
        <Alert tone="danger" title="Emergency sent from the safety screen: the intake is not finished">
          The patient answered yes to an emergency question and was told to call emergency services or go to A&amp;E now. This case holds only their
          contact details and the safety answers given so far; the rest of the intake is added here when they send it.
        </Alert>
      )}

      <CaseViewContact view={view} given={given} patientName={patientName} />
      <CaseViewReasons view={view} />

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
          {outcomes && (
            <ClinicianPlanSection
              caseId={h.id}
              plan={plan && { ...plan, phases: plan.phases, checkInWeeks: [...plan.checkInWeeks] }}
              planCreatedAt={plan?.createdAt ?? null}
              checkIns={outcomes.checkIns}
              nextCheckIn={next && { id: next.id, dueAt: next.dueAt, open: next.sentAt !== null || next.dueAt <= now }}
              trend={outcomes.trend}
              baselinePain={outcomes.baselinePain}
              templates={planTemplates.map((t) => ({ id: t.id, title: t.title, phases: t.phases, exercises: t.exercises, stopIf: t.stopIf, checkInWeeks: [...t.checkInWeeks] }))}
              defaults={{ startsOn: calendarDayIn(now), competitionDate: competitionDateOf(view.submission) }}
              editable={planEditable({ status: h.status, incomplete: h.incomplete, hasPlan: plan !== null })}
              save={setPlanAction}
            />
          )}
          <CaseViewIntake
            view={view}
            given={given}
            mriUpload={mriFile && { fileId: mriFile.fileId, extractedText: mriFile.extractedText, confirmedText: mriFile.confirmedText ?? '' }}
          />
        </div>
        <div className="min-w-0 space-y-6">
          <CaseViewRespond view={view} viewerId={user.id} templates={templates.map((t) => ({ id: t.id, title: t.title, body: t.body }))} decide={decideCaseAction} />
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
          <CaseViewHistory view={view} />
          <CaseViewPreviousCases otherCases={view.otherCases} />
        </div>
      </div>
    </div>
  );
}
