import { GLOBAL_CHANGE_LABELS, TRAINING_STATUS_LABELS, signedChange } from '@/lib/domain/check-in-labels';
import { RED_FLAG_QUESTIONS } from '@/lib/triage';
import type { CheckInInput } from '@/lib/validation/outcomes';

/** What the patient sent in a check-in, read-only: the scores, then any safety question answered yes. */
export function CheckInAnswers({ answers }: { answers: CheckInInput }) {
  const yes = RED_FLAG_QUESTIONS.filter((q) => answers.redFlags[q.code]);
  const rows: [string, string][] = [
    ['Pain now', `${answers.painNow} out of 10`],
    ['Worst pain this week', `${answers.painWorst} out of 10`],
    ...answers.psfs.map((p): [string, string] => [p.activity, `${p.score} out of 10`]),
    ['Compared with when you first contacted us', `${signedChange(answers.globalChange)}: ${GLOBAL_CHANGE_LABELS[answers.globalChange] ?? ''}`],
    ['Training', TRAINING_STATUS_LABELS[answers.trainingStatus].label],
    ['Safety questions', yes.length === 0 ? 'No to every question' : `Yes to ${yes.length}: ${yes.map((q) => q.question).join(' ')}`],
  ];
  return (
    <dl className="divide-y divide-line" data-testid="check-in-answers">
      {rows.map(([k, v]) => (
        <div key={k} className="grid gap-1 py-2 sm:grid-cols-[16rem_1fr] sm:gap-4">
          <dt className="font-medium text-ink">{k}</dt>
          <dd className="text-ink">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
