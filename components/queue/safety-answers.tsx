import { RED_FLAG_QUESTIONS } from '@/lib/triage';
import { formatDateTime } from '@/lib/format/dates';

/**
 * All twelve safety questions with the patient's answer (yes and no) and when it was given, so the record shows
 * each one was asked. Answers without a recorded time (sent before times were kept, or an edited version) show the
 * version's time: they were given at the latest then.
 */
export function SafetyAnswers({
  redFlags,
  answeredAt,
  versionCreatedAt,
  timeZone,
}: {
  redFlags: Partial<Record<string, boolean>> | undefined;
  answeredAt: Partial<Record<string, string>> | undefined;
  versionCreatedAt: Date | null;
  timeZone?: string;
}) {
  return (
    <section aria-labelledby="sec-safety" className="rounded-xl border border-line bg-white p-4 sm:p-5">
      <h2 id="sec-safety" className="mb-3 text-lg font-semibold">
        Safety screen: all answers
      </h2>
      <ol className="divide-y divide-line" data-testid="safety-answers">
        {RED_FLAG_QUESTIONS.map((q) => {
          const answer = redFlags?.[q.code];
          const at = answeredAt?.[q.code];
          return (
            <li key={q.code} className="grid gap-1 py-2 text-sm sm:grid-cols-[1fr_auto] sm:gap-4" data-code={q.code} data-answer={answer === undefined ? 'none' : String(answer)}>
              <span>{q.question}</span>
              <span className="sm:text-right">
                {answer === true ? (
                  <strong className={q.urgency === 'emergency' ? 'text-red-800' : 'text-amber-900'}>Yes</strong>
                ) : answer === false ? (
                  'No'
                ) : (
                  <span className="font-semibold text-amber-900">Not answered yet</span>
                )}
                {answer !== undefined && (
                  <span className="block text-xs text-muted">
                    {at ? `answered ${formatDateTime(at, timeZone)}` : versionCreatedAt ? `sent ${formatDateTime(versionCreatedAt, timeZone)}` : ''}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
