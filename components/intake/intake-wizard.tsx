'use client';

import { useRef, useState, type FormEvent } from 'react';
import { FormProvider, type FieldErrors, type Path } from 'react-hook-form';
import { Alert } from '@/components/ui/badge';
import { ALL_STEP_FIELDS, INTAKE_STEP_LABELS, nextStep, openingStep, previousStep, reachedStepIndex } from '@/lib/cases/intake-steps';
import { EmergencyPanel } from './emergency-panel';
import { ErrorSummary } from './error-summary';
import { emptyIntake, flattenErrors, mergeDraft, type FlatError, type IntakeForm } from './form-values';
import { StepProgress } from './step-progress';
import { stepInUrl } from './step-url';
import { readLocalDraft, useDraftAutosave, type LocalDraft, type ServerDraft } from './use-draft-autosave';
import { useEmergencyReport } from './use-emergency-report';
import { useIntakeForm, useRecheckOnChange, validateStep } from './use-intake-form';
import { useIntakeSubmit } from './use-intake-submit';
import { focusField, useStepState, useWizardNavigation } from './use-wizard-navigation';
import { DraftConflict, SaveStatusLine, StepBody, WizardButtons, WizardIntro } from './wizard-parts';
import { INTAKE_STEPS } from '@/lib/domain/intake-step';
import { UploadContext } from './upload/upload-context';
import { useIntakeUpload } from './upload/use-intake-upload';
import { useInBrowser } from '@/components/ui/use-in-browser';

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


/**
 * Renders only in the browser: the answers may come from this device's local copy (typed offline, or the tab
 * closed before the server had them), which the server cannot see.
 */
export function IntakeWizardRoot(props: IntakeWizardProps) {
  const inBrowser = useInBrowser();
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
  // The confirmation of an uploaded report's text (and the file's name) is no answer of the submission: the draft
  // keeps it beside `imaging`.
  const snapshot = () => {
    const values = methods.getValues();
    const imaging = { ...values.imaging, ...upload.draftNote() };
    return { data: { ...values, imaging, reachedStep: INTAKE_STEPS[steps.reachedRef.current] }, step: steps.stepRef.current };
  };
  const autosave = useDraftAutosave({
    userId,
    initialRevision: serverDraft?.revision ?? 0,
    disabled: Boolean(amend),
    initiallyDirty: local !== null,
    snapshot: () => snapshot(),
  });
  const upload = useIntakeUpload({
    methods,
    // A submitted case being amended had its text confirmed when it was sent.
    restored: amend ? { confirmed: true, fileName: null } : draftUploadNote(local?.data ?? serverDraft?.data),
    onChange: autosave.markChanged,
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
  return { methods, schema, step: steps.step, reached: steps.reached, autosave, emergency, moves, headingRef, summaryRef, submit, upload };
}

/** What a draft recorded of the uploaded report: whether its text was confirmed, and the file's name. */
function draftUploadNote(data: unknown): { confirmed: boolean; fileName: string | null } {
  const imaging = (data as { imaging?: { fileConfirmed?: unknown; fileName?: unknown } } | undefined)?.imaging;
  return { confirmed: imaging?.fileConfirmed === true, fileName: typeof imaging?.fileName === 'string' ? imaging.fileName.slice(0, 255) : null };
}

/** Puts the upload's issues on their fields (the checkbox, the upload panel) as the schema's issues are. */
function markUploadIssues(methods: ReturnType<typeof useIntakeForm>['methods'], issues: FlatError[]): void {
  for (const i of issues) methods.setError(i.path as Path<IntakeForm>, { type: 'step', message: i.message });
}

function IntakeWizard(props: WizardProps) {
  const { prefill, timezones, local, amend, guardianUnderAge } = props;
  const { methods, schema, step, reached, autosave, emergency, moves: nav, headingRef, summaryRef, submit, upload } = useIntakeWizard(props);
  const conflictRef = useRef<HTMLDivElement>(null);
  const conflict = autosave.state.kind === 'conflict' ? autosave.state.current : null;

  const next = () => {
    const uploadIssues = step === 'imaging' ? upload.issues('next') : [];
    const issues = [...validateStep(methods, schema, step), ...uploadIssues];
    markUploadIssues(methods, uploadIssues);
    if (issues.length > 0) nav.showErrors(issues);
    else nav.show(nextStep(step));
  };
  const onInvalid = (errors: FieldErrors<IntakeForm>) => nav.jumpToFirstStepWithErrors(flattenErrors(errors, ALL_STEP_FIELDS));
  const onFormSubmit = (e: FormEvent) => {
    e.preventDefault();
    // Two versions of the answers exist: moving on (or sending) would silently pick one. The choice comes first.
    if (autosave.state.kind === 'conflict') conflictRef.current?.focus();
    else if (step === 'review') {
      // An uploaded report must be read and its text confirmed before it is sent with the intake.
      const uploadIssues = upload.issues('submit');
      markUploadIssues(methods, uploadIssues);
      if (uploadIssues.length > 0) nav.jumpToFirstStepWithErrors(uploadIssues);
      else void methods.handleSubmit(submit.onValid, onInvalid)(e);
    }
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
      <UploadContext value={upload}>
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
      </UploadContext>
    </div>
  );
}
