import type { MriFindingCode } from '../types';

/** "effaces the ventral CSF and abuts the cord": the CSF is effaced, the cord is not. */
const CSF_EFFACED_RE = /effac\w*\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+)?(?:csf|subarachnoid|thecal)/;
const CORD_PRESSED_NOT_EFFACED_RE = /\b(?:compress\w*|flatten\w*|deform\w*|indent\w*|imping\w*|mass\s+effect)/;

export const NEGATION_WORD_RE = /\b(?:no|not|without|negative|absence)\b/g;

/** Start of the last negation word in [from, to), else from. */
export function lastNegation(lower: string, from: number, to: number): number {
  const text = lower.slice(from, to);
  let at = 0;
  NEGATION_WORD_RE.lastIndex = 0;
  for (let m = NEGATION_WORD_RE.exec(text); m !== null; m = NEGATION_WORD_RE.exec(text)) at = m.index;
  return from + at;
}

/** Is the only cord predicate in [from, to) the effacement of the CSF in front of it? */
export function csfOnly(lower: string, code: MriFindingCode, from: number, to: number): boolean {
  if (code !== 'cord_compression') return false;
  const text = lower.slice(from, to);
  return CSF_EFFACED_RE.test(text) && !CORD_PRESSED_NOT_EFFACED_RE.test(text);
}
