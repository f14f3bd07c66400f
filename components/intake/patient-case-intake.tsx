import type { ComponentProps } from 'react';
import type { IntakeSubmission } from '@/lib/validation/intake';
import { IntakeAnswers, type AnswersView } from './intake-answers';
import { MriHighlights } from './mri-highlights';

type Props = {
  submission: IntakeSubmission;
  version: number;
  age: number | null;
  storedFindings: ComponentProps<typeof MriHighlights>['storedFindings'];
  storedUnread: ComponentProps<typeof MriHighlights>['storedUnread'];
};

/** What the patient sent: their scan explained (when they pasted a report), then every answer read-only. */
export function PatientCaseIntake({ submission, version, age, storedFindings, storedUnread }: Props) {
  const report = submission.imaging?.mriReport;
  return (
    <>
      {report && (
        <section aria-labelledby="scan-heading" className="space-y-2">
          <h2 id="scan-heading" className="text-lg font-semibold">
            Your scan explained
          </h2>
          <MriHighlights report={report} age={age} storedFindings={storedFindings} storedUnread={storedUnread} />
        </section>
      )}
      <section aria-labelledby="answers-heading" className="space-y-3">
        <h2 id="answers-heading" className="text-lg font-semibold">
          Your answers
        </h2>
        <p className="text-sm text-muted">
          This is what you sent (version {version}). It is kept exactly as you wrote it; if something changed,
          use “Update your answers” below.
        </p>
        <IntakeAnswers answers={submission as AnswersView} showMri={!report} />
      </section>
    </>
  );
}
