'use client';

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useRouter } from 'next/navigation';
import { FormProvider, useForm, useWatch, type FieldErrors, type Path, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/badge';
import { RED_FLAG_QUESTIONS } from '@/lib/triage';
import {
  INTAKE_STEP_FIELDS,
  INTAKE_STEP_LABELS,
  INTAKE_STEPS,
  intakeSubmissionSchemaFor,
  stepOfField,
  type IntakeStep,
  type IntakeSubmission,
} from '@/lib/validation/intake';
import type { EmergencyFailure, EmergencyReportView } from '@/lib/cases/emergency-status-text';
import { fieldId } from '@/components/ui/field';
import { EmergencyPanel, type EmergencyStatus } from './emergency-panel';
import { ErrorSummary, type SummaryError } from './error-summary';
import { emptyIntake, flattenErrors, mergeDraft, sortByDomOrder, type FlatError, type IntakeForm } from './form-values';
import { StepProgress } from './step-progress';
import { AboutStep } from './steps/about-step';
import { HistoryStep } from './steps/history-step';
import { ImagingStep } from './steps/imaging-step';
import { ReviewStep } from './steps/review-step';
import { SafetyStep } from './steps/safety-step';
import { StoryStep } from './steps/story-step';
import { TrainingStep } from './steps/training-step';
import { WhereStep } from './steps/where-step';
import { readLocalDraft, saveStateText, useDraftAutosave, type LocalDraft, type ServerDraft } from './use-draft-autosave';

export interface IntakeWizardProps {
  userId: string;
  serverDraft: ServerDraft | null;
  prefill: { name: string | null; dateOfBirth: string | null; sex: string | null; timezone: string | null; phone?: string | null; mayCall?: boolean | null };
  timezones: readonly string[];
  /** GUARDIAN_REQUIRED_UNDER_AGE of the server, so the form refuses what the API refuses. */
  guardianUnderAge: number;
  /** Editing a submitted case: starts from its current answers, no draft autosave, sent as a new version. */
  amend?: { caseId: string; submission: unknown };
}

const EMERGENCY_CODES = RED_FLAG_QUESTIONS.filter((q) => q.urgency === 'emergency').map((q) => q.code);

const noSubscribe = () => () => undefined;

const isStep = (v: unknown): v is IntakeStep => typeof v === 'string' && (INTAKE_STEPS as readonly string[]).includes(v);

/** The step this history entry shows (`?step=`), if any: each step is its own entry, so Back and Forward move between steps. */
function stepInUrl(): IntakeStep | null {
  const v = new URLSearchParams(window.location.search).get('step');
  return isStep(v) ? v : null;
}

/** Adds a history entry for `step` (the address keeps everything else). Next.js keeps useSearchParams in step. */
function pushStepEntry(step: IntakeStep): void {
  if (stepInUrl() === step) return;
  const url = new URL(window.location.href);
  url.searchParams.set('step', step);
  window.history.pushState(null, '', `${url.pathname}${url.search}${url.hash}`);
}

/** Index of the furthest step a saved draft had reached (kept in its data as `reachedStep`). */
function reachedIn(data: unknown): number {
  const r = typeof data === 'object' && data !== null && 'reachedStep' in data ? data.reachedStep : undefined;
  return isStep(r) ? INTAKE_STEPS.indexOf(r) : 0;
}

/**
 * Renders only in the browser: the answers may come from this device's local copy (typed offline, or the tab
 * closed before the server had them), which the server cannot see.
 */
export function IntakeWizardRoot(props: IntakeWizardProps) {
  const inBrowser = useSyncExternalStore(noSubscribe, () => true, () => false);
  if (!inBrowser) {
    return (
      <p className="mx-auto max-w-3xl text-muted" role="status">
        Loading your answers…
      </p>
    );
  }
  if (props.amend) return <IntakeWizard {...props} local={null} />;
  const local = readLocalDraft(props.userId);
  // Same base as the server's draft: it holds edits the server never got. Any other base means the server moved on
  // (saved from another device, or submitted/discarded): the local copy is stale and must not resurrect it.
  const useLocal = local !== null && local.baseRevision === (props.serverDraft?.revision ?? 0);
  return <IntakeWizard {...props} local={useLocal ? local : null} />;
}

function initialValues(props: IntakeWizardProps & { local: LocalDraft | null }): IntakeForm {
  const base = emptyIntake(props.prefill);
  const data = props.amend?.submission ?? props.local?.data ?? props.serverDraft?.data;
  const values = data ? mergeDraft(base, data) : base;
  // Editing a submitted case asks for consent again.
  if (props.amend) values.consent = emptyIntake().consent;
  if (!values.patient.timezone) values.patient.timezone = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  return values;
}

function IntakeWizard(props: IntakeWizardProps & { local: LocalDraft | null }) {
  const { userId, serverDraft, prefill, timezones, local, amend, guardianUnderAge } = props;
  const router = useRouter();
  const intakeSubmissionSchema = useMemo(() => intakeSubmissionSchemaFor(guardianUnderAge), [guardianUnderAge]);
  const methods = useForm<IntakeForm, unknown, IntakeSubmission>({
    // The schema's input types the guardian as unknown (it is checked against the date of birth); the form's type
    // spells the guardian fields out for the inputs.
    resolver: zodResolver(intakeSubmissionSchema) as unknown as Resolver<IntakeForm, unknown, IntakeSubmission>,
    // Errors appear when the patient presses Next (never on blur: a message appearing under a field would move
    // the Next button away from the pointer mid-click). A shown error is re-checked as its field changes.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: initialValues(props),
    shouldFocusError: false,
  });
  const { getValues, reset, setError, clearErrors, handleSubmit, control, formState } = methods;

  // Where the wizard opens: the step in the address (a reload keeps the step on screen) when the patient had
  // reached it, else the draft's step. Every step reached before stays open from the progress bar.
  const [start] = useState(() => {
    const draftStep: IntakeStep = amend ? 'review' : (local?.step ?? serverDraft?.step ?? 'about');
    const reachedAt = amend ? INTAKE_STEPS.length - 1 : Math.max(INTAKE_STEPS.indexOf(draftStep), reachedIn(local?.data ?? serverDraft?.data));
    const fromUrl = stepInUrl();
    return { step: fromUrl && INTAKE_STEPS.indexOf(fromUrl) <= reachedAt ? fromUrl : draftStep, reached: reachedAt };
  });
  const [step, setStep] = useState<IntakeStep>(start.step);
  const [reached, setReached] = useState(start.reached);
  const reachedRef = useRef(start.reached);
  const [summary, setSummary] = useState<SummaryError[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const stepRef = useRef(step);
  useEffect(() => {
    stepRef.current = step;
  }, [step]);

  const autosave = useDraftAutosave({
    userId,
    initialRevision: serverDraft?.revision ?? 0,
    disabled: Boolean(amend),
    initiallyDirty: local !== null,
    snapshot: () => ({ data: { ...getValues(), reachedStep: INTAKE_STEPS[reachedRef.current] }, step: stepRef.current }),
  });
  const { markChanged, saveNow, rebase } = autosave;

  /** Once a field shows an error, it is re-checked on every change so the message goes as soon as it is fixed. */
  const recheckField = useCallback(
    (name: string) => {
      if (!methods.getFieldState(name as Path<IntakeForm>).error) return;
      const parsed = intakeSubmissionSchema.safeParse(getValues());
      const issue = parsed.success ? undefined : parsed.error.issues.find((i) => i.path.map(String).join('.') === name);
      if (issue) setError(name as Path<IntakeForm>, { type: 'step', message: issue.message });
      else clearErrors(name as Path<IntakeForm>);
    },
    [methods, getValues, setError, clearErrors, intakeSubmissionSchema],
  );

  // Every change: local copy now, server copy after a pause.
  const { subscribe } = methods;
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ name }) => {
          markChanged();
          if (name) recheckField(name);
        },
      }),
    [subscribe, markChanged, recheckField],
  );

  const redFlags = useWatch({ control, name: 'redFlags' });
  const emergency = EMERGENCY_CODES.some((c) => redFlags?.[c] === true);
  const wasEmergency = useRef(emergency);
  useEffect(() => {
    if (emergency && !wasEmergency.current) {
      document.getElementById('emergency-panel')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    }
    wasEmergency.current = emergency;
  }, [emergency]);

  // An emergency answer goes to the on-call team at once (CONTRACTS §4c), not when the form is sent; the panel
  // only ever repeats what the server confirmed.
  const [emergencyReport, setEmergencyReport] = useState<{ kind: 'idle' } | { kind: 'sending' } | { kind: 'sent'; report: EmergencyReportView } | { kind: 'failed'; reason: EmergencyFailure }>({ kind: 'idle' });
  const sendEmergencyReport = useCallback(async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        // The server reads the saved draft: make sure it holds the answer just given.
        await saveNow();
        const res = await fetch('/api/intake-draft/emergency', { method: 'POST', headers: { 'content-type': 'application/json' }, cache: 'no-store' });
        if (res.status === 200 || res.status === 201) {
          setEmergencyReport({ kind: 'sent', report: (await res.json()) as EmergencyReportView });
          return;
        }
        if (res.status === 400) {
          const body = (await res.json().catch(() => ({}))) as { error?: string };
          // A save still in flight may not hold the answer yet: try again shortly, then say it plainly.
          if (body.error === 'not_an_emergency' && attempt < 3) {
            await new Promise((r) => setTimeout(r, 700));
            continue;
          }
          setEmergencyReport({ kind: 'failed', reason: body.error === 'missing_contact' ? 'missing_contact' : 'not_an_emergency' });
          return;
        }
        setEmergencyReport({ kind: 'failed', reason: res.status === 401 ? 'signed_out' : 'server' });
      } catch {
        setEmergencyReport({ kind: 'failed', reason: 'offline' });
      }
      return;
    }
  }, [saveNow]);
  const reporting = useRef(false);
  const reportEmergency = useCallback(async () => {
    if (reporting.current) return;
    reporting.current = true;
    try {
      await sendEmergencyReport();
    } finally {
      reporting.current = false;
    }
  }, [sendEmergencyReport]);
  const reportState = emergencyReport.kind;
  useEffect(() => {
    if (emergency && !amend && reportState === 'idle') void reportEmergency();
  }, [emergency, amend, reportState, reportEmergency]);
  const emergencyStatus: EmergencyStatus = amend
    ? { kind: 'not_sent' }
    : emergencyReport.kind === 'sent'
      ? emergencyReport
      : emergencyReport.kind === 'failed'
        ? {
            kind: 'failed',
            reason: emergencyReport.reason,
            retry: () => {
              setEmergencyReport({ kind: 'sending' });
              void reportEmergency();
            },
          }
        : { kind: 'sending' };

  const focusField = useCallback((path: string) => {
    const el = document.getElementById(fieldId(path));
    if (el) {
      el.focus();
      el.scrollIntoView({ block: 'center' });
    }
  }, []);

  const pendingFocus = useRef<'heading' | 'summary' | null>(null);

  /** Shows a step; `history: 'none'` when the browser already moved (Back/Forward), else a new history entry. */
  const goTo = useCallback(
    (next: IntakeStep, opts: { keepSummary?: boolean; history?: 'push' | 'none'; reached?: number } = {}) => {
      if (opts.history !== 'none') pushStepEntry(next);
      reachedRef.current = Math.max(reachedRef.current, INTAKE_STEPS.indexOf(next), opts.reached ?? 0);
      setReached(reachedRef.current);
      setStep(next);
      if (!opts.keepSummary) setSummary([]);
      setFormError(null);
      stepRef.current = next;
      void saveNow();
    },
    [saveNow],
  );

  // Back and Forward: show the entry's step as it was, with nothing typed lost and no validation in the way (an
  // entry without `?step=` is where this visit began). A step never reached (an edited address) is not opened.
  const startStep = start.step;
  useEffect(() => {
    const onPopState = () => {
      const wanted = stepInUrl() ?? startStep;
      const target = INTAKE_STEPS.indexOf(wanted) <= reachedRef.current ? wanted : INTAKE_STEPS[reachedRef.current];
      if (target === stepRef.current) return;
      pendingFocus.current = 'heading';
      goTo(target, { history: 'none' });
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [goTo, startStep]);

  // Move focus to the new step's heading (or its first error) after the step renders.
  useEffect(() => {
    if (pendingFocus.current === 'summary') {
      const list = summaryRef.current ? sortByDomOrder(summary) : summary;
      if (list[0]) focusField(list[0].path);
    } else if (pendingFocus.current === 'heading') {
      headingRef.current?.focus();
      window.scrollTo({ top: 0 });
    }
    pendingFocus.current = null;
  }, [step, summary, focusField]);

  /**
   * Validates the current step against the one schema. The issues are computed here (not read back from
   * react-hook-form's state, which only updates on the next render) and put on the fields with setError.
   */
  const validateStep = (s: IntakeStep): FlatError[] => {
    const parsed = intakeSubmissionSchema.safeParse(getValues());
    const seen = new Set<string>();
    const issues: FlatError[] = [];
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      if (stepOfField(path) !== s || seen.has(path)) continue;
      seen.add(path);
      issues.push({ path, message: issue.message });
    }
    clearErrors(INTAKE_STEP_FIELDS[s] as Path<IntakeForm>[]);
    for (const i of issues) setError(i.path as Path<IntakeForm>, { type: 'step', message: i.message });
    return issues;
  };

  const next = () => {
    const issues = validateStep(step);
    if (issues.length > 0) {
      const list = sortByDomOrder(issues);
      setSummary(list);
      focusField(list[0].path);
      return;
    }
    pendingFocus.current = 'heading';
    goTo(INTAKE_STEPS[INTAKE_STEPS.indexOf(step) + 1]);
  };

  const back = () => {
    pendingFocus.current = 'heading';
    goTo(INTAKE_STEPS[Math.max(0, INTAKE_STEPS.indexOf(step) - 1)]);
  };

  /** Shows the first step (in wizard order) that has an error, with its summary; nothing typed is touched. */
  const jumpToFirstStepWithErrors = (errors: FlatError[]) => {
    const first = INTAKE_STEPS.find((s) => errors.some((e) => stepOfField(e.path) === s)) ?? 'review';
    pushStepEntry(first);
    setStep(first);
    stepRef.current = first;
    setSummary(errors.filter((e) => stepOfField(e.path) === first));
    pendingFocus.current = 'summary';
  };

  const onValid = async (submission: IntakeSubmission) => {
    setSubmitting(true);
    setFormError(null);
    try {
      await saveNow();
      const res = await fetch(amend ? `/api/intakes/${amend.caseId}` : '/api/intakes', {
        method: amend ? 'PUT' : 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(submission),
      });
      if (amend && res.status === 200) {
        router.push(`/cases/${amend.caseId}?updated=1`);
        return;
      }
      if (res.status === 409 && amend) {
        setFormError('This case is closed, so it cannot be changed. Start a new intake instead.');
        setSubmitting(false);
        return;
      }
      if (res.status === 201) {
        const body = (await res.json()) as { id: string };
        autosave.stop();
        router.push(`/cases/${body.id}?submitted=1`);
        return;
      }
      if (res.status === 400) {
        const body = (await res.json().catch(() => ({}))) as { fieldErrors?: Record<string, string[]> };
        const errors: FlatError[] = [];
        for (const [path, messages] of Object.entries(body.fieldErrors ?? {})) {
          if (!path || path === '_root') {
            setFormError(messages[0] ?? 'Some answers could not be accepted.');
            continue;
          }
          setError(path as Path<IntakeForm>, { type: 'server', message: messages[0] });
          errors.push({ path, message: messages[0] });
        }
        if (errors.length > 0) jumpToFirstStepWithErrors(errors);
        else setFormError((f) => f ?? 'Some answers could not be accepted. Please check them and try again.');
        setSubmitting(false);
        return;
      }
      if (res.status === 429) {
        const body = (await res.json().catch(() => ({}))) as { message?: string };
        setFormError(body.message ?? 'Too many attempts. Your answers are saved; please wait a while and send them again.');
      } else if (res.status === 401) {
        setFormError('You are signed out. Your answers are saved on this device: sign in again, then send them.');
      } else {
        setFormError('We could not send your answers just now. They are saved; please try again in a moment.');
      }
    } catch {
      setFormError('No connection. Your answers are saved on this device; try sending again when you are back online.');
    }
    setSubmitting(false);
  };

  const onInvalid = (errors: FieldErrors<IntakeForm>) => {
    jumpToFirstStepWithErrors(flattenErrors(errors, INTAKE_STEPS.flatMap((s) => INTAKE_STEP_FIELDS[s])));
  };

  const onFormSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    // Two versions of the answers exist: moving on (or sending) would silently pick one. The choice comes first.
    if (autosave.state.kind === 'conflict') {
      conflictRef.current?.focus();
      return;
    }
    if (step === 'review') void handleSubmit(onValid, onInvalid)(e);
    else next();
  };

  const conflict = autosave.state.kind === 'conflict' ? autosave.state.current : null;
  const isLast = step === 'review';
  const statusText = saveStateText(autosave.state);
  const inConflict = autosave.state.kind === 'conflict';
  const conflictRef = useRef<HTMLDivElement>(null);

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      {(emergency || emergencyReport.kind === 'sent') && <EmergencyPanel status={emergencyStatus} />}
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{amend ? 'Update your answers' : 'Tell us about your pain'}</h1>
        <p className="mt-1 text-muted">
          {amend
            ? 'Change what is new or wrong, then send it again. We keep what you sent before; the team sees both versions.'
            : 'About 10 minutes. Your answers are saved as you go, so you can stop and come back on any device.'}
        </p>
      </div>
      <StepProgress
        current={step}
        reached={reached}
        onGo={(s) => {
          pendingFocus.current = 'heading';
          goTo(s);
        }}
      />
      {!amend && (
      <p
        role="status"
        aria-live="polite"
        data-testid="save-status"
        data-state={autosave.state.kind}
        className={
          autosave.state.kind === 'offline' || autosave.state.kind === 'signed-out' || autosave.state.kind === 'failed'
            ? 'text-sm font-medium text-amber-900'
            : 'text-sm text-muted'
        }
      >
        {statusText}
      </p>
      )}
      {local && (
        <Alert tone="info">We restored answers you typed on this device that had not reached our server yet.</Alert>
      )}
      <ErrorSummary ref={summaryRef} errors={summary} onPick={focusField} />
      {formError && (
        <Alert tone="danger" role="alert" title="Not sent yet">
          {formError}
        </Alert>
      )}
      <FormProvider {...methods}>
        <form noValidate onSubmit={onFormSubmit} className="space-y-8" aria-labelledby="step-heading">
          <section aria-labelledby="step-heading" className="space-y-6">
            <h2 id="step-heading" ref={headingRef} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
              {INTAKE_STEP_LABELS[step]}
            </h2>
            {step === 'about' && <AboutStep timezones={timezones} guardianUnderAge={guardianUnderAge} />}
            {step === 'where' && <WhereStep />}
            {step === 'story' && <StoryStep />}
            {step === 'history' && <HistoryStep />}
            {step === 'training' && <TrainingStep />}
            {step === 'imaging' && <ImagingStep />}
            {step === 'safety' && <SafetyStep />}
            {step === 'review' && (
              <ReviewStep
                onEdit={(s) => {
                  pendingFocus.current = 'heading';
                  goTo(s);
                }}
              />
            )}
          </section>
          {inConflict && (
            <div ref={conflictRef} tabIndex={-1} data-testid="draft-conflict" className="focus:outline-none">
              <Alert tone="warning" title="Your draft was changed somewhere else" role="alert">
                <p>You (or another tab) saved newer answers. Which version do you want to keep? Choose one before you go on.</p>
                <div className="mt-2 flex flex-wrap gap-2">
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => {
                      if (conflict) {
                        rebase(conflict.revision);
                        reset(mergeDraft(emptyIntake(prefill), conflict.data));
                        goTo(conflict.step, { reached: reachedIn(conflict.data) });
                      } else void saveNow();
                    }}
                  >
                    Use the newer answers
                  </Button>
                  <Button
                    size="sm"
                    onClick={() => {
                      rebase(conflict?.revision ?? 0);
                      void saveNow();
                    }}
                  >
                    Keep the answers on this screen
                  </Button>
                </div>
              </Alert>
            </div>
          )}
          <div className="flex flex-col-reverse gap-3 border-t border-line pt-6 sm:flex-row sm:justify-between">
            {step !== 'about' ? (
              <Button variant="secondary" onClick={back}>
                Back
              </Button>
            ) : (
              <span />
            )}
            <Button type="submit" busy={submitting || formState.isSubmitting}>
              {isLast ? (amend ? 'Send the update' : 'Send to the rehab team') : 'Next'}
            </Button>
          </div>
        </form>
      </FormProvider>
    </div>
  );
}
