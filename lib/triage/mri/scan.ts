import { LEXICON, type LexiconEntry } from './lexicon';
import { mentionAt, type LevelMention } from './levels';
import type { NegationIndex, Trigger } from './negation';
import { pushTrimmed, sentenceEndAt, type Span } from './split';

/**
 * One pass over the lower-cased report that finds lexicon terms, negation triggers, scope terminators and segment
 * boundaries. Instead of running a dozen global regexes over every character, it visits word starts only, looks the
 * word's first three letters up in a table, and runs the few sticky patterns that can start there. Same matches
 * as the global regexes (leftmost, first entry wins, no overlaps within a family) — a test checks that.
 */

export interface Term {
  start: number;
  end: number;
  entry: LexiconEntry;
}

export interface SegmentBoundaries {
  at: number[];
  end: number[];
  isWith: boolean[];
  /** Not ',', 'and' or 'or'. */
  strong: boolean[];
}

export interface ScanResult {
  sentences: Span[];
  mentions: LevelMention[];
  terms: Term[];
  negation: NegationIndex;
  segments: SegmentBoundaries;
}

const SEVERITY = '(?:mild|mildly|moderate|moderately|severe|severely|marked|markedly|minimal|minor|small|large|tiny|broad|focal|slight|slightly|early|grade|multilevel|a|an)\\b';
export const PRE_SRC = '\\b(?:no\\s+(?:evidence|signs?)\\s+(?:of|for)|negative\\s+for|absence\\s+of|free\\s+of|rather\\s+than|without|no|not|nor|neither)\\b';
export const PSEUDO_SRC = '(?:no\\s+(?:significant\\s+|interval\\s+|substantial\\s+|appreciable\\s+|further\\s+|definite\\s+|major\\s+)?(?:change|increase|progression|worsening|growth)|not\\s+only|not\\s+(?:be\\s+)?(?:excluded|ruled\\s+out)|not\\s+significantly\\s+changed|no\\s+longer|not\\s+(?:seen|identified|demonstrated|present|visuali[sz]ed|evident|noted|appreciated|detected)\\b)';
export const POST_SRC = '\\b(?:(?:is|are|was|were)\\s+(?:not|no\\s+longer)\\s+(?:seen|identified|demonstrated|present|visuali[sz]ed|evident|noted|appreciated|detected|compressed|narrowed|effaced|impinged|displaced|deformed|flattened|stenotic|involved|affected)|(?:is|are|was|were)\\s+(?:absent|excluded|ruled\\s+out)|not\\s+(?:seen|identified|demonstrated|present|visuali[sz]ed|evident|detected))\\b';
export const NORMAL_SRC = '\\b(?:within\\s+normal\\s+limits|(?:is|are)\\s+free|normal|unremarkable|preserved|maintained|intact|patent|capacious|satisfactory)\\b';
export const BREAK_WORD_SRC = `\\b(?:but|however|although|though|whereas|while|except|apart\\s+from|aside\\s+from|which|with|there\\s+(?:is|are)|otherwise)\\b|\\b(?:and|or)\\s+(?=${SEVERITY})`;
export const BREAK_COMMA_SRC = `,\\s+(?=${SEVERITY})`;

const PRE_Y = new RegExp(PRE_SRC, 'y');
const PSEUDO_Y = new RegExp(PSEUDO_SRC, 'y');
const POST_Y = new RegExp(POST_SRC, 'y');
const NORMAL_Y = new RegExp(NORMAL_SRC, 'y');
const BREAK_WORD_Y = new RegExp(BREAK_WORD_SRC, 'y');
const BREAK_COMMA_Y = new RegExp(BREAK_COMMA_SRC, 'y');

const enum Family { Lexicon, Pre, Post, Normal, Break, Segment }
interface Candidate {
  family: Family;
  /** Start words that lead here; one must match before anything else runs (a cheap filter). */
  prefixes: string[];
  /** Prefixes that are whole trigger words: a match needs no regex ("with", "normal"). */
  exact: boolean;
  re: RegExp | null;
  /** When set, the next word must start with one of these letters before the regex runs. */
  follow?: string;
  /** Lexicon only: the entry this candidate matches. */
  entry?: LexiconEntry;
}

const WORD_CHARS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  WORD_CHARS[c] = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90) ? 1 : 0;
}
const isWordChar = (c: number): boolean => c < 128 && WORD_CHARS[c] === 1;
const keyOf = (c0: number, c1: number, c2: number): number => c0 | (c1 << 8) | (c2 << 16);
function keyOfWord(word: string): number {
  return keyOf(word.charCodeAt(0), word.length > 1 ? word.charCodeAt(1) : 0, word.length > 2 ? word.charCodeAt(2) : 0);
}

