'use client';

import { useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { FormProvider, type FieldErrors } from 'react-hook-form';
import { Alert } from '@/components/ui/badge';
import { ALL_STEP_FIELDS, INTAKE_STEP_LABELS, nextStep, openingStep, previousStep, reachedStepIndex } from '@/lib/cases/intake-steps';
import { EmergencyPanel } from './emergency-panel';
import { ErrorSummary } from './error-summary';
import { emptyIntake, flattenErrors, mergeDraft, type IntakeForm } from './form-values';
import { StepProgress } from './step-progress';
import { stepInUrl } from './step-url';
import { readLocalDraft, useDraftAutosave, type LocalDraft, type ServerDraft } from './use-draft-autosave';
import { useEmergencyReport } from './use-emergency-report';
import { useIntakeForm, useRecheckOnChange, validateStep } from './use-intake-form';
import { useIntakeSubmit } from './use-intake-submit';
import { focusField, useStepState, useWizardNavigation } from './use-wizard-navigation';
import { DraftConflict, SaveStatusLine, StepBody, WizardButtons, WizardIntro } from './wizard-parts';
import { INTAKE_STEPS } from '@/lib/domain/intake-step';

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

const noSubscribe = () => () => undefined;

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


type WizardProps = IntakeWizardProps & { local: LocalDraft | null };

/** The form, the draft autosave (a snapshot of the answers and the steps reached) and the steps, wired together. */
function useIntakeWizard(props: WizardProps) {
  const { userId, serverDraft, local, amend } = props;
  const { methods, schema } = useIntakeForm(props);
  const [start] = useState(() =>
    openingStep({ amend: Boolean(amend), draftStep: local?.step ?? serverDraft?.step, draftData: local?.data ?? serverDraft?.data, urlStep: stepInUrl() }),
  );
  const steps = useStepState(start);
  const autosave = useDraftAutosave({
    userId,
    initialRevision: serverDraft?.revision ?? 0,
    disabled: Boolean(amend),
    initiallyDirty: local !== null,
    snapshot: () => ({ data: { ...methods.getValues(), reachedStep: INTAKE_STEPS[steps.reachedRef.current] }, step: steps.stepRef.current }),
  });
  useRecheckOnChange(methods, schema, autosave.markChanged);
  const emergency = useEmergencyReport({ control: methods.control, amend: Boolean(amend), saveNow: autosave.saveNow });
  const nav = useWizardNavigation(steps, autosave.saveNow);
  const submit = useIntakeSubmit({
    amend,
    saveNow: autosave.saveNow,
    stopAutosave: autosave.stop,
    setError: methods.setError,
    setFormError: nav.setFormError,
    showInvalid: nav.jumpToFirstStepWithErrors,
  });
  // Refs and values apart: the compiler's lint treats any object holding a ref as one.
  const { headingRef, summaryRef, ...moves } = nav;
  return { methods, schema, step: steps.step, reached: steps.reached, autosave, emergency, moves, headingRef, summaryRef, submit };
}

function IntakeWizard(props: WizardProps) {
  const { prefill, timezones, local, amend, guardianUnderAge } = props;
  const { methods, schema, step, reached, autosave, emergency, moves: nav, headingRef, summaryRef, submit } = useIntakeWizard(props);
  const conflictRef = useRef<HTMLDivElement>(null);
  const conflict = autosave.state.kind === 'conflict' ? autosave.state.current : null;

  const next = () => {
    const issues = validateStep(methods, schema, step);
    if (issues.length > 0) nav.showErrors(issues);
    else nav.show(nextStep(step));
  };
  const onInvalid = (errors: FieldErrors<IntakeForm>) => nav.jumpToFirstStepWithErrors(flattenErrors(errors, ALL_STEP_FIELDS));
  const onFormSubmit = (e: FormEvent) => {
    e.preventDefault();
    // Two versions of the answers exist: moving on (or sending) would silently pick one. The choice comes first.
    if (autosave.state.kind === 'conflict') conflictRef.current?.focus();
    else if (step === 'review') void methods.handleSubmit(submit.onValid, onInvalid)(e);
    else next();
  };
  const useNewer = () => {
    if (!conflict) return void autosave.saveNow();
    autosave.rebase(conflict.revision);
    methods.reset(mergeDraft(emptyIntake(prefill), conflict.data));
    nav.goTo(conflict.step, { reached: reachedStepIndex(conflict.data) });
  };
  const keepMine = () => {
    autosave.rebase(conflict?.revision ?? 0);
    void autosave.saveNow();
  };

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      {emergency.shown && <EmergencyPanel status={emergency.status} />}
      <WizardIntro amend={Boolean(amend)} />
      <StepProgress current={step} reached={reached} onGo={(s) => nav.show(s)} />
      {!amend && <SaveStatusLine state={autosave.state} />}
      {local && <Alert tone="info">We restored answers you typed on this device that had not reached our server yet.</Alert>}
      <ErrorSummary ref={summaryRef} errors={nav.summary} onPick={focusField} />
      {nav.formError && (
        <Alert tone="danger" role="alert" title="Not sent yet">
          {nav.formError}
        </Alert>
      )}
      <FormProvider {...methods}>
        <form noValidate onSubmit={onFormSubmit} className="space-y-8" aria-labelledby="step-heading">
          <section aria-labelledby="step-heading" className="space-y-6">
            <h2 id="step-heading" ref={headingRef} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
              {INTAKE_STEP_LABELS[step]}
            </h2>
            <StepBody step={step} timezones={timezones} guardianUnderAge={guardianUnderAge} onEdit={(s) => nav.show(s)} />
          </section>
          {autosave.state.kind === 'conflict' && <DraftConflict focusRef={conflictRef} onUseNewer={useNewer} onKeepMine={keepMine} />}
          {submit.retrying && (
            <Alert tone="info" role="status">
              Connection lost — retrying…
            </Alert>
          )}
          <WizardButtons step={step} amend={Boolean(amend)} busy={submit.submitting || methods.formState.isSubmitting} onBack={() => nav.show(previousStep(step))} />
        </form>
      </FormProvider>
    </div>
  );
}
