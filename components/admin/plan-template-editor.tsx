'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Textarea } from '@/components/ui/field';
import type { ActionResult } from '@/lib/action-result';
import { DEFAULT_CHECK_IN_WEEKS, type PlanExercise, type TemplatePhase } from '@/lib/domain/outcomes';
import { TemplateFormFooter } from './save-status';
import { useAdminSave } from './use-admin-save';

export interface PlanTemplateRow {
  id?: string;
  title: string;
  phases: TemplatePhase[];
  exercises: PlanExercise[];
  stopIf: string;
  checkInWeeks: number[];
  active: boolean;
}

// The form keeps what was typed (strings); numbers are read on submit and the server's schema judges them.
type PhaseDraft = { title: string; fromWeek: string; toWeek: string; notes: string };
type ExerciseDraft = { name: string; sets: string; reps: string; loadNotes: string };

const num = (v: string) => (v.trim() === '' ? undefined : Number(v));
const emptyPhase = (): PhaseDraft => ({ title: '', fromWeek: '', toWeek: '', notes: '' });
const emptyExercise = (): ExerciseDraft => ({ name: '', sets: '', reps: '', loadNotes: '' });

function draftsOf(t: PlanTemplateRow) {
  return {
    phases: t.phases.map((p) => ({ title: p.title, fromWeek: String(p.fromWeek), toWeek: String(p.toWeek), notes: p.notes ?? '' })),
    exercises: t.exercises.map((e) => ({ name: e.name, sets: e.sets === undefined ? '' : String(e.sets), reps: e.reps ?? '', loadNotes: e.loadNotes ?? '' })),
  };
}

