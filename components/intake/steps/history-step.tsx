'use client';

import { useFieldArray, useFormContext } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import { PRIOR_CARE_KINDS } from '@/lib/validation/intake';
import { errorAt, type IntakeForm } from '../form-values';

const PRIOR_CARE_LABELS: Record<(typeof PRIOR_CARE_KINDS)[number], string> = {
  physician: 'Doctor or sports physician',
  specialist: 'Specialist (for example an orthopaedic surgeon)',
  physiotherapist: 'Physiotherapist',
  chiropractor: 'Chiropractor',
  imaging: 'Scan or X-ray (MRI, CT, ultrasound)',
  other: 'Someone else',
};

function Section({ title, hint, children }: { title: string; hint: string; children: React.ReactNode }) {
  return (
    <section className="space-y-3" aria-label={title}>
      <h3 className="text-lg font-semibold">{title}</h3>
      <p className="text-muted">{hint}</p>
      {children}
    </section>
  );
}

function Row({ title, onRemove, children }: { title: string; onRemove: () => void; children: React.ReactNode }) {
  return (
    <li className="space-y-4 rounded-xl border border-line bg-white p-4">
      <div className="flex items-center justify-between gap-2">
        <p className="font-medium">{title}</p>
        <Button variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove ${title.toLowerCase()}`}>
          Remove
        </Button>
      </div>
      {children}
    </li>
  );
}

export function HistoryStep() {
  const { register, control, formState } = useFormContext<IntakeForm>();
  const err = (p: string) => errorAt(formState.errors, p);
  const episodes = useFieldArray({ control, name: 'episodes' });
  const care = useFieldArray({ control, name: 'priorCare' });
  const meds = useFieldArray({ control, name: 'medications' });

  return (
    <div className="space-y-10">
      <Section title="Earlier episodes" hint="Has this pain come and gone before? Add each time it started, and when it settled if it did.">
        <ol className="space-y-3">
          {episodes.fields.map((f, i) => (
            <Row key={f.id} title={`Episode ${i + 1}`} onRemove={() => episodes.remove(i)}>
              <div className="grid gap-4 sm:grid-cols-2">
                <Field size="base" path={`episodes.${i}.startedOn`} label="Month it started" hint="Month and year are enough." error={err(`episodes.${i}.startedOn`)}>
                  {(p) => <Input {...p} type="month" {...register(`episodes.${i}.startedOn`)} />}
                </Field>
                <Field size="base" path={`episodes.${i}.resolvedOn`} label="Month it settled" optional hint="Leave empty if it is still going on." error={err(`episodes.${i}.resolvedOn`)}>
                  {(p) => <Input {...p} type="month" {...register(`episodes.${i}.resolvedOn`)} />}
                </Field>
              </div>
              <Field size="base" path={`episodes.${i}.notes`} label="What happened?" optional error={err(`episodes.${i}.notes`)}>
                {(p) => <Textarea {...p} rows={2} {...register(`episodes.${i}.notes`)} />}
              </Field>
            </Row>
          ))}
        </ol>
        <Button variant="secondary" onClick={() => episodes.append({ startedOn: '', resolvedOn: '', notes: '' })}>
          Add an episode
        </Button>
      </Section>

      <Section title="Care so far" hint="Who have you seen about it, when, and what did they say or do?">
        <ol className="space-y-3">
          {care.fields.map((f, i) => (
            <Row key={f.id} title={`Visit ${i + 1}`} onRemove={() => care.remove(i)}>
              <div className="grid gap-4 sm:grid-cols-2">
                <Field size="base" path={`priorCare.${i}.kind`} label="Who did you see?" error={err(`priorCare.${i}.kind`)}>
                  {(p) => (
                    <Select {...p} {...register(`priorCare.${i}.kind`)}>
                      <option value="">Choose…</option>
                      {PRIOR_CARE_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {PRIOR_CARE_LABELS[k]}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
                <Field size="base" path={`priorCare.${i}.date`} label="Month" optional hint="Month and year are enough." error={err(`priorCare.${i}.date`)}>
                  {(p) => <Input {...p} type="month" {...register(`priorCare.${i}.date`)} />}
                </Field>
              </div>
              <Field size="base" path={`priorCare.${i}.notes`} label="What did they say or do?" optional error={err(`priorCare.${i}.notes`)}>
                {(p) => <Textarea {...p} rows={2} {...register(`priorCare.${i}.notes`)} />}
              </Field>
            </Row>
          ))}
        </ol>
        <Button variant="secondary" onClick={() => care.append({ kind: '' as 'other', date: '', notes: '' })}>
          Add a visit
        </Button>
      </Section>

      <Section title="Medicines" hint="Anything you took for it, or that changed it — for example a steroid course, and what happened to the pain.">
        <ol className="space-y-3">
          {meds.fields.map((f, i) => (
            <Row key={f.id} title={`Medicine ${i + 1}`} onRemove={() => meds.remove(i)}>
              <Field size="base" path={`medications.${i}.name`} label="Name of the medicine" error={err(`medications.${i}.name`)}>
                {(p) => <Input {...p} {...register(`medications.${i}.name`)} />}
              </Field>
              <Field size="base" path={`medications.${i}.notes`} label="When, how much, and what it did" optional error={err(`medications.${i}.notes`)}>
                {(p) => <Textarea {...p} rows={2} {...register(`medications.${i}.notes`)} />}
              </Field>
            </Row>
          ))}
        </ol>
        <Button variant="secondary" onClick={() => meds.append({ name: '', notes: '' })}>
          Add a medicine
        </Button>
      </Section>
    </div>
  );
}
