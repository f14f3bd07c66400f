/**
 * NegEx-style negation, rules written for this project (CLINICAL.md "Negation").
 * - `neg` pre-triggers ("no", "without", "no evidence of", "negative for", "absence of", "not") negate every term
 *   after them up to a scope terminator ("but", "however", "with", ";", a new clause such as ", mild …").
 * - `absent` post-triggers ("… is not seen", "… are absent") negate terms before them back to a clause break.
 * - `normal` triggers ("… is normal", "… are maintained", "preserved", "unremarkable", "normal …") negate
 *   anatomy terms in the same clause ("Spinal canal calibration is normal" → canal_stenosis, negated). They never
 *   negate a named finding, and never an anatomy term that has an abnormal predicate.
 * - Pseudo-negations ("no change", "no significant change", "not only", "no increase", "cannot be excluded") are
 *   skipped.
 * Triggers and terminators are found by the one-pass scanner (scan.ts, where the trigger patterns live); every
 * query here is a binary search, so the cost stays linear even for "no no no …".
 */

export interface Trigger {
  start: number;
  end: number;
}

export interface NegationIndex {
  pre: Trigger[];
  post: Trigger[];
  normal: Trigger[];
  /** Start offsets of scope terminators / clause breaks, ascending. */
  breaks: number[];
}

/** Index of the last trigger whose end is ≤ pos, or -1. */
function lastEndingBefore(list: readonly Trigger[], pos: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].end <= pos) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** Index of the first trigger whose start is ≥ pos, or list.length. */
function firstStartingAt(list: readonly Trigger[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Is there a clause break in [from, to)? */
function hasBreak(idx: NegationIndex, from: number, to: number): boolean {
  return anyBetween(idx.breaks, from, to);
}

/** Does the ascending list hold a value in [from, to)? */
export function anyBetween(b: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = b.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < b.length && b[lo] < to;
}

/** Last clause break before pos (≥ floor), else floor. */
export function clauseStart(idx: NegationIndex, pos: number, floor: number): number {
  const b = idx.breaks;
  let lo = 0;
  let hi = b.length - 1;
  let ans = floor;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (b[mid] < pos) {
      ans = Math.max(floor, b[mid]);
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** First clause break at or after pos (< ceil), else ceil. */
export function clauseEnd(idx: NegationIndex, pos: number, ceil: number): number {
  const b = idx.breaks;
  let lo = 0;
  let hi = b.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo < b.length && b[lo] < ceil ? b[lo] : ceil;
}

/** Negated by a pre-trigger ("no …") or a post-trigger ("… is not seen") within the sentence? */
export function isNegatedTerm(idx: NegationIndex, start: number, end: number, sentStart: number, sentEnd: number): boolean {
  const p = lastEndingBefore(idx.pre, start);
  if (p >= 0 && idx.pre[p].start >= sentStart && !hasBreak(idx, idx.pre[p].end, start)) return true;
  const q = firstStartingAt(idx.post, end);
  return q < idx.post.length && idx.post[q].start < sentEnd && !hasBreak(idx, end, idx.post[q].start);
}

/** A `normal` trigger in the same clause as [start, end)? */
export function isStatedNormal(idx: NegationIndex, start: number, end: number, sentStart: number, sentEnd: number): boolean {
  const from = clauseStart(idx, start, sentStart);
  const to = clauseEnd(idx, end, sentEnd);
  const k = firstStartingAt(idx.normal, from);
  return k < idx.normal.length && idx.normal[k].start < to;
}