/** Edit one return-to-training plan template (or create one when `template.id` is absent). */
export function PlanTemplateEditor({ template, save }: { template: PlanTemplateRow; save: (input: unknown) => Promise<ActionResult<{ id: string }>> }) {
  const isNew = !template.id;
  const initial = draftsOf(template);
  const [title, setTitle] = useState(template.title);
  const [phases, setPhases] = useState<PhaseDraft[]>(isNew ? [emptyPhase()] : initial.phases);
  const [exercises, setExercises] = useState<ExerciseDraft[]>(initial.exercises);
  const [stopIf, setStopIf] = useState(template.stopIf);
  const [weeks, setWeeks] = useState((template.checkInWeeks.length ? template.checkInWeeks : DEFAULT_CHECK_IN_WEEKS).join(', '));
  const [active, setActive] = useState(template.active);
  const form = useAdminSave();
  const firstError = (prefix: string) => form.errorOf(prefix) ?? Object.entries(form.errors).find(([k]) => k.startsWith(`${prefix}.`))?.[1][0];
  const setPhase = (i: number, patch: Partial<PhaseDraft>) => setPhases((ps) => ps.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const setExercise = (i: number, patch: Partial<ExerciseDraft>) => setExercises((es) => es.map((e, j) => (j === i ? { ...e, ...patch } : e)));

  return (
    <form
      noValidate
      className="max-w-3xl space-y-4"
      data-testid="plan-template-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const input = {
          id: template.id,
          title,
          phases: phases.map((p) => ({ title: p.title, fromWeek: num(p.fromWeek), toWeek: num(p.toWeek), notes: p.notes })),
          exercises: exercises.map((x) => ({ name: x.name, sets: num(x.sets), reps: x.reps, loadNotes: x.loadNotes })),
          stopIf,
          checkInWeeks: weeks.split(',').map((w) => w.trim()).filter(Boolean).map(Number),
          active,
        };
        const saved = await form.save(() => save(input), () => (isNew ? 'Plan template added.' : 'Plan template saved.'));
        if (saved && isNew) {
          setTitle('');
          setPhases([emptyPhase()]);
          setExercises([]);
          setStopIf('');
          setWeeks(DEFAULT_CHECK_IN_WEEKS.join(', '));
        }
      }}
    >
      <Field label="Title" error={form.errorOf('title')}>
        {(p) => <Input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-ink">Phases</legend>
        {form.errorOf('phases') && <p className="text-sm font-medium text-red-700">{form.errorOf('phases')}</p>}
        {phases.map((p, i) => (
          <fieldset key={i} className="space-y-3 rounded-md border border-line p-3" data-testid="plan-template-phase">
            <legend className="px-1 text-sm font-medium">Phase {i + 1}</legend>
            <Field label="Phase title" error={form.errorOf(`phases.${i}.title`)}>
              {(f) => <Input {...f} value={p.title} onChange={(e) => setPhase(i, { title: e.target.value })} />}
            </Field>
            <div className="grid grid-cols-2 gap-3">
              <Field label="From week" error={form.errorOf(`phases.${i}.fromWeek`)}>
                {(f) => <Input {...f} inputMode="numeric" value={p.fromWeek} onChange={(e) => setPhase(i, { fromWeek: e.target.value })} />}
              </Field>
              <Field label="To week" error={form.errorOf(`phases.${i}.toWeek`)}>
                {(f) => <Input {...f} inputMode="numeric" value={p.toWeek} onChange={(e) => setPhase(i, { toWeek: e.target.value })} />}
              </Field>
            </div>
            <Field label="Notes" optional error={form.errorOf(`phases.${i}.notes`)}>
              {(f) => <Textarea {...f} rows={2} value={p.notes} onChange={(e) => setPhase(i, { notes: e.target.value })} />}
            </Field>
            {phases.length > 1 && (
              <Button type="button" variant="secondary" onClick={() => setPhases((ps) => ps.filter((_, j) => j !== i))}>
                Remove phase {i + 1}
              </Button>
            )}
          </fieldset>
        ))}
        <Button type="button" variant="secondary" onClick={() => setPhases((ps) => [...ps, emptyPhase()])}>
          Add phase
        </Button>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-ink">Exercises</legend>
        {exercises.map((x, i) => (
          <fieldset key={i} className="space-y-3 rounded-md border border-line p-3">
            <legend className="px-1 text-sm font-medium">Exercise {i + 1}</legend>
            <Field label="Name" error={form.errorOf(`exercises.${i}.name`)}>
              {(f) => <Input {...f} value={x.name} onChange={(e) => setExercise(i, { name: e.target.value })} />}
            </Field>
            <div className="grid grid-cols-2 gap-3">
              <Field label="Sets" optional error={form.errorOf(`exercises.${i}.sets`)}>
                {(f) => <Input {...f} inputMode="numeric" value={x.sets} onChange={(e) => setExercise(i, { sets: e.target.value })} />}
              </Field>
              <Field label="Reps" optional error={form.errorOf(`exercises.${i}.reps`)}>
                {(f) => <Input {...f} value={x.reps} onChange={(e) => setExercise(i, { reps: e.target.value })} />}
              </Field>
            </div>
            <Field label="Load notes" optional error={form.errorOf(`exercises.${i}.loadNotes`)}>
              {(f) => <Input {...f} value={x.loadNotes} onChange={(e) => setExercise(i, { loadNotes: e.target.value })} />}
            </Field>
            <Button type="button" variant="secondary" onClick={() => setExercises((es) => es.filter((_, j) => j !== i))}>
              Remove exercise {i + 1}
            </Button>
          </fieldset>
        ))}
        <Button type="button" variant="secondary" onClick={() => setExercises((es) => [...es, emptyExercise()])}>
          Add exercise
        </Button>
      </fieldset>

      <Field label="Stop and contact us if…" error={form.errorOf('stopIf')}>
        {(p) => <Textarea {...p} rows={3} value={stopIf} onChange={(e) => setStopIf(e.target.value)} />}
      </Field>
      <Field label="Check-in weeks" hint="Weeks after the start, separated by commas, e.g. 1, 2, 4, 8, 12." error={firstError('checkInWeeks')}>
        {(p) => <Input {...p} value={weeks} onChange={(e) => setWeeks(e.target.value)} />}
      </Field>
      <TemplateFormFooter active={active} onActive={setActive} message={form.message} busy={form.busy} submitLabel={isNew ? 'Add plan template' : 'Save plan template'} />
    </form>
  );
}