/** For each three-letter key: the candidates to try there, lexicon entries first, in priority order. */
function buildTable(): Map<number, Candidate[]> {
  const table = new Map<number, Candidate[]>();
  const add = (k: number, cand: Candidate): void => {
    const list = table.get(k) ?? [];
    list.push(cand);
    table.set(k, list);
  };
  // Lexicon entries in priority order, one sticky regex each (a failing sticky test is cheap).
  for (const entry of LEXICON) {
    const byKey = new Map<number, string[]>();
    for (const w of entry.starts) byKey.set(keyOfWord(w), [...(byKey.get(keyOfWord(w)) ?? []), w]);
    const re = new RegExp(entry.pattern, 'y');
    for (const [k, prefixes] of byKey) add(k, { family: Family.Lexicon, prefixes, exact: false, re, entry });
  }
  const family = (fam: Family, words: readonly string[], re: RegExp | null, follow?: string): void => {
    const byKey = new Map<number, string[]>();
    for (const w of words) byKey.set(keyOfWord(w), [...(byKey.get(keyOfWord(w)) ?? []), w]);
    for (const [k, prefixes] of byKey) add(k, { family: fam, prefixes, exact: re === null, re, follow });
  };
  // `follow`: first letters of the words that can come next in the pattern (a cheap filter before the regex).
  family(Family.Pre, ['without', 'nor', 'neither'], null);
  family(Family.Pre, ['no', 'not'], PRE_Y);
  family(Family.Pre, ['negative', 'absence', 'free', 'rather'], PRE_Y, 'fot');
  family(Family.Post, ['is', 'are', 'was', 'were'], POST_Y, 'naer');
  family(Family.Post, ['not'], POST_Y, 'sidpve');
  family(Family.Normal, ['normal', 'unremarkable', 'preserved', 'maintained', 'intact', 'patent', 'capacious', 'satisfactory'], null);
  family(Family.Normal, ['within'], NORMAL_Y, 'n');
  family(Family.Normal, ['is', 'are'], NORMAL_Y, 'f');
  family(Family.Break, ['but', 'however', 'although', 'though', 'whereas', 'while', 'except', 'which', 'with', 'otherwise'], null);
  family(Family.Break, ['apart', 'aside'], BREAK_WORD_Y, 'f');
  family(Family.Break, ['there'], BREAK_WORD_Y, 'ia');
  family(Family.Break, ['and', 'or'], BREAK_WORD_Y, 'mstbfegla');
  family(Family.Segment, ['and', 'or', 'with', 'but', 'while', 'whereas', 'which'], null);
  return table;
}
/** Letter → 1..26, anything else → 0: a word's first three letters give an index into a flat table. */
const LETTER = new Uint8Array(128);
for (let c = 97; c <= 122; c++) LETTER[c] = c - 96;
const letterOf = (c: number): number => (c < 128 ? LETTER[c] : 0);

/** The table as a flat array indexed by the first three letters (an array lookup instead of a Map). */
function indexTable(table: Map<number, Candidate[]>): (Candidate[] | undefined)[] {
  const index: (Candidate[] | undefined)[] = new Array(27 * 27 * 27).fill(undefined);
  for (const [k, cands] of table) {
    const slot = letterOf(k & 0xff) * 729 + letterOf((k >> 8) & 0xff) * 27 + letterOf((k >> 16) & 0xff);
    index[slot] = [...(index[slot] ?? []), ...cands];
  }
  return index;
}
const TABLE = indexTable(buildTable());

/**
 * Does the word [at, end) start with (or, when `exact`, equal) one of the prefixes? The first three letters are
 * already known to match (table key), so only the rest is compared.
 */
function prefixMatch(text: string, at: number, end: number, prefixes: readonly string[], exact: boolean): boolean {
  const len = end - at;
  for (let p = 0; p < prefixes.length; p++) {
    const prefix = prefixes[p];
    const pl = prefix.length;
    if (exact ? pl !== len : pl > len) continue;
    let k = 3;
    while (k < pl && text.charCodeAt(at + k) === prefix.charCodeAt(k)) k++;
    if (k >= pl) return true;
  }
  return false;
}

/** Does the next word after position `from` start with one of `letters`? */
function followedBy(text: string, from: number, letters: string): boolean {
  let j = from;
  while (j < text.length && j < from + 8 && !isWordChar(text.charCodeAt(j))) j++;
  return j < text.length && letters.includes(text[j]);
}

