import { isIntakeStep } from '@/lib/cases/intake-steps';
import type { IntakeStep } from '@/lib/domain/intake-step';

/** The step this history entry shows (`?step=`), if any: each step is its own entry, so Back and Forward move between steps. */
export function stepInUrl(): IntakeStep | null {
  const v = new URLSearchParams(window.location.search).get('step');
  return isIntakeStep(v) ? v : null;
}

/** Adds a history entry for `step` (the address keeps everything else). Next.js keeps useSearchParams in step. */
export function pushStepEntry(step: IntakeStep): void {
  if (stepInUrl() === step) return;
  const url = new URL(window.location.href);
  url.searchParams.set('step', step);
  window.history.pushState(null, '', `${url.pathname}${url.search}${url.hash}`);
}
