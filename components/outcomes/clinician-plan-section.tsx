import { Card } from '@/components/ui/card';
import { formatDateTime } from '@/lib/format/dates';
import { OutcomeChart, type ChartCheckIn } from './outcome-chart';
import { PlanEditorPanel, type CurrentPlan, type PlanTemplateOption } from './plan-editor';
import { PlanView, type NextCheckIn } from './plan-view';

type SavePlan = Parameters<typeof PlanEditorPanel>[0]['save'];

const TREND_TEXT = { better: 'Better since the start', same: 'About the same since the start', worse: 'Worse since the start' } as const;

/**
 * The clinician's view of the case after the decision: the current plan (version, what the patient reads), the chart
 * of their check-ins, and the editor that saves a new version. Without `editable` the editor is not offered (a case
 * not decided with advice or a consult yet; see lib/outcomes/plan-availability.ts).
 */
export function ClinicianPlanSection({
  caseId,
  plan,
  planCreatedAt,
  checkIns,
  nextCheckIn,
  trend,
  baselinePain,
  templates,
  defaults,
  editable,
  save,
}: {
  caseId: string;
  plan: CurrentPlan | null;
  planCreatedAt: Date | null;
  checkIns: ChartCheckIn[];
  nextCheckIn: NextCheckIn | null;
  trend: keyof typeof TREND_TEXT | null;
  baselinePain: number | null;
  templates: PlanTemplateOption[];
  defaults: { startsOn: string; competitionDate: string | null };
  editable: boolean;
  save: SavePlan;
}) {
  if (!plan && !editable) return null;
  return (
    <Card>
      <section aria-labelledby="plan-heading" className="space-y-5">
        <div>
          <h2 id="plan-heading" className="text-lg font-semibold">
            Return-to-training plan
          </h2>
          {plan ? (
            <p className="text-sm text-muted">
              Version {plan.version}
              {planCreatedAt ? `, set ${formatDateTime(planCreatedAt)}` : ''}
              {trend ? ` · ${TREND_TEXT[trend]}` : ''}
            </p>
          ) : (
            <p className="text-sm text-muted">No plan yet. Set one below: the patient is emailed and the check-ins are scheduled.</p>
          )}
        </div>
        {plan && (
          <>
            <OutcomeChart checkIns={checkIns} baselinePain={baselinePain} startsOn={plan.startsOn} phases={plan.phases} competitionDate={plan.competitionDate} heading="Pain and activity since the plan started" />
            <PlanView plan={plan} caseId={caseId} nextCheckIn={nextCheckIn} timeZone="UTC" audience="clinician" />
          </>
        )}
        {/* Same place with or without a plan: the panel keeps its saved message when the first save adds the plan. */}
        {editable && <PlanEditorPanel caseId={caseId} templates={templates} plan={plan} defaults={defaults} save={save} />}
      </section>
    </Card>
  );
}