/**
 * @param lower the report lower-cased, same length
 * @param report the original report (sentence splitting looks at letter case); defaults to `lower`
 */
export function scanReport(lower: string, report: string = lower): ScanResult {
  const sentences: Span[] = [];
  const mentions: LevelMention[] = [];
  let sentenceFrom = 0;
  let mentionNext = 0;
  const terms: Term[] = [];
  const pre: Trigger[] = [];
  const post: Trigger[] = [];
  const normal: Trigger[] = [];
  const breaks: number[] = [];
  const segments: SegmentBoundaries = { at: [], end: [], isWith: [], strong: [] };
  // End of the last match per family: matches within a family never overlap.
  const next = [0, 0, 0, 0, 0, 0];
  const n = lower.length;
  let wordStart = -1;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? lower.charCodeAt(i) : 32;
    if (c < 128 && WORD_CHARS[c] === 1) {
      if (wordStart < 0) wordStart = i;
      continue;
    }
    if (wordStart >= 0) {
      const w = wordStart;
      wordStart = -1;
      const len = i - w;
      const c0 = lower.charCodeAt(w);
      const c1 = len > 1 ? lower.charCodeAt(w + 1) : 0;
      const c2 = len > 2 ? lower.charCodeAt(w + 2) : 0;
      // Spinal levels: "l4", "t12-l1", "c5-6" (c, t, l or s followed by a digit).
      if (c1 >= 48 && c1 <= 57 && (c0 === 108 || c0 === 116 || c0 === 99 || c0 === 115) && w >= mentionNext) {
        const mention = mentionAt(lower, w);
        if (mention !== null) {
          mentions.push(mention);
          mentionNext = mention.end;
        }
      }
      const candidates = TABLE[letterOf(c0) * 729 + letterOf(c1) * 27 + letterOf(c2)];
      if (candidates !== undefined) {
        for (let ci = 0; ci < candidates.length; ci++) {
          const cand = candidates[ci];
          const fam = cand.family;
          if (w < next[fam] || !prefixMatch(lower, w, i, cand.prefixes, cand.exact)) continue;
          if (cand.follow !== undefined && !followedBy(lower, i, cand.follow)) continue;
          let end = i;
          if (cand.re !== null) {
            cand.re.lastIndex = w;
            if (!cand.re.test(lower)) continue;
            end = cand.re.lastIndex;
          }
          if (fam === Family.Lexicon) {
            terms.push({ start: w, end, entry: cand.entry as LexiconEntry });
            next[fam] = end;
            continue;
          }
          if (fam === Family.Pre) {
            if (lower.charCodeAt(w) === 110 && lower.charCodeAt(w + 1) === 111) { // "no…": pseudo-negation?
              PSEUDO_Y.lastIndex = w;
              if (PSEUDO_Y.test(lower)) continue;
            }
            pre.push({ start: w, end });
          } else if (fam === Family.Post) post.push({ start: w, end });
          else if (fam === Family.Normal) normal.push({ start: w, end });
          else if (fam === Family.Break) breaks.push(w);
          else {
            segments.at.push(w);
            segments.end.push(end);
            segments.isWith.push(len === 4 && lower.startsWith('with', w));
            segments.strong.push(len > 3 || lower.startsWith('but', w));
          }
          next[fam] = Math.max(end, w + 1);
        }
      }
    }
    if (c === 46 || c === 10 || c === 33 || c === 63) {
      const end = sentenceEndAt(report, i);
      if (end >= sentenceFrom) {
        pushTrimmed(report, sentences, sentenceFrom, end);
        sentenceFrom = c === 10 ? i + 1 : end;
      }
    } else if (c === 59) {
      breaks.push(i); // ';'
      segments.at.push(i);
      segments.end.push(i + 1);
      segments.isWith.push(false);
      segments.strong.push(true);
    } else if (c === 44 || c === 58) {
      if (c === 44 && i >= next[Family.Break]) {
        BREAK_COMMA_Y.lastIndex = i;
        if (BREAK_COMMA_Y.test(lower)) breaks.push(i);
      }
      segments.at.push(i);
      segments.end.push(i + 1);
      segments.isWith.push(false);
      segments.strong.push(c === 58);
    }
  }
  pushTrimmed(report, sentences, sentenceFrom, n);
  return { sentences, mentions, terms, negation: { pre, post, normal, breaks }, segments };
}
