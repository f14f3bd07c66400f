'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import type { ActionResult, FieldErrors } from '@/lib/action-result';
import { DEFAULT_CHECK_IN_WEEKS, type PlanExercise, type TemplatePhase } from '@/lib/domain/outcomes';
import { formatCalendarDate, parseCalendarDate } from '@/lib/format/dates';
import { datedPhases } from '@/lib/outcomes/schedule';
import type { NewPlan } from '@/db/queries/outcomes';

export interface PlanTemplateOption {
  id: string;
  title: string;
  phases: TemplatePhase[];
  exercises: PlanExercise[];
  stopIf: string;
  checkInWeeks: number[];
}

/** The plan as saved (db/queries/outcomes NewPlan's fields the editor shows) and its version. */
export type CurrentPlan = Pick<NewPlan, 'startsOn' | 'phases' | 'exercises' | 'stopIf' | 'competitionDate' | 'checkInWeeks' | 'templateId'> & { version: number };

type SavePlan = (caseId: string, input: unknown) => Promise<ActionResult<{ version: number; checkIns: number }>>;

interface PhaseDraft {
  title: string;
  fromWeek: string;
  toWeek: string;
  notes: string;
}
interface ExerciseDraft {
  name: string;
  sets: string;
  reps: string;
  loadNotes: string;
}

const DAY = 86_400_000;
const emptyPhase = (fromWeek = 1): PhaseDraft => ({ title: '', fromWeek: String(fromWeek), toWeek: String(fromWeek + 1), notes: '' });
const emptyExercise = (): ExerciseDraft => ({ name: '', sets: '', reps: '', loadNotes: '' });

const isoPlusDays = (iso: string, days: number) => new Date(parseCalendarDate(iso)! + days * DAY).toISOString().slice(0, 10);
const weekOf = (startsOn: string, date: string) => Math.floor((parseCalendarDate(date)! - parseCalendarDate(startsOn)!) / (7 * DAY)) + 1;

function phaseDraftsOfTemplate(phases: readonly TemplatePhase[]): PhaseDraft[] {
  return phases.map((p) => ({ title: p.title, fromWeek: String(p.fromWeek), toWeek: String(p.toWeek), notes: p.notes ?? '' }));
}
/** A stored plan's dated phases back as weeks from its start (what the editor edits). */
function phaseDraftsOfPlan(plan: CurrentPlan): PhaseDraft[] {
  return plan.phases.map((p) => ({ title: p.title, fromWeek: String(weekOf(plan.startsOn, p.from)), toWeek: String(weekOf(plan.startsOn, p.to)), notes: p.notes ?? '' }));
}
function exerciseDrafts(exercises: readonly PlanExercise[]): ExerciseDraft[] {
  return exercises.map((e) => ({ name: e.name, sets: e.sets ? String(e.sets) : '', reps: e.reps ?? '', loadNotes: e.loadNotes ?? '' }));
}

const wholeWeek = (v: string) => (/^\d{1,2}$/.test(v.trim()) && Number(v) >= 1 ? Number(v) : null);

