/** One line in a form's error summary: the field's dotted path and the message. */
export interface SummaryError {
  path: string;
  message: string;
}

/** How a group of same-kind errors reads as one line ("12 questions unanswered" is one problem, not twelve). */
const GROUP_TEXT: Record<string, (n: number) => string> = {
  redFlags: (n) => `Answer every safety question with yes or no: ${n} still ${n === 1 ? 'needs' : 'need'} an answer.`,
};

/**
 * Errors with the same message under the same parent (the twelve safety questions, the rows of a list) become one
 * entry that links to the first of them; other errors stay as they are, in order.
 */
export function groupSummaryErrors(errors: readonly SummaryError[]): SummaryError[] {
  const parentOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('.')));
  const counts = new Map<string, number>();
  for (const e of errors) {
    const key = `${parentOf(e.path)}\u0000${e.message}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const out: SummaryError[] = [];
  const emitted = new Set<string>();
  for (const e of errors) {
    const parent = parentOf(e.path);
    const key = `${parent}\u0000${e.message}`;
    const n = counts.get(key)!;
    if (n < 2 || !parent) {
      out.push(e);
      continue;
    }
    if (emitted.has(key)) continue;
    emitted.add(key);
    out.push({ path: e.path, message: GROUP_TEXT[parent]?.(n) ?? `${e.message} (${n} places)` });
  }
  return out;
}

