import type { LevelCluster } from './levels';
import type { SegmentBoundaries } from './scan';

/**
 * Which level list a finding in a sentence belongs to. Sentences are cut into segments at ',', ';', ':' and
 * "and"/"or"/"with"/"but"/"which" (never inside a level list such as "T5 and T7"). In order of preference:
 * 1. a level list after the finding in its own segment ("bulge at L4-5"),
 * 2. one before it in its own segment ("At L4-5 there is a bulge", "T12 compression fracture"),
 * 3. the nearest leading list before it ("At L4-5, a bulge and mild facet arthropathy"),
 * 4. after "with": the nearest list before ("bulge at L3-4 with foraminal narrowing"); otherwise the nearest list
 *    after ("Slight loss of height and Modic type 1 changes … in the T5 and T7 vertebrae"), then before,
 * 5. the level heading of the line ("L4-5: …").
 * A negated or normal finding whose clause speaks of the others ("other vertebral heights are normal", "remaining
 * levels are normal", "the rest of the discs", "elsewhere") borrows no list: only one in its own clause, else none.
 * OCR text reads "vertebrae, Other vertebral heights are normal" as one sentence, and the T5/T7 of the first clause
 * must not become "stated absent at T5/T7".
 */

export interface Segmenter {
  /** Boundary start offsets, ascending, none inside a level list. */
  at: number[];
  /** Boundary end offsets. */
  end: number[];
  /** 1: the boundary is "with" (see SegmentBoundaries). */
  isWith: number[];
  /** Number of strong boundaries (not ',', 'and', 'or') before index i. */
  strongBefore: number[];
  /** The last answer of `boundaryBefore`: queries come in text order, so it is usually right again. */
  cursor: number;
}

const LEADING_RE = /^[\s(]*(?:(?:at|on|in|from)\s+(?:the\s+)?)?(?:level\s+(?:of\s+)?)?(?:the\s+)?$/;

/** Drops boundaries inside level lists ("T5 and T7") and counts strong boundaries. */
export function buildSegmenter(raw: SegmentBoundaries, clusters: readonly LevelCluster[]): Segmenter {
  const n = raw.at.length;
  // Most reports have no boundary inside a level list: the scan's arrays serve as they are (nothing writes to them).
  let c = 0;
  let i = 0;
  for (; i < n; i++) {
    const at = raw.at[i];
    while (c < clusters.length && clusters[c].end <= at) c++;
    if (c < clusters.length && clusters[c].start <= at) break;
  }
  const strongBefore = [0];
  if (i === n) {
    for (let k = 0; k < n; k++) strongBefore.push(strongBefore[k] + raw.strong[k]);
    return { at: raw.at, end: raw.end, isWith: raw.isWith, strongBefore, cursor: -1 };
  }
  const seg: Segmenter = { at: [], end: [], isWith: [], strongBefore, cursor: -1 };
  c = 0;
  for (let k = 0; k < n; k++) {
    const at = raw.at[k];
    while (c < clusters.length && clusters[c].end <= at) c++;
    if (c < clusters.length && clusters[c].start <= at) continue;
    seg.at.push(at);
    seg.end.push(raw.end[k]);
    seg.isWith.push(raw.isWith[k]);
    strongBefore.push(strongBefore[strongBefore.length - 1] + raw.strong[k]);
  }
  return seg;
}

/** Index of the last value < pos, or -1. */
/** Index of the last boundary starting before pos, or -1 (lastBelow on seg.at, trying the previous answer first). */
function boundaryBefore(seg: Segmenter, pos: number): number {
  const { at } = seg;
  let k = seg.cursor;
  if (k < 0 || at[k] < pos) {
    // The next query is usually a little further on: step forward a few boundaries before searching.
    for (let step = 0; step < 4; step++) {
      if (k + 1 >= at.length || at[k + 1] >= pos) {
        seg.cursor = k;
        return k;
      }
      k++;
    }
  }
  seg.cursor = lastBelow(at, pos);
  return seg.cursor;
}

function lastBelow(values: readonly number[], pos: number): number {
  let lo = 0;
  let hi = values.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < pos) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

export interface SentenceLevels {
  /** The report's level clusters; the sentence's are all[from, to). */
  all: readonly LevelCluster[];
  from: number;
  to: number;
  /**
   * For each cluster of the sentence, the index (in `all`) of the last leading cluster ("At L4-5, …", "L4-5: …") at
   * or before it, or -1. Computed on first use: most findings resolve before rule 3.
   */
  lastLeading: number[] | null;
  lower: string;
  sentStart: number;
  heading: readonly string[] | null;
}

const NO_LEVELS: readonly string[] = [];

export function sentenceLevels(
  lower: string, seg: Segmenter, all: readonly LevelCluster[], from: number, to: number, sentStart: number,
  heading: readonly string[] | null,
): SentenceLevels {
  return { all, from, to, lastLeading: null, lower, sentStart, heading };
}

/** Points `s` at another sentence of the same report (one object per report, not one per sentence). */
export function moveSentenceLevels(
  s: SentenceLevels, from: number, to: number, sentStart: number, heading: readonly string[] | null,
): void {
  s.from = from;
  s.to = to;
  s.lastLeading = null;
  s.sentStart = sentStart;
  s.heading = heading;
}

/** Characters LEADING_RE can match (ASCII white space, '(' and the letters of its words); others rule it out. */
const LEADING_CHARS = new Uint8Array(128);
for (const ch of ' \t\n\r\v\f(atonifrmhelv') LEADING_CHARS[ch.charCodeAt(0)] = 1;

/** LEADING_RE on text[from, to), with a cheap character check first (most segments hold other words). */
function isLeading(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && LEADING_CHARS[c] === 0) return false;
  }
  return LEADING_RE.test(text.slice(from, to));
}