/** The draft as the action's input, or the fields the browser can already tell are wrong. */
function toInput(d: { startsOn: string; phases: PhaseDraft[]; exercises: ExerciseDraft[]; stopIf: string; competitionDate: string; weeks: string; templateId: string }): { input: unknown } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (parseCalendarDate(d.startsOn) === null) errors.startsOn = ['Enter the day the plan starts.'];
  d.phases.forEach((p, i) => {
    const from = wholeWeek(p.fromWeek);
    const to = wholeWeek(p.toWeek);
    if (from === null) errors[`phases.${i}.from`] = ['Enter a week number, 1 or more.'];
    if (to === null) errors[`phases.${i}.to`] = ['Enter a week number, 1 or more.'];
    else if (from !== null && to < from) errors[`phases.${i}.to`] = ['A phase cannot end before it starts.'];
  });
  const weeks = d.weeks
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((w) => wholeWeek(w));
  if (weeks.some((w) => w === null)) errors.checkInWeeks = ['Write the weeks as whole numbers, e.g. 1, 2, 4, 8, 12.'];
  if (Object.keys(errors).length > 0) return { errors };
  const phases = datedPhases(
    d.phases.map((p) => ({ title: p.title, fromWeek: Number(p.fromWeek), toWeek: Number(p.toWeek), notes: p.notes })),
    d.startsOn,
  );
  return {
    input: {
      startsOn: d.startsOn,
      phases,
      exercises: d.exercises
        .filter((e) => e.name.trim() || e.sets.trim() || e.reps.trim() || e.loadNotes.trim())
        .map((e) => ({ name: e.name, ...(e.sets.trim() ? { sets: Number(e.sets) } : {}), reps: e.reps, loadNotes: e.loadNotes })),
      stopIf: d.stopIf,
      competitionDate: d.competitionDate,
      checkInWeeks: weeks,
      ...(d.templateId ? { templateId: d.templateId } : {}),
    },
  };
}

/**
 * "Set a return-to-training plan": start from a template (or the current plan), edit the phases in weeks from the start
 * day (the dates follow), the exercises, the stop rules, the competition date (the intake's, prefilled) and the
 * check-in weeks. Saving adds a new version; the server checks who may and what is valid again.
 */
