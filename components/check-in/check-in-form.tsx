'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Controller, FormProvider, useForm, useWatch, type DefaultValues, type FieldErrors, type Path } from 'react-hook-form';
import type { z } from 'zod';
import { Alert } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FieldGroup } from '@/components/ui/field';
import { EmergencyPanel } from '@/components/intake/emergency-panel';
import { ErrorSummary, type SummaryError } from '@/components/intake/error-summary';
import { PainScale, RadioChoices, type Choice } from '@/components/intake/choice-controls';
import { errorAt, flattenErrors, sortByDomOrder } from '@/components/intake/form-values';
import { SafetyStep } from '@/components/intake/steps/safety-step';
import { focusField } from '@/components/intake/use-wizard-navigation';
import { SaveStatusLine } from '@/components/intake/wizard-parts';
import { GLOBAL_CHANGE_LABELS, GLOBAL_CHANGE_VALUES, TRAINING_STATUS_LABELS, signedChange } from '@/lib/domain/check-in-labels';
import { TRAINING_STATUSES } from '@/lib/domain/outcomes';
import { RED_FLAG_QUESTIONS, RED_FLAG_URGENCY } from '@/lib/triage';
import { checkInSchema, type CheckInDraft, type CheckInInput } from '@/lib/validation/outcomes';
import { CheckInAnswers } from './check-in-answers';
import { readLocalCheckInDraft, useCheckInDraft } from './use-check-in-draft';
import { useInBrowser } from '@/components/ui/use-in-browser';

type CheckInValues = z.input<typeof checkInSchema>;
type SubmitResult = { caseUrgency: string; reopened: boolean };

interface CheckInFormProps {
  /** The page's title and intro: the emergency panel, when shown, comes before it. */
  header: ReactNode;
  checkInId: string;
  psfsActivities: string[];
  stopIf: string | null;
  draft: CheckInDraft | null;
  draftSavedAt: string | null;
}

const ROOTS = ['painNow', 'painWorst', 'psfs', 'globalChange', 'trainingStatus', 'redFlags'] as const;
const PSFS_ANCHORS = { low: 'cannot do it', high: 'able to do it as well as before the problem', highShort: 'as well as before' };

/** The form's starting answers: the draft (this device's newer copy first) over empty answers; no defaults. */
function initialValues(activities: string[], draft: unknown): DefaultValues<CheckInValues> {
  const d = (draft ?? {}) as CheckInDraft;
  const num = (v: number | null | undefined) => (typeof v === 'number' ? v : undefined);
  const redFlags: Partial<Record<string, boolean>> = {};
  for (const q of RED_FLAG_QUESTIONS) {
    const answer = d.redFlags?.[q.code];
    if (typeof answer === 'boolean') redFlags[q.code] = answer;
  }
  return {
    painNow: num(d.painNow),
    painWorst: num(d.painWorst),
    psfs: activities.map((activity) => ({ activity, score: num(d.psfs?.find((p) => p.activity === activity)?.score) })),
    globalChange: num(d.globalChange),
    trainingStatus: d.trainingStatus ?? undefined,
    redFlags,
  };
}

/** Renders only in the browser: the answers may come from this device's copy, which the server cannot see. */
export function CheckInFormRoot(props: CheckInFormProps) {
  const inBrowser = useInBrowser();
  if (!inBrowser) {
    return (
      <div className="space-y-6">
        {props.header}
        <p className="text-muted" role="status">
          Loading your answers…
        </p>
      </div>
    );
  }
  const local = readLocalCheckInDraft(props.checkInId, props.draftSavedAt);
  return <CheckInForm {...props} local={local?.data ?? null} />;
}