function leadingIndex(seg: Segmenter, s: SentenceLevels): number[] {
  if (s.lastLeading !== null) return s.lastLeading;
  const lastLeading: number[] = [];
  for (let i = s.from; i < s.to; i++) {
    const cl = s.all[i];
    const b = boundaryBefore(seg, cl.start);
    const segStart = b >= 0 && seg.end[b] > s.sentStart ? seg.end[b] : s.sentStart;
    const leading = cl.start - segStart < 40 && isLeading(s.lower, segStart, cl.start);
    lastLeading.push(leading ? i : i > s.from ? lastLeading[i - s.from - 1] : -1);
  }
  s.lastLeading = lastLeading;
  return lastLeading;
}

export function assignLevels(
  seg: Segmenter, s: SentenceLevels, start: number, end: number, sentStart: number, sentEnd: number, negated: boolean,
): readonly string[] {
  const { all, from, to } = s;
  if (from === to) return negated && s.heading !== null && speaksOfOthers(seg, s.lower, start, end, sentStart, sentEnd) ? NO_LEVELS : s.heading ?? NO_LEVELS;
  const b = boundaryBefore(seg, start);
  const segStart = b >= 0 && seg.at[b] >= sentStart ? seg.end[b] : sentStart;
  const afterWith = b >= 0 && seg.at[b] >= sentStart && seg.isWith[b] === 1;
  const e = boundaryBefore(seg, end) + 1;
  const segEnd = e < seg.at.length && seg.at[e] < sentEnd ? seg.at[e] : sentEnd;
  const inside = lastEndingBy(all, from, to, end);
  if (inside >= from && all[inside].start >= start) return all[inside].levels; // "pathological T8 fracture"
  const before = lastEndingBy(all, from, to, start);
  const after = firstStartingAt(all, from, to, end);
  if (after < to && all[after].start < segEnd) return all[after].levels;
  if (before >= from && all[before].start >= segStart) return all[before].levels;
  if (negated && speaksOfOthers(seg, s.lower, start, end, sentStart, sentEnd)) {
    // Only a list in the finding's own clause ("the other discs, L1-2 to L3-4, are normal" has none of its own).
    const from0 = clauseFrom(seg, s.lower, start, sentStart);
    const to0 = clauseTo(seg, s.lower, end, sentEnd);
    if (after < to && all[after].end <= to0) return all[after].levels;
    if (before >= from && all[before].start >= from0) return all[before].levels;
    return NO_LEVELS;
  }
  const leadingBefore = before >= from ? leadingIndex(seg, s)[before - from] : -1;
  if (leadingBefore >= 0) return all[leadingBefore].levels;
  // A level list after a strong boundary ("…, with mild desiccation at L5-S1") belongs to that clause.
  const afterOk = after < to && strongBetween(seg, end, all[after].start) === 0;
  if (afterWith && before >= from) return all[before].levels;
  if (afterOk) return all[after].levels;
  if (before >= from) return all[before].levels;
  return s.heading ?? NO_LEVELS;
}

