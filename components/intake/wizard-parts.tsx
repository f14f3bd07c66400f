'use client';

import type { Ref } from 'react';
import { Alert } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { AboutStep } from './steps/about-step';
import { HistoryStep } from './steps/history-step';
import { ImagingStep } from './steps/imaging-step';
import { ReviewStep } from './steps/review-step';
import { SafetyStep } from './steps/safety-step';
import { StoryStep } from './steps/story-step';
import { TrainingStep } from './steps/training-step';
import { WhereStep } from './steps/where-step';
import { saveStateText, type SaveState } from './use-draft-autosave';
import type { IntakeStep } from '@/lib/domain/intake-step';

export function WizardIntro({ amend }: { amend: boolean }) {
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">{amend ? 'Update your answers' : 'Tell us about your pain'}</h1>
      <p className="mt-1 text-muted">
        {amend
          ? 'Change what is new or wrong, then send it again. We keep what you sent before; the team sees both versions.'
          : 'About 10 minutes. Your answers are saved as you go, so you can stop and come back on any device.'}
      </p>
    </div>
  );
}

/** The autosave's state in words; a problem (offline, signed out, failed) stands out. */
export function SaveStatusLine({ state }: { state: SaveState }) {
  const trouble = state.kind === 'offline' || state.kind === 'signed-out' || state.kind === 'failed';
  return (
    <p role="status" aria-live="polite" data-testid="save-status" data-state={state.kind} className={trouble ? 'text-sm font-medium text-amber-900' : 'text-sm text-muted'}>
      {saveStateText(state)}
    </p>
  );
}

/** The step's own questions. */
export function StepBody({ step, timezones, guardianUnderAge, onEdit }: { step: IntakeStep; timezones: readonly string[]; guardianUnderAge: number; onEdit: (step: IntakeStep) => void }) {
  switch (step) {
    case 'about':
      return <AboutStep timezones={timezones} guardianUnderAge={guardianUnderAge} />;
    case 'where':
      return <WhereStep />;
    case 'story':
      return <StoryStep />;
    case 'history':
      return <HistoryStep />;
    case 'training':
      return <TrainingStep />;
    case 'imaging':
      return <ImagingStep />;
    case 'safety':
      return <SafetyStep />;
    case 'review':
      return <ReviewStep onEdit={onEdit} />;
  }
}

/** Two versions of the draft exist (another tab or device saved newer answers): the patient picks one. */
export function DraftConflict({ focusRef, onUseNewer, onKeepMine }: { focusRef: Ref<HTMLDivElement>; onUseNewer: () => void; onKeepMine: () => void }) {
  return (
    <div ref={focusRef} tabIndex={-1} data-testid="draft-conflict" className="focus:outline-none">
      <Alert tone="warning" title="Your draft was changed somewhere else" role="alert">
        <p>You (or another tab) saved newer answers. Which version do you want to keep? Choose one before you go on.</p>
        <div className="mt-2 flex flex-wrap gap-2">
          <Button size="sm" variant="secondary" onClick={onUseNewer}>
            Use the newer answers
          </Button>
          <Button size="sm" onClick={onKeepMine}>
            Keep the answers on this screen
          </Button>
        </div>
      </Alert>
    </div>
  );
}

/** Back (not on the first step) and Next, which sends on the review step. */
export function WizardButtons({ step, amend, busy, onBack }: { step: IntakeStep; amend: boolean; busy: boolean; onBack: () => void }) {
  return (
    <div className="flex flex-col-reverse gap-3 border-t border-line pt-6 sm:flex-row sm:justify-between">
      {step !== 'about' ? (
        <Button variant="secondary" onClick={onBack}>
          Back
        </Button>
      ) : (
        <span />
      )}
      <Button type="submit" busy={busy}>
        {step === 'review' ? (amend ? 'Send the update' : 'Send to the rehab team') : 'Next'}
      </Button>
    </div>
  );
}
