import { LEXICON } from './lexicon';
import { keyOfWord } from './scan-table';

/**
 * The predicate words of anatomy terms ("narrowed", "compressed", "desiccated", …), found by the one-pass scanner
 * instead of a regex search over two text windows around every anatomy term.
 *
 * A lexicon predicate is `\b(?:alt|alt|…)`. Each alternative becomes literal word starts ("narrow\w*" → "narrow",
 * "defects?" → "defect", "o?edema" → "oedema", "edema") or, for the few with white space inside, a sticky regex run
 * at the words it can start with. The scanner records every place a literal starts at a word start, with the
 * shortest match's end: a window of the text matches the predicate exactly when such a place lies inside it (and the
 * window does not begin inside a word, where the slice would see a word start the text does not have — the caller
 * then falls back to the regex). A predicate whose alternatives do not fit these forms is simply not indexed.
 */

/** The alternatives with white space inside, and the words they start with. */
const SPACED_STARTS = new Map<string, readonly string[]>([
  ['(?:high|increased)\\s+(?:t2\\s+|stir\\s+)?signal', ['high', 'increased']],
  ['low\\s+t1', ['low']],
  ['mass\\s+effect', ['mass']],
]);

export class PredicateStart {
  constructor(
    /** The literal to compare at a word start (for a spaced alternative: the word that triggers its regex). */
    readonly text: string,
    /** Sticky regex of a spaced alternative, else null. */
    readonly re: RegExp | null,
    /** Bits of the predicates this start belongs to. */
    public mask: number,
  ) {
    this.codes = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
  }

  /** `text` as character codes (ASCII letters), compared with the scanner's bytes. */
  readonly codes: Uint8Array;
}

/** Splits `a|b|(?:c|d)` at top-level bars. */
function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

interface Start {
  text: string;
  re: RegExp | null;
}

/** The starts of one alternative, or null when it does not fit a known form. */
function startsOf(alt: string): Start[] | null {
  let starts: Start[] | null = null;
  let m = /^([a-z]+)(?:\\w\*|s\?)?$/.exec(alt);
  if (m !== null) starts = [{ text: m[1], re: null }];
  else if ((m = /^([a-z-]*?)([a-z-])\?([a-z-]+)$/.exec(alt)) !== null) {
    starts = [{ text: m[1] + m[2] + m[3], re: null }, { text: m[1] + m[3], re: null }];
  } else {
    const re = new RegExp(alt, 'y');
    starts = SPACED_STARTS.get(alt)?.map((text) => ({ text, re })) ?? null;
  }
  // The table key is a word's first three letters.
  return starts !== null && starts.every((s) => /^[a-z]{3}/.test(s.text)) ? starts : null;
}

function build(): { bits: Map<RegExp, number>; table: Map<number, PredicateStart[]> } {
  const bits = new Map<RegExp, number>();
  const table = new Map<number, PredicateStart[]>();
  for (const entry of LEXICON) {
    const predicate = entry.predicate;
    if (predicate === undefined || bits.has(predicate) || predicate.flags !== '') continue;
    const inner = /^\\b\(\?:(.*)\)$/.exec(predicate.source);
    const starts: Start[] = [];
    for (const alt of inner === null ? [] : alternatives(inner[1])) starts.push(...(startsOf(alt) ?? [{ text: '', re: null }]));
    if (starts.length === 0 || starts.some((s) => s.text === '') || bits.size >= 30) continue;
    const bit = 1 << bits.size;
    bits.set(predicate, bit);
    for (const { text, re } of starts) {
      const key = keyOfWord(text);
      const list = table.get(key) ?? [];
      const same = list.find((s) => s.text === text && s.re === re);
      if (same !== undefined) same.mask |= bit;
      else table.set(key, [...list, new PredicateStart(text, re, bit)]);
    }
  }
  return { bits, table };
}

const built = build();
/** Bit of each indexed predicate. */
const PREDICATE_BIT = built.bits;
/** Predicate starts by word key (see `keyOfWord`). */
export const PREDICATE_STARTS: ReadonlyMap<number, PredicateStart[]> = built.table;

/** Places where predicate literals start: parallel arrays in text order. */
export interface PredicateHits {
  start: number[];
  /** End of the shortest match. */
  end: number[];
  mask: number[];
}

/**
 * Records the predicate literals that start at the word start `w` (the caller looked its letters up). `codes`: the
 * text's characters as the scanner's bytes (ASCII as is, others 127, a 0 after the last), compared with the literal's.
 */
export function recordPredicates(text: string, codes: Uint8Array, w: number, starts: readonly PredicateStart[], hits: PredicateHits): void {
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k];
    const lit = s.codes;
    let j = 3;
    while (j < lit.length && codes[w + j] === lit[j]) j++;
    if (j < lit.length) continue;
    let end = w + lit.length;
    if (s.re !== null) {
      s.re.lastIndex = w;
      if (!s.re.test(text)) continue;
      end = s.re.lastIndex;
    }
    hits.start.push(w);
    hits.end.push(end);
    hits.mask.push(s.mask);
  }
}

const isWordCode = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90);

/** `predicate.test(lower.slice(from, to))`, answered from the recorded hits when the predicate is indexed. */
let lastPredicate: RegExp | null = null;
let lastBit: number | undefined;

export function predicateIn(lower: string, hits: PredicateHits, predicate: RegExp, from: number, to: number): boolean {
  // The same predicate is asked about twice in a row (the windows before and after a term): one Map lookup.
  if (predicate !== lastPredicate) {
    lastPredicate = predicate;
    lastBit = PREDICATE_BIT.get(predicate);
  }
  const bit = lastBit;
  if (bit === undefined || (from > 0 && from < to && isWordCode(lower.charCodeAt(from - 1)) && isWordCode(lower.charCodeAt(from)))) {
    return predicate.test(lower.slice(from, to));
  }
  const starts = hits.start;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < starts.length && starts[k] < to; k++) {
    if ((hits.mask[k] & bit) !== 0 && hits.end[k] <= to) return true;
  }
  return false;
}