/** Index of the last cluster in all[from, to) ending at or before pos, or from - 1. */
function lastEndingBy(all: readonly LevelCluster[], from: number, to: number, pos: number): number {
  let lo = from;
  let hi = to - 1;
  let ans = from - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].end <= pos) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** Index of the first cluster in all[from, to) starting at or after pos, or to. */
function firstStartingAt(all: readonly LevelCluster[], from: number, to: number, pos: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of strong segment boundaries in [from, to). */
function strongBetween(seg: Segmenter, from: number, to: number): number {
  const i = boundaryBefore(seg, from) + 1;
  const j = boundaryBefore(seg, to) + 1;
  return seg.strongBefore[j] - seg.strongBefore[i];
}

/** How far (characters) the clause of a finding is read on each side for the words about the others. */
const OTHERS_REACH = 120;
/** At most this many "and"/"or" boundaries are stepped over to find a clause's edge. */
const CLAUSE_STEPS = 8;

/** Is the boundary seg.at[i] an "and"/"or" (not a punctuation mark, nor a strong word such as "with")? */
function isJoin(seg: Segmenter, lower: string, i: number): boolean {
  const c = lower.charCodeAt(seg.at[i]);
  return c >= 97 && c <= 122 && seg.strongBefore[i + 1] === seg.strongBefore[i];
}

/** Start of the clause holding pos: the last boundary before it that is not "and"/"or" (or sentStart). */
function clauseFrom(seg: Segmenter, lower: string, pos: number, sentStart: number): number {
  let b = boundaryBefore(seg, pos);
  for (let k = 0; b >= 0 && seg.at[b] >= sentStart && k < CLAUSE_STEPS && isJoin(seg, lower, b); k++) b--;
  return b >= 0 && seg.at[b] >= sentStart ? seg.end[b] : sentStart;
}

/** End of the clause holding pos: the first boundary at or after it that is not "and"/"or" (or sentEnd). */
function clauseTo(seg: Segmenter, lower: string, pos: number, sentEnd: number): number {
  let e = boundaryBefore(seg, pos) + 1;
  for (let k = 0; e < seg.at.length && seg.at[e] < sentEnd && k < CLAUSE_STEPS && isJoin(seg, lower, e); k++) e++;
  return e < seg.at.length && seg.at[e] < sentEnd ? seg.at[e] : sentEnd;
}

/** The words about the others, each at a word start (no letter a–z before it). */
const OTHERS_RE = /(?<![a-z])(?:other|remaining|remainder|elsewhere|the rest(?![a-z]))/g;
/** The longest word above plus the character after "the rest": how far a word starting in the clause may reach. */
const OTHERS_TAIL = 9;

/**
 * Does the clause of [start, end) speak of the other levels: a word "other…" ("others", "otherwise"), "remaining",
 * "remainder", "elsewhere", or "the rest"? Read by a regex over at most OTHERS_REACH characters on each side (a
 * character loop in JavaScript costs several times the regex's compiled loop); the slice keeps the character before
 * the clause, so a word cut at the clause's start is no word start.
 */
function speaksOfOthers(seg: Segmenter, lower: string, start: number, end: number, sentStart: number, sentEnd: number): boolean {
  const from = Math.max(clauseFrom(seg, lower, start, sentStart), start - OTHERS_REACH);
  const to = Math.min(clauseTo(seg, lower, end, sentEnd), end + OTHERS_REACH);
  if (from >= to) return false;
  const base = from > 0 ? from - 1 : 0;
  OTHERS_RE.lastIndex = from - base;
  const m = OTHERS_RE.exec(lower.slice(base, Math.min(to + OTHERS_TAIL, lower.length)));
  return m !== null && base + m.index < to;
}
