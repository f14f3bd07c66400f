import type { ReactNode } from 'react';
import { formatCalendarDate, formatCalendarMonth } from '@/lib/format/dates';
import { BODY_REGION_LABELS, MOVEMENT_LABELS, RED_FLAG_QUESTIONS, type BodyRegion, type Movement } from '@/lib/triage';
import { INTAKE_STEP_LABELS } from '@/lib/cases/intake-steps';
import { PRIOR_CARE_KINDS } from '@/lib/validation/intake';
import type { IntakeStep } from '@/lib/domain/intake-step';
import { intakeFileOriginalPath } from '@/lib/urls';

/** Loose view of the answers: works for the live form (half-filled) and for a stored submission. */
export interface AnswersView {
  patient?: { name?: string; dateOfBirth?: string; sex?: string; timezone?: string; phone?: string; mayCall?: boolean };
  guardian?: { name?: string; relationship?: string; consent?: boolean };
  complaint?: {
    summary?: string;
    regions?: readonly string[];
    onsetDate?: string;
    onsetType?: string;
    mechanism?: string;
    painNow?: number;
    painWorst?: number;
    aggravating?: readonly string[];
    easing?: string;
    morningStiffness?: boolean;
  };
  episodes?: readonly { startedOn?: string; resolvedOn?: string; notes?: string }[];
  priorCare?: readonly { kind?: string; date?: string; notes?: string }[];
  medications?: readonly { name?: string; notes?: string }[];
  training?: { sport?: string; yearsTraining?: number; typicalRpe?: number; affectedLifts?: readonly string[]; nextCompetitionDate?: string; goals?: string };
  imaging?: { mriReport?: string; fileId?: string };
  redFlags?: Partial<Record<string, boolean>>;
}

const CARE: Record<string, string> = {
  physician: 'Doctor or sports physician',
  specialist: 'Specialist',
  physiotherapist: 'Physiotherapist',
  chiropractor: 'Chiropractor',
  imaging: 'Scan or X-ray',
  other: 'Someone else',
} satisfies Record<(typeof PRIOR_CARE_KINDS)[number], string>;
const ONSET: Record<string, string> = { sudden: 'Suddenly', gradual: 'Gradually', unknown: 'Not sure' };
const SEX: Record<string, string> = { female: 'Female', male: 'Male', other: 'Other', unspecified: 'Prefer not to say' };

const NOT_GIVEN = <span className="text-muted">Not given</span>;
const text = (v: string | undefined | null): ReactNode => (v && v.trim() ? v : NOT_GIVEN);
const yesNo = (v: boolean | undefined): ReactNode => (v === true ? 'Yes' : v === false ? 'No' : NOT_GIVEN);
const list = (items: readonly string[] | undefined): ReactNode => (items && items.length > 0 ? items.join(', ') : NOT_GIVEN);

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-t border-line py-2 first:border-t-0 sm:grid-cols-3 sm:gap-4">
      <dt className="font-medium text-muted">{label}</dt>
      <dd className="whitespace-pre-wrap break-words sm:col-span-2">{children}</dd>
    </div>
  );
}

function Block({ step, edit, headingLevel, children }: { step: IntakeStep; edit?: (step: IntakeStep) => ReactNode; headingLevel: 2 | 3; children: ReactNode }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="rounded-xl border border-line bg-white p-4" aria-labelledby={`answers-${step}`}>
      <div className="mb-2 flex items-center justify-between gap-2">
        <H id={`answers-${step}`} className="text-lg font-semibold">
          {INTAKE_STEP_LABELS[step]}
        </H>
        {edit?.(step)}
      </div>
      <dl>{children}</dl>
    </section>
  );
}

function AboutItems({ answers: a, showGuardian }: { answers: AnswersView; showGuardian: boolean }) {
  return (
    <>
      <Item label="Name">{text(a.patient?.name)}</Item>
      <Item label="Date of birth">{text(a.patient?.dateOfBirth && formatCalendarDate(a.patient.dateOfBirth))}</Item>
      <Item label="Sex">{a.patient?.sex ? SEX[a.patient.sex] ?? a.patient.sex : NOT_GIVEN}</Item>
      <Item label="Time zone">{text(a.patient?.timezone)}</Item>
      <Item label="Phone">{text(a.patient?.phone)}</Item>
      <Item label="May we phone you?">{yesNo(a.patient?.mayCall)}</Item>
      {showGuardian && (
        <>
          <Item label="Parent or guardian">{text(a.guardian?.name)}</Item>
          <Item label="Their relationship to you">{text(a.guardian?.relationship)}</Item>
          <Item label="They agree">{yesNo(a.guardian?.consent)}</Item>
        </>
      )}
    </>
  );
}

/** A list the patient may have left empty: "None" then, rather than "Not given" (an empty list is an answer). */
function ListOrNone<T>({ items, render }: { items: readonly T[] | undefined; render: (item: T) => ReactNode }) {
  if (!items || items.length === 0) return 'None';
  return (
    <ul className="space-y-1">
      {items.map((item, i) => (
        <li key={i}>{render(item)}</li>
      ))}
    </ul>
  );
}

