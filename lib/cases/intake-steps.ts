/**
 * The intake wizard's steps: their order and names, the form fields each one shows, and how the wizard moves
 * between them. Pure (no React, no zod): the wizard, the draft schema (which stores the step) and the patient's case
 * list all read it.
 */

import { INTAKE_STEPS, type IntakeStep } from '@/lib/domain/intake-step';

export const INTAKE_STEP_LABELS: Record<IntakeStep, string> = {
  about: 'About you',
  safety: 'Safety screen',
  where: 'Where it hurts',
  story: 'The story',
  history: 'History',
  training: 'Training and goals',
  imaging: 'Imaging',
  review: 'Review and consent',
};

/**
 * Form field paths each step owns, for react-hook-form's `trigger(paths)` and for mapping a server 400's
 * fieldErrors ("complaint.painNow") back to the step that shows that field.
 */
export const INTAKE_STEP_FIELDS: Record<IntakeStep, readonly string[]> = {
  about: ['patient', 'guardian'],
  safety: ['redFlags'],
  where: ['complaint.regions'],
  story: [
    'complaint.summary', 'complaint.onsetDate', 'complaint.onsetType', 'complaint.mechanism', 'complaint.painNow',
    'complaint.painWorst', 'complaint.aggravating', 'complaint.easing', 'complaint.morningStiffness',
  ],
  history: ['episodes', 'priorCare', 'medications'],
  training: ['training'],
  imaging: ['imaging'],
  review: ['consent'],
};

/** Every field path of the form, in wizard order. */
export const ALL_STEP_FIELDS: readonly string[] = INTAKE_STEPS.flatMap((s) => INTAKE_STEP_FIELDS[s]);

export const isIntakeStep = (v: unknown): v is IntakeStep => typeof v === 'string' && (INTAKE_STEPS as readonly string[]).includes(v);

/** The step that shows a field path such as "complaint.painNow" or "episodes.0.startedOn". */
export function stepOfField(path: string): IntakeStep {
  for (const step of INTAKE_STEPS) {
    if (INTAKE_STEP_FIELDS[step].some((p) => path === p || path.startsWith(`${p}.`))) return step;
  }
  // Root-level problems (e.g. an unknown key) are shown on the review step.
  return 'review';
}

/** The first step, in wizard order, that shows one of these field paths (the review step when none does). */
export function firstStepWithErrors(paths: readonly string[]): IntakeStep {
  return INTAKE_STEPS.find((s) => paths.some((p) => stepOfField(p) === s)) ?? 'review';
}

export const stepIndex = (step: IntakeStep) => INTAKE_STEPS.indexOf(step);

export function nextStep(step: IntakeStep): IntakeStep {
  return INTAKE_STEPS[Math.min(stepIndex(step) + 1, INTAKE_STEPS.length - 1)];
}

export function previousStep(step: IntakeStep): IntakeStep {
  return INTAKE_STEPS[Math.max(0, stepIndex(step) - 1)];
}

/** Index of the furthest step a saved draft had reached (kept in its data as `reachedStep`). */
export function reachedStepIndex(data: unknown): number {
  const r = typeof data === 'object' && data !== null && 'reachedStep' in data ? data.reachedStep : undefined;
  return isIntakeStep(r) ? stepIndex(r) : 0;
}

/** `wanted` when the patient has reached it, else the furthest step reached (an edited address opens nothing new). */
export function reachableStep(wanted: IntakeStep, reached: number): IntakeStep {
  return stepIndex(wanted) <= reached ? wanted : INTAKE_STEPS[reached];
}

/**
 * Where the wizard opens: the step in the address (a reload keeps the step on screen) when the patient had reached
 * it, else the draft's step. An amendment opens on the review with every step open.
 */
export function openingStep(o: { amend: boolean; draftStep?: IntakeStep; draftData?: unknown; urlStep: IntakeStep | null }): { step: IntakeStep; reached: number } {
  const draftStep: IntakeStep = o.amend ? 'review' : (o.draftStep ?? 'about');
  const reached = o.amend ? INTAKE_STEPS.length - 1 : Math.max(stepIndex(draftStep), reachedStepIndex(o.draftData));
  return { step: o.urlStep && stepIndex(o.urlStep) <= reached ? o.urlStep : draftStep, reached };
}
