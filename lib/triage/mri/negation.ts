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

/**
 * The index restricted to one sentence: for each list, the range [lo, hi) of entries that start inside it. The
 * queries below are about a term of the sentence and never look past its edges, so they search only these few
 * entries instead of the whole report's.
 */
export class SentenceNegation {
  preLo = 0;
  preHi = 0;
  postLo = 0;
  postHi = 0;
  normalLo = 0;
  normalHi = 0;
  breakLo = 0;
  breakHi = 0;
  sentStart = 0;
  sentEnd = 0;

  constructor(readonly idx: NegationIndex) {}

  /** Moves to the sentence [start, end); sentences come in text order, so every bound only moves forward. */
  moveTo(start: number, end: number): void {
    const { pre, post, normal, breaks } = this.idx;
    this.sentStart = start;
    this.sentEnd = end;
    // The last sentence's entries all start before its end, so before this start: each search starts past them.
    let k = this.preHi;
    while (k < pre.length && pre[k].start < start) k++;
    this.preLo = k;
    while (k < pre.length && pre[k].start < end) k++;
    this.preHi = k;
    k = this.postHi;
    while (k < post.length && post[k].start < start) k++;
    this.postLo = k;
    while (k < post.length && post[k].start < end) k++;
    this.postHi = k;
    k = this.normalHi;
    while (k < normal.length && normal[k].start < start) k++;
    this.normalLo = k;
    while (k < normal.length && normal[k].start < end) k++;
    this.normalHi = k;
    k = this.breakHi;
    while (k < breaks.length && breaks[k] < start) k++;
    this.breakLo = k;
    while (k < breaks.length && breaks[k] < end) k++;
    this.breakHi = k;
  }
}

/** anyBetween on breaks[lo, hi) (every break in [from, to) lies there when the range is inside the sentence). */
function breakBetween(n: SentenceNegation, from: number, to: number): boolean {
  const b = n.idx.breaks;
  let lo = n.breakLo;
  let hi = n.breakHi;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < n.breakHi && b[lo] < to;
}

/** Negated by a pre-trigger ("no …") or a post-trigger ("… is not seen") within the sentence, no clause break between? */
export function isNegatedIn(n: SentenceNegation, start: number, end: number): boolean {
  const { pre, post } = n.idx;
  // The last pre-trigger ending by `start`: one before the sentence fails the test, one after it cannot end by then.
  let lo = n.preLo;
  let hi = n.preHi - 1;
  let p = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pre[mid].end <= start) {
      p = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (p >= 0 && !breakBetween(n, pre[p].end, start)) return true;
  // The first post-trigger starting at or after `end`: inside the sentence, or none.
  lo = n.postLo;
  hi = n.postHi;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (post[mid].start < end) lo = mid + 1;
    else hi = mid;
  }
  return lo < n.postHi && !breakBetween(n, end, post[lo].start);
}

/** Start of the clause holding pos: the last clause break before it, else the sentence start. */
export function clauseStartIn(n: SentenceNegation, pos: number): number {
  const b = n.idx.breaks;
  let lo = n.breakLo;
  let hi = n.breakHi - 1;
  let ans = n.sentStart;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (b[mid] < pos) {
      ans = b[mid]; // at or after the sentence start
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** End of the clause holding pos: the first clause break at or after it, else the sentence end. */
export function clauseEndIn(n: SentenceNegation, pos: number): number {
  const b = n.idx.breaks;
  let lo = n.breakLo;
  let hi = n.breakHi;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo < n.breakHi ? b[lo] : n.sentEnd;
}

/** A `normal` trigger in the same clause as [start, end)? */
export function isStatedNormalIn(n: SentenceNegation, start: number, end: number): boolean {
  const from = clauseStartIn(n, start);
  const to = clauseEndIn(n, end);
  const normal = n.idx.normal;
  let lo = n.normalLo;
  let hi = n.normalHi;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (normal[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < n.normalHi && normal[lo].start < to;
}
