'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { fieldId } from '@/components/ui/field';
import { firstStepWithErrors, reachableStep, stepIndex, stepOfField } from '@/lib/cases/intake-steps';
import type { SummaryError } from './error-summary';
import { sortByDomOrder, type FlatError } from './form-values';
import { pushStepEntry, stepInUrl } from './step-url';
import type { IntakeStep } from '@/lib/domain/intake-step';

type PendingFocus = 'heading' | 'summary' | null;
type GoToOptions = { keepSummary?: boolean; history?: 'push' | 'none'; reached?: number };

/** Focuses the control of a form path and brings it into view. */
export function focusField(path: string): void {
  const el = document.getElementById(fieldId(path));
  if (el) {
    el.focus();
    el.scrollIntoView({ block: 'center' });
  }
}

/**
 * The step on screen and the furthest step reached, as state (for rendering) and as refs (for the autosave's
 * snapshot and the history listener, which must read the latest values outside a render).
 */
export function useStepState(start: { step: IntakeStep; reached: number }) {
  const [step, setStep] = useState<IntakeStep>(start.step);
  const [reached, setReached] = useState(start.reached);
  const reachedRef = useRef(start.reached);
  const stepRef = useRef(step);
  useEffect(() => {
    stepRef.current = step;
  }, [step]);
  return { step, setStep, reached, setReached, stepRef, reachedRef, startStep: start.step };
}
type StepState = ReturnType<typeof useStepState>;

/**
 * Back and Forward: show the entry's step as it was, with nothing typed lost and no validation in the way (an
 * entry without `?step=` is where this visit began). A step never reached (an edited address) is not opened.
 */
function useBackForward({ startStep, reachedRef, stepRef }: StepState, show: (step: IntakeStep, opts: GoToOptions) => void): void {
  useEffect(() => {
    const onPopState = () => {
      const target = reachableStep(stepInUrl() ?? startStep, reachedRef.current);
      if (target !== stepRef.current) show(target, { history: 'none' });
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [show, startStep, reachedRef, stepRef]);
}

/** Moves focus to the new step's heading (or its first error) after the step renders. */
function useFocusAfterRender(pendingFocusRef: RefObject<PendingFocus>, step: IntakeStep, summary: SummaryError[]) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (pendingFocusRef.current === 'summary') {
      const list = summaryRef.current ? sortByDomOrder(summary) : summary;
      if (list[0]) focusField(list[0].path);
    } else if (pendingFocusRef.current === 'heading') {
      headingRef.current?.focus();
      window.scrollTo({ top: 0 });
    }
    pendingFocusRef.current = null;
  }, [pendingFocusRef, step, summary]);
  return { headingRef, summaryRef };
}

/** Moving between steps: history entries, the error summary, the form's error line and where focus lands. */
export function useWizardNavigation(state: StepState, saveNow: () => Promise<unknown>) {
  const [summary, setSummary] = useState<SummaryError[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const pendingFocusRef = useRef<PendingFocus>(null);
  const { setStep, setReached, stepRef, reachedRef } = state;

  /** Shows a step; `history: 'none'` when the browser already moved (Back/Forward), else a new history entry. */
  const goTo = useCallback(
    (next: IntakeStep, opts: GoToOptions = {}) => {
      if (opts.history !== 'none') pushStepEntry(next);
      reachedRef.current = Math.max(reachedRef.current, stepIndex(next), opts.reached ?? 0);
      setReached(reachedRef.current);
      setStep(next);
      if (!opts.keepSummary) setSummary([]);
      setFormError(null);
      stepRef.current = next;
      void saveNow();
    },
    [saveNow, setReached, setStep, reachedRef, stepRef],
  );
  /** Shows a step with focus on its heading. */
  const show = useCallback(
    (next: IntakeStep, opts: GoToOptions = {}) => {
      pendingFocusRef.current = 'heading';
      goTo(next, opts);
    },
    [goTo],
  );
  useBackForward(state, show);
  const { headingRef, summaryRef } = useFocusAfterRender(pendingFocusRef, state.step, summary);

  /** The current step's errors, in page order, with focus on the first. */
  const showErrors = (issues: FlatError[]) => {
    const list = sortByDomOrder(issues);
    setSummary(list);
    focusField(list[0].path);
  };
  /** Shows the first step (in wizard order) that has an error, with its summary; nothing typed is touched. */
  const jumpToFirstStepWithErrors = (errors: FlatError[]) => {
    const first = firstStepWithErrors(errors.map((e) => e.path));
    pushStepEntry(first);
    setStep(first);
    stepRef.current = first;
    setSummary(errors.filter((e) => stepOfField(e.path) === first));
    pendingFocusRef.current = 'summary';
  };
  return { summary, formError, setFormError, goTo, show, showErrors, jumpToFirstStepWithErrors, headingRef, summaryRef };
}
