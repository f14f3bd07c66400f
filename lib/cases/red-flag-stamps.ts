import { RED_FLAG_CODES, type RedFlagCode } from '@/lib/triage';

/** When each red-flag answer was given: {code: ISO time}. Codes not answered (yet) are absent. */
export type RedFlagAnswerTimes = Partial<Record<RedFlagCode, string>>;

const answerOf = (answers: unknown, code: RedFlagCode): boolean | undefined => {
  if (typeof answers !== 'object' || answers === null) return undefined;
  const v = (answers as Record<string, unknown>)[code];
  return typeof v === 'boolean' ? v : undefined;
};

/**
 * Stamps red-flag answers with the server's clock: an answer that is new or changed since `previous` gets `now`,
 * an unchanged one keeps its earlier time, an answer taken back loses its time. The record then shows when each
 * safety question was answered as the patient last left it, without trusting the browser's clock.
 */
export function stampRedFlagAnswers(previous: unknown, previousTimes: RedFlagAnswerTimes | null | undefined, next: unknown, now: Date): RedFlagAnswerTimes {
  const out: RedFlagAnswerTimes = {};
  for (const code of RED_FLAG_CODES) {
    const answer = answerOf(next, code);
    if (answer === undefined) continue;
    const kept = previousTimes?.[code];
    out[code] = kept && answerOf(previous, code) === answer ? kept : now.toISOString();
  }
  return out;
}