/** POST /api/check-ins/:id and what its answer means for the form. */
async function send(checkInId: string, input: CheckInInput) {
  try {
    const res = await fetch(`/api/check-ins/${checkInId}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input), cache: 'no-store' });
    const body = (await res.json().catch(() => ({}))) as { caseUrgency?: string; reopened?: boolean; error?: string; message?: string; fieldErrors?: Record<string, string[]> };
    if (res.status === 201) return { kind: 'done' as const, result: { caseUrgency: String(body.caseUrgency), reopened: Boolean(body.reopened) } };
    if (res.status === 400) {
      const errors = Object.entries(body.fieldErrors ?? {})
        .filter(([p]) => p && p !== '_root')
        .map(([path, m]) => ({ path, message: m[0] ?? 'Please check this answer.' }));
      return errors.length ? { kind: 'invalid' as const, errors } : { kind: 'failed' as const, message: 'Some answers could not be accepted. Please check them and try again.' };
    }
    if (res.status === 409 && body.error === 'already_submitted') return { kind: 'already' as const };
    if (res.status === 409 || res.status === 429) return { kind: 'failed' as const, message: body.message ?? 'This check-in cannot be sent just now.' };
    if (res.status === 401) return { kind: 'failed' as const, message: 'You are signed out. Your answers are saved: sign in again, then send them.' };
    if (res.status === 404) return { kind: 'failed' as const, message: 'We cannot find this check-in for your account.' };
    return { kind: 'failed' as const, message: 'We could not send your answers just now. They are saved; please try again in a moment.' };
  } catch {
    return { kind: 'failed' as const, message: 'No connection. Your answers are saved; please send them again when you are back online.' };
  }
}

function CheckInForm({ header, checkInId, psfsActivities, stopIf, draft, local }: CheckInFormProps & { local: unknown }) {
  const router = useRouter();
  const [start] = useState(() => ({ local, values: initialValues(psfsActivities, local ?? draft) }));
  const methods = useForm<CheckInValues, unknown, CheckInInput>({
    resolver: zodResolver(checkInSchema),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: start.values,
    shouldFocusError: false,
  });
  const { control, formState, handleSubmit, getValues, setError, subscribe } = methods;
  const [summary, setSummary] = useState<SummaryError[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<{ result: SubmitResult; answers: CheckInInput } | null>(null);
  const summaryFocus = useRef(false);
  const autosave = useCheckInDraft({ checkInId, snapshot: () => getValues(), initiallyDirty: Boolean(start.local), onGone: () => router.refresh() });
  const { markChanged } = autosave;
  useEffect(() => subscribe({ formState: { values: true }, callback: () => markChanged() }), [subscribe, markChanged]);

  const redFlags = useWatch({ control, name: 'redFlags' });
  const emergencyAnswered = RED_FLAG_QUESTIONS.some((q) => q.urgency === 'emergency' && redFlags?.[q.code] === true);

  useEffect(() => {
    if (!summaryFocus.current || summary.length === 0) return;
    summaryFocus.current = false;
    focusField(sortByDomOrder(summary)[0].path);
  }, [summary]);

  const showErrors = (errors: SummaryError[]) => {
    summaryFocus.current = true;
    setSummary(sortByDomOrder(errors));
  };
  const onInvalid = (errors: FieldErrors<CheckInValues>) => showErrors(flattenErrors(errors, ROOTS));
  const onValid = async (input: CheckInInput) => {
    setSummary([]);
    setFormError(null);
    const r = await send(checkInId, input);
    if (r.kind === 'done') {
      autosave.stop();
      setResult({ result: r.result, answers: input });
      window.scrollTo({ top: 0 });
    } else if (r.kind === 'invalid') {
      for (const e of r.errors) setError(e.path as Path<CheckInValues>, { type: 'server', message: e.message });
      showErrors(r.errors);
    } else if (r.kind === 'already') {
      autosave.stop();
      router.refresh();
    } else setFormError(r.message);
  };
  const onSubmit = (e: FormEvent) => void handleSubmit(onValid, onInvalid)(e);

  if (result) return <CheckInSent header={header} result={result.result} answers={result.answers} />;

  return (
    <div className="space-y-6">
      {emergencyAnswered && <EmergencyPanel status={{ kind: 'not_sent' }} />}
      {header}
      <p className="-mt-4 text-muted">About 3 minutes. Your answers are saved as you go, so you can stop and come back on any device.</p>
      <SaveStatusLine state={autosave.state} />
      {start.local !== null && <Alert tone="info">We restored answers you typed on this device that had not reached our server yet.</Alert>}
      <ErrorSummary errors={summary} onPick={focusField} />
      <FormProvider {...methods}>
        <form noValidate onSubmit={onSubmit} className="space-y-6" aria-label="Your check-in">
          <Card className="space-y-6">
            <h2 className="text-lg font-semibold">Your pain</h2>
            <ScaleQuestion path="painNow" legend="How bad is your pain right now?" />
            <ScaleQuestion path="painWorst" legend="How bad was your pain at its worst this week?" />
          </Card>
          {psfsActivities.length > 0 && (
            <Card className="space-y-6">
              <div>
                <h2 className="text-lg font-semibold">The activities you told us about</h2>
                <p className="mt-1 text-muted">How well can you do each one today? 0 means you cannot do it at all; 10 means as well as before the problem.</p>
              </div>
              {psfsActivities.map((activity, i) => (
                <ScaleQuestion key={activity} path={`psfs.${i}.score`} legend={activity} anchors={PSFS_ANCHORS} />
              ))}
            </Card>
          )}
          <Card className="space-y-6">
            <h2 className="text-lg font-semibold">Overall</h2>
            <ChoiceQuestion
              path="globalChange"
              legend="Compared with when you first contacted us, how are you now?"
              choices={GLOBAL_CHANGE_VALUES.map((v) => ({ value: v, label: `${signedChange(v)}  ${GLOBAL_CHANGE_LABELS[v]}` }))}
            />
            <ChoiceQuestion
              path="trainingStatus"
              legend="Are you training at the moment?"
              choices={TRAINING_STATUSES.map((s) => ({ value: s, ...TRAINING_STATUS_LABELS[s] }))}
            />
          </Card>
          <Card className="space-y-4">
            <h2 className="text-lg font-semibold">Safety questions</h2>
            {stopIf && (
              <Alert tone="warning" title="Your plan says to stop and contact us if">
                <p className="whitespace-pre-line">{stopIf}</p>
              </Alert>
            )}
            <SafetyStep />
          </Card>
          {formError && (
            <Alert tone="danger" role="alert" title="Not sent yet">
              {formError}
            </Alert>
          )}
          <div className="border-t border-line pt-6">
            <Button type="submit" busy={formState.isSubmitting} className="w-full sm:w-auto">
              Send my check-in
            </Button>
          </div>
        </form>
      </FormProvider>
    </div>
  );
}

/** A 0–10 question (pain, or a PSFS activity) as a group of radio buttons. */
function ScaleQuestion({ path, legend, anchors }: { path: 'painNow' | 'painWorst' | `psfs.${number}.score`; legend: string; anchors?: typeof PSFS_ANCHORS }) {
  return (
    <Controller<CheckInValues, typeof path>
      name={path}
      render={({ field, formState }) => {
        const error = errorAt(formState.errors, path);
        return (
          <FieldGroup size="base" path={path} legend={legend} error={error}>
            <PainScale path={path} field={field as Parameters<typeof PainScale>[0]['field']} invalid={Boolean(error)} anchors={anchors} />
          </FieldGroup>
        );
      }}
    />
  );
}

/** One radio question of the form (rating of change, training status), its error under its legend. */
function ChoiceQuestion<V extends string | number>({ path, legend, choices }: { path: 'globalChange' | 'trainingStatus'; legend: string; choices: Choice<V>[] }) {
  return (
    <Controller<CheckInValues, typeof path>
      name={path}
      render={({ field, formState }) => {
        const error = errorAt(formState.errors, path);
        return (
          <FieldGroup size="base" path={path} legend={legend} error={error}>
            <RadioChoices path={path} field={field as Parameters<typeof RadioChoices<V>>[0]['field']} invalid={Boolean(error)} choices={choices} />
          </FieldGroup>
        );
      }}
    />
  );
}

/** After sending: the emergency panel first when the answers mean emergency, then what happens next and the answers. */
export function CheckInSent({ header, result, answers, earlier }: { header: ReactNode; result?: SubmitResult; answers: CheckInInput; earlier?: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const emergency = result ? result.caseUrgency === 'emergency' : RED_FLAG_QUESTIONS.some((q) => answers.redFlags[q.code] && RED_FLAG_URGENCY[q.code] === 'emergency');
  // Just sent: focus on what matters first (the emergency panel, else the confirmation). A later visit starts at the top.
  useEffect(() => {
    if (!result) return;
    if (emergency) document.getElementById('emergency-panel')?.focus();
    else headingRef.current?.focus();
  }, [result, emergency]);
  return (
    <div className="space-y-6">
      {emergency && <EmergencyPanel status={{ kind: 'submitted' }} />}
      {header}
      <div>
        <h2 ref={headingRef} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
          {result ? 'Sent — thank you' : 'This check-in was already sent'}
        </h2>
        <p className="mt-1 text-muted">{earlier ?? 'Your rehab team sees your answers with your plan. The next check-in will come by email.'}</p>
      </div>
      {result?.reopened && (
        <Alert tone="warning" role="status" title="Your team has been told">
          {emergency ? 'Your case is back with the rehab team as an emergency.' : 'Your answers suggest things are getting worse, so your case is back with the rehab team.'} A
          clinician will look at it and contact you.
        </Alert>
      )}
      <Card>
        <h3 className="mb-2 text-lg font-semibold">Your answers</h3>
        <CheckInAnswers answers={answers} />
      </Card>
    </div>
  );
}
