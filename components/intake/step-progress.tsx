'use client';

import { cn } from '@/components/ui/cn';
import { INTAKE_STEP_LABELS } from '@/lib/cases/intake-steps';
import { INTAKE_STEPS, type IntakeStep } from '@/lib/domain/intake-step';

/** Progress bar with the step names; steps already reached can be revisited. */
export function StepProgress({ current, reached, onGo }: { current: IntakeStep; reached: number; onGo: (step: IntakeStep) => void }) {
  const index = INTAKE_STEPS.indexOf(current);
  const pct = Math.round(((index + 1) / INTAKE_STEPS.length) * 100);
  const items = INTAKE_STEPS.map((step, i) => {
    const isCurrent = step === current;
    const canGo = i <= reached && !isCurrent;
    return (
      <li key={step}>
        {canGo ? (
          <button type="button" onClick={() => onGo(step)} className="rounded px-1.5 py-1 text-brand-700 underline-offset-2 hover:underline">
            <span className="sr-only">Go to step {i + 1}: </span>
            {i + 1}. {INTAKE_STEP_LABELS[step]}
          </button>
        ) : (
          <span
            aria-current={isCurrent ? 'step' : undefined}
            className={cn('block rounded px-1.5 py-1', isCurrent ? 'bg-brand-50 font-semibold text-brand-800' : 'text-muted')}
          >
            {i + 1}. {INTAKE_STEP_LABELS[step]}
          </span>
        )}
      </li>
    );
  });
  return (
    <nav aria-label="Intake steps" className="space-y-2">
      <p className="text-sm font-medium text-muted">
        Step {index + 1} of {INTAKE_STEPS.length}: <span className="text-ink">{INTAKE_STEP_LABELS[current]}</span>
      </p>
      <div className="h-2 w-full overflow-hidden rounded-full bg-line" aria-hidden>
        <div className="h-full rounded-full bg-brand-700 transition-[width]" style={{ width: `${pct}%` }} />
      </div>
      <ol className="hidden flex-wrap gap-x-1 gap-y-1 text-sm md:flex">{items}</ol>
      <details className="text-sm md:hidden">
        <summary className="cursor-pointer py-1 font-medium text-brand-700">All steps</summary>
        <ol className="mt-1 space-y-0.5">{items}</ol>
      </details>
    </nav>
  );
}