function PlanEditor({
  caseId,
  templates,
  current,
  defaults,
  save,
  onSaved,
}: {
  caseId: string;
  templates: PlanTemplateOption[];
  current: CurrentPlan | null;
  defaults: { startsOn: string; competitionDate: string | null };
  save: SavePlan;
  /** What was saved (null when a new attempt starts): shown by PlanEditorPanel, outside this form. */
  onSaved: (message: string | null) => void;
}) {
  const router = useRouter();
  const [templateId, setTemplateId] = useState(current?.templateId ?? '');
  const [startsOn, setStartsOn] = useState(current?.startsOn ?? defaults.startsOn);
  const [phases, setPhases] = useState<PhaseDraft[]>(current ? phaseDraftsOfPlan(current) : [emptyPhase()]);
  const [exercises, setExercises] = useState<ExerciseDraft[]>(current ? exerciseDrafts(current.exercises) : [emptyExercise()]);
  const [stopIf, setStopIf] = useState(current?.stopIf ?? '');
  const [competitionDate, setCompetitionDate] = useState(current?.competitionDate ?? defaults.competitionDate ?? '');
  const [weeks, setWeeks] = useState((current?.checkInWeeks ?? DEFAULT_CHECK_IN_WEEKS).join(', '));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorOf = (k: string) => errors[k]?.[0];
  const validStart = parseCalendarDate(startsOn) !== null;

  const chooseTemplate = (id: string) => {
    setTemplateId(id);
    const t = templates.find((x) => x.id === id);
    if (!t) return;
    setPhases(phaseDraftsOfTemplate(t.phases));
    setExercises(t.exercises.length ? exerciseDrafts(t.exercises) : [emptyExercise()]);
    setStopIf(t.stopIf);
    setWeeks(t.checkInWeeks.join(', '));
  };
  const editPhase = (i: number, patch: Partial<PhaseDraft>) => setPhases((ps) => ps.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const editExercise = (i: number, patch: Partial<ExerciseDraft>) => setExercises((es) => es.map((e, j) => (j === i ? { ...e, ...patch } : e)));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    onSaved(null);
    const built = toInput({ startsOn, phases, exercises, stopIf, competitionDate, weeks, templateId });
    if ('errors' in built) {
      setErrors(built.errors);
      setFormError('Some fields need a change: see the messages beside them.');
      return;
    }
    setBusy(true);
    try {
      const r = await save(caseId, built.input);
      if (r.ok) {
        setErrors({});
        onSaved(`Plan saved as version ${r.data.version}. The patient has been emailed; ${r.data.checkIns} check-in${r.data.checkIns === 1 ? '' : 's'} scheduled.`);
        router.refresh();
      } else {
        setErrors(r.fieldErrors);
        setFormError(r.formError ?? 'Some fields need a change: see the messages beside them.');
      }
    } catch {
      setFormError('The plan could not be saved. Check your connection and try again; your text is still here.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label="Return-to-training plan">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Start the plan from a template" hint="Fills in the phases, exercises, stop rules and check-in weeks; edit them below." optional>
          {(p) => (
            <Select {...p} value={templateId} onChange={(e) => chooseTemplate(e.target.value)}>
              <option value="">{current ? `Keep version ${current.version}` : 'No template'}</option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Plan starts on" required error={errorOf('startsOn')} hint="Week 1 begins on this day.">
          {(p) => <Input {...p} type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />}
        </Field>
      </div>

      <fieldset className="space-y-3">
        <legend className="font-semibold">Phases</legend>
        {errorOf('phases') && <p className="text-sm font-medium text-red-700">{errorOf('phases')}</p>}
        {phases.map((ph, i) => {
          const from = wholeWeek(ph.fromWeek);
          const to = wholeWeek(ph.toWeek);
          const dates = validStart && from !== null && to !== null && to >= from ? `${formatCalendarDate(isoPlusDays(startsOn, (from - 1) * 7))} – ${formatCalendarDate(isoPlusDays(startsOn, to * 7 - 1))}` : null;
          return (
            <div key={i} className="space-y-3 rounded-lg border border-line p-3" role="group" aria-label={`Phase ${i + 1}`}>
              <div className="grid grid-cols-2 gap-3 sm:grid-cols-[1fr_6rem_6rem]">
                <Field label={`Phase ${i + 1} title`} required className="col-span-2 sm:col-span-1" error={errorOf(`phases.${i}.title`)}>
                  {(p) => <Input {...p} value={ph.title} onChange={(e) => editPhase(i, { title: e.target.value })} placeholder="Pain-free pulling, no bench" />}
                </Field>
                <Field label="From week" error={errorOf(`phases.${i}.from`)}>
                  {(p) => <Input {...p} inputMode="numeric" value={ph.fromWeek} onChange={(e) => editPhase(i, { fromWeek: e.target.value })} />}
                </Field>
                <Field label="To week" error={errorOf(`phases.${i}.to`)}>
                  {(p) => <Input {...p} inputMode="numeric" value={ph.toWeek} onChange={(e) => editPhase(i, { toWeek: e.target.value })} />}
                </Field>
              </div>
              {dates && <p className="text-sm text-muted">{dates}</p>}
              <Field label="What to do in this phase" optional error={errorOf(`phases.${i}.notes`)}>
                {(p) => <Textarea {...p} rows={2} className="min-h-16" value={ph.notes} onChange={(e) => editPhase(i, { notes: e.target.value })} />}
              </Field>
              {phases.length > 1 && (
                <Button variant="ghost" size="sm" onClick={() => setPhases((ps) => ps.filter((_, j) => j !== i))}>
                  Remove phase {i + 1}
                </Button>
              )}
            </div>
          );
        })}
        <Button variant="secondary" size="sm" onClick={() => setPhases((ps) => [...ps, emptyPhase((wholeWeek(ps.at(-1)?.toWeek ?? '0') ?? 0) + 1)])}>
          Add a phase
        </Button>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="font-semibold">Exercises</legend>
        {exercises.map((ex, i) => (
          <div key={i} className="grid grid-cols-2 gap-3 rounded-lg border border-line p-3 sm:grid-cols-[1fr_5rem_9rem]" role="group" aria-label={`Exercise ${i + 1}`}>
            <Field label={`Exercise ${i + 1}: name`} className="col-span-2 sm:col-span-1" error={errorOf(`exercises.${i}.name`)}>
              {(p) => <Input {...p} value={ex.name} onChange={(e) => editExercise(i, { name: e.target.value })} />}
            </Field>
            <Field label="Sets" error={errorOf(`exercises.${i}.sets`)}>
              {(p) => <Input {...p} inputMode="numeric" value={ex.sets} onChange={(e) => editExercise(i, { sets: e.target.value })} />}
            </Field>
            <Field label="Reps" error={errorOf(`exercises.${i}.reps`)}>
              {(p) => <Input {...p} value={ex.reps} onChange={(e) => editExercise(i, { reps: e.target.value })} />}
            </Field>
            <Field label="Load notes" className="col-span-2 sm:col-span-3" error={errorOf(`exercises.${i}.loadNotes`)}>
              {(p) => <Input {...p} value={ex.loadNotes} onChange={(e) => editExercise(i, { loadNotes: e.target.value })} placeholder="RPE 6, pain ≤ 3/10" />}
            </Field>
            <div className="col-span-2 sm:col-span-3">
              <Button variant="ghost" size="sm" onClick={() => setExercises((es) => (es.length > 1 ? es.filter((_, j) => j !== i) : [emptyExercise()]))}>
                Remove exercise {i + 1}
              </Button>
            </div>
          </div>
        ))}
        <Button variant="secondary" size="sm" onClick={() => setExercises((es) => [...es, emptyExercise()])}>
          Add an exercise
        </Button>
      </fieldset>

      <Field label="Stop and contact us if…" required hint="One reason a line; the patient sees them as a list." error={errorOf('stopIf')}>
        {(p) => <Textarea {...p} rows={3} value={stopIf} onChange={(e) => setStopIf(e.target.value)} />}
      </Field>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Competition date" optional hint={defaults.competitionDate ? `From the intake: ${formatCalendarDate(defaults.competitionDate)}.` : 'The patient gave none at intake.'} error={errorOf('competitionDate')}>
          {(p) => <Input {...p} type="date" value={competitionDate} onChange={(e) => setCompetitionDate(e.target.value)} />}
        </Field>
        <Field label="Check-in weeks" required hint="Weeks after the start, e.g. 1, 2, 4, 8, 12. Each is mailed at 09:00 the patient's time." error={errorOf('checkInWeeks')}>
          {(p) => <Input {...p} value={weeks} onChange={(e) => setWeeks(e.target.value)} />}
        </Field>
      </div>

      {formError && (
        <Alert tone="warning" role="alert">
          {formError}
        </Alert>
      )}
      <Button type="submit" busy={busy}>
        {current ? `Save as version ${current.version + 1}` : 'Save the plan and email the patient'}
      </Button>
    </form>
  );
}

/**
 * Where the clinician sets or changes the plan: under "Set a return-to-training plan" while there is none, then in a
 * closed "Edit the plan" disclosure. After a save the page refreshes and the first save moves the editor from the one
 * to the other, which mounts a new form: the confirmation ("the patient has been emailed; 5 check-ins scheduled")
 * is kept here, above both, so it stays on screen.
 */
export function PlanEditorPanel({
  caseId,
  templates,
  plan,
  defaults,
  save,
}: {
  caseId: string;
  templates: PlanTemplateOption[];
  plan: CurrentPlan | null;
  defaults: { startsOn: string; competitionDate: string | null };
  save: SavePlan;
}) {
  const [saved, setSaved] = useState<string | null>(null);
  const editor = <PlanEditor caseId={caseId} templates={templates} current={plan} defaults={defaults} save={save} onSaved={setSaved} />;
  return (
    <>
      {saved && (
        <Alert tone="success" role="status">
          {saved}
        </Alert>
      )}
      {plan ? (
        <details className="rounded-lg border border-line p-3">
          <summary className="cursor-pointer font-medium text-brand-700">Edit the plan (saves version {plan.version + 1})</summary>
          <div className="mt-4">{editor}</div>
        </details>
      ) : (
        <div className="space-y-3">
          <h3 className="font-semibold">Set a return-to-training plan</h3>
          {editor}
        </div>
      )}
    </>
  );
}
