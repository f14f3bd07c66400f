'use client';

import { RED_FLAG_QUESTIONS, type RedFlagCode } from '@/lib/triage';
import { RadioChoices, YES_NO } from '../choice-controls';
import { ControlledGroup } from '../controlled-group';

/** What the safety questions read and write: any form with the intake's `redFlags` answers (the intake, a check-in). */
type SafetyAnswers = { redFlags: Partial<Record<RedFlagCode, boolean>> };

/** The red-flag screen, asked the same way at intake and at every check-in (issue #15). */
export function SafetyStep() {
  return (
    <div className="space-y-6">
      <p className="text-muted">
        These questions check for rare but serious problems. Please answer every one with yes or no. If you are not sure,
        answer yes — a clinician will ask you more.
      </p>
      <ol className="space-y-4">
        {RED_FLAG_QUESTIONS.map((q, i) => {
          const path = `redFlags.${q.code}` as const;
          return (
            <li key={q.code} className="rounded-xl border border-line bg-white p-4">
              <ControlledGroup<SafetyAnswers, `redFlags.${RedFlagCode}`> path={path} legend={`${i + 1}. ${q.question}`} hint={q.help}>
                {(field, error) => (
                  <>
                    <RadioChoices path={path} field={field} layout="inline" choices={YES_NO} invalid={Boolean(error)} />
                    {field.value === true && q.urgency === 'emergency' && (
                      <p className="rounded-lg bg-red-50 px-3 py-2 text-sm font-semibold text-red-900">
                        This needs emergency care now. <a href="#emergency-panel" className="underline">See what to do at the top of the page.</a>
                      </p>
                    )}
                  </>
                )}
              </ControlledGroup>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