function HistoryItems({ answers: a }: { answers: AnswersView }) {
  const month = (d: string | undefined, missing: string) => (d ? formatCalendarMonth(d) : missing);
  const notes = (n: string | undefined) => (n ? `: ${n}` : '');
  return (
    <>
      <Item label="Earlier episodes">
        <ListOrNone items={a.episodes} render={(e) => `${month(e.startedOn, '?')} → ${month(e.resolvedOn, 'still going on')}${notes(e.notes)}`} />
      </Item>
      <Item label="Care so far">
        <ListOrNone items={a.priorCare} render={(p) => `${(p.kind && CARE[p.kind]) || 'Someone'}${p.date ? ` (${formatCalendarMonth(p.date)})` : ''}${notes(p.notes)}`} />
      </Item>
      <Item label="Medicines">
        <ListOrNone items={a.medications} render={(m) => `${m.name || '?'}${notes(m.notes)}`} />
      </Item>
    </>
  );
}

/** Every answer, read-only, grouped by wizard step. `edit` renders an "Edit" control per step (review step only). */
export function IntakeAnswers({
  answers: a,
  edit,
  headingLevel = 3,
  showMri = true,
  showGuardian = Boolean(a.guardian?.name),
}: {
  answers: AnswersView;
  edit?: (step: IntakeStep) => ReactNode;
  headingLevel?: 2 | 3;
  showMri?: boolean;
  /** The live form keeps guardian fields for an adult too; show them only for a minor (or when stored). */
  showGuardian?: boolean;
}) {
  const c = a.complaint ?? {};
  const t = a.training ?? {};
  return (
    <div className="space-y-4">
      <Block step="about" edit={edit} headingLevel={headingLevel}>
        <AboutItems answers={a} showGuardian={showGuardian} />
      </Block>
      <Block step="where" edit={edit} headingLevel={headingLevel}>
        <Item label="Where it hurts">{list(c.regions?.map((r) => BODY_REGION_LABELS[r as BodyRegion] ?? r))}</Item>
        {c.regions && c.regions.length > 1 && <Item label="Main area">{BODY_REGION_LABELS[c.regions[0] as BodyRegion] ?? c.regions[0]}</Item>}
      </Block>
      <Block step="story" edit={edit} headingLevel={headingLevel}>
        <Item label="Started">{text(c.onsetDate && formatCalendarDate(c.onsetDate))}</Item>
        <Item label="How it started">{c.onsetType ? ONSET[c.onsetType] ?? c.onsetType : NOT_GIVEN}</Item>
        <Item label="What you were doing">{text(c.mechanism)}</Item>
        <Item label="Pain now">{typeof c.painNow === 'number' ? `${c.painNow} out of 10` : NOT_GIVEN}</Item>
        <Item label="Pain at its worst">{typeof c.painWorst === 'number' ? `${c.painWorst} out of 10` : NOT_GIVEN}</Item>
        <Item label="Makes it worse">{list(c.aggravating?.map((m) => MOVEMENT_LABELS[m as Movement] ?? m))}</Item>
        <Item label="Makes it better">{text(c.easing)}</Item>
        <Item label="Morning stiffness">{yesNo(c.morningStiffness)}</Item>
        <Item label="In your own words">{text(c.summary)}</Item>
      </Block>
      <Block step="history" edit={edit} headingLevel={headingLevel}>
        <HistoryItems answers={a} />
      </Block>
      <Block step="training" edit={edit} headingLevel={headingLevel}>
        <Item label="Sport">{text(t.sport)}</Item>
        <Item label="Years of training">{typeof t.yearsTraining === 'number' && !Number.isNaN(t.yearsTraining) ? t.yearsTraining : NOT_GIVEN}</Item>
        <Item label="Typical effort (RPE)">{typeof t.typicalRpe === 'number' && !Number.isNaN(t.typicalRpe) ? t.typicalRpe : NOT_GIVEN}</Item>
        <Item label="Affected lifts">{list(t.affectedLifts)}</Item>
        <Item label="Next competition">{text(t.nextCompetitionDate && formatCalendarDate(t.nextCompetitionDate))}</Item>
        <Item label="Goals">{text(t.goals)}</Item>
      </Block>
      <Block step="imaging" edit={edit} headingLevel={headingLevel}>
        <Item label="MRI report">{showMri ? text(a.imaging?.mriReport) : a.imaging?.mriReport ? 'See “Your scan explained”' : 'None'}</Item>
        {a.imaging?.fileId && (
          <Item label="Report file">
            <a href={intakeFileOriginalPath(a.imaging.fileId)} target="_blank" rel="noopener" className="font-medium text-brand-800 underline">
              Your uploaded report<span className="sr-only"> (opens in a new tab)</span>
            </a>
          </Item>
        )}
      </Block>
      <Block step="safety" edit={edit} headingLevel={headingLevel}>
        {RED_FLAG_QUESTIONS.map((q) => (
          <Item key={q.code} label={q.question}>
            {yesNo(a.redFlags?.[q.code])}
          </Item>
        ))}
      </Block>
    </div>
  );
}
