import type { LexiconEntry } from './lexicon';
import { mentionAt, type LevelMention } from './levels';
import type { NegationIndex, Trigger } from './negation';
import { PREDICATE_STARTS, recordPredicates, type PredicateHits, type PredicateStart } from './predicates';
import * as table from './scan-table';
import { pushTrimmed, sentenceEndAt, sentenceEndAtCodes, type Span } from './split';
import { REWRITTEN_WORDS, rewritesMixedWord, rewritesWord } from './words';

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

/**
 * The flags are 1 or 0, not booleans: optimized code inlines a push onto an array of small integers, but calls the
 * builtin for an array that went from integers to booleans.
 */
export interface SegmentBoundaries {
  at: number[];
  end: number[];
  /** 1: the boundary is "with". */
  isWith: number[];
  /** 1: not ',', 'and' or 'or'. */
  strong: number[];
}

export interface ScanResult {
  sentences: Span[];
  mentions: LevelMention[];
  terms: Term[];
  negation: NegationIndex;
  segments: SegmentBoundaries;
  /** Where the predicate words of anatomy terms start ("narrowed", "compressed"). */
  predicates: PredicateHits;
  /** Offsets of uncertainty words that doubt what follows ("possible", "query", "?fracture"), ascending. */
  uncertain: number[];
  /** Offsets of those that doubt what came before ("cannot be excluded", "discitis?"), ascending. */
  uncertainAfter: number[];
  /** Offsets of the commas, ascending (the windows around anatomy terms stop at them). */
  commas: number[];
}

// Module-level copies: the scan loop reads them at every word, and a compiled import can be a property read.
const {
  BREAK, CHAR_CLASS, NORMAL, OTHER_WORD_CHAR, POST, PRE, PSEUDO_AFTER_NO_CODES, PSEUDO_AFTER_NOT_CODES, PSEUDO_Y, UNCERTAIN, followedByCodes, nextWordInCodes,
  severityAfterCodes,
} = table;

/** Word lengths are told apart up to this one; longer words share its lists. */
const LONG_WORD = 31;

/**
 * What can start at a word with a given key: scanner candidates and anatomy predicate words (one lookup for both),
 * and the lengths of the words with this key that `correctWords` rewrites.
 */
class WordStarts {
  candidates: table.Candidate[] = [];
  predicates: PredicateStart[] = [];
  /** A bit per length (≤ 20) of the rewritten words with this key: any other word is not rewritten. */
  rewriteLengths = 0;
  /**
   * By word length (up to LONG_WORD): the candidates whose prefix test a word of that length can pass (an exact
   * prefix of its length, a prefix no longer than it) and the predicate starts whose letters fit in it, in order.
   * The rest would fail their first test ("spine" and the "spinal" patterns, "with" and "without").
   */
  candidatesOf: table.Candidate[][] = [];
  predicatesOf: PredicateStart[][] = [];
  /** By word length: how many of `candidatesOf` are lexicon entries (they come first; one match skips the rest). */
  lexiconEndOf: number[] = [];
}

/** Whether a word of `len` characters can pass the candidate's prefix test (see `prefixMatch`). */
const lengthFits = (cand: table.Candidate, len: number): boolean =>
  cand.keyIsPrefix || cand.prefixes.some((p) => (cand.exact ? p.length === len : p.length <= len));
/** Whether a predicate literal can start a word of `len` characters: its leading letters lie inside the word. */
const predicateFits = (start: PredicateStart, len: number): boolean => {
  let letters = 0;
  while (letters < start.text.length && /[a-z]/.test(start.text[letters])) letters++;
  return letters <= len;
};

/**
 * Word key (see `keyOfWord`: up to 27³) → index in WORD_STARTS, or -1 when nothing starts there: one typed-array read
 * per word, and most words ("the", "of", "at") end their look-up there.
 */
const SLOT_OF_KEY = new Int16Array(27 * 27 * 27).fill(-1);
/** SLOT_OF_KEY by the classes of the first three characters: (k0 × 33 + k1) × 33 + k2. */
const SLOT_OF_CLASSES = new Int16Array(33 * 33 * 33).fill(-1);
const WORD_STARTS: WordStarts[] = [];
{
  const at = (key: number): WordStarts => {
    if (SLOT_OF_KEY[key] < 0) {
      SLOT_OF_KEY[key] = WORD_STARTS.length;
      WORD_STARTS.push(new WordStarts());
    }
    return WORD_STARTS[SLOT_OF_KEY[key]];
  };
  for (const [key, candidates] of table.CANDIDATES) at(key).candidates = candidates;
  for (const [key, starts] of PREDICATE_STARTS) at(key).predicates = starts;
  for (const word of REWRITTEN_WORDS) at(table.keyOfWord(word)).rewriteLengths |= 1 << word.length;
  // The same by classes (0–32, see CHAR_CLASS), another word character like no letter: no conversion per word.
  const classes = [...Array.from({ length: 27 }, (_, k) => k), OTHER_WORD_CHAR];
  for (const a of classes) {
    for (const b of classes) {
      for (const c of classes) SLOT_OF_CLASSES[(a * 33 + b) * 33 + c] = SLOT_OF_KEY[(a % 32) * 729 + (b % 32) * 27 + (c % 32)];
    }
  }
  const none: never[] = [];
  const sameAs = <T>(list: T[], last: T[]): T[] =>
    list.length === 0 ? none : list.length === last.length && list.every((x, k) => x === last[k]) ? last : list;
  for (const starts of WORD_STARTS) {
    for (let len = 0; len <= LONG_WORD; len++) {
      const candidates = starts.candidates.filter((c) => lengthFits(c, len));
      const predicates = starts.predicates.filter((p) => predicateFits(p, len));
      // Lists shared where they repeat (most slots hold nothing, or the same for most lengths).
      starts.candidatesOf.push(sameAs(candidates, len > 0 ? starts.candidatesOf[len - 1] : none));
      starts.predicatesOf.push(sameAs(predicates, len > 0 ? starts.predicatesOf[len - 1] : none));
      starts.lexiconEndOf.push(candidates.filter((c) => c.entry !== null).length);
      if (candidates.some((c, k) => (c.entry !== null) !== (k < starts.lexiconEndOf[len]))) throw new Error('scan: lexicon candidates not first');
    }
  }
}
/** Letter index 1–26 of a character code, else 0. */
const letterOf = (c: number): number => (c < 128 && CHAR_CLASS[c] <= 26 ? CHAR_CLASS[c] : 0);
/** CHAR_CLASS of one of the scanner's bytes (all below 128), letters a–z without reading the table. */
const classOf = (c: number): number => (c >= 97 && c <= 122 ? c - 96 : CHAR_CLASS[c]);

/** split.ts isSpace of the character at `at`, read from the scanner's bytes (other characters are 127 there). */
const isSpaceAt = (codes: Uint8Array, text: string, at: number): boolean => {
  const c = codes[at];
  return c === 32 || (c >= 9 && c <= 13) || (c === 127 && text.charCodeAt(at) === 160);
};

/**
 * Does the word [at, end) start with (or, when `exact`, equal) one of the prefixes? The first three letters are
 * already known to match (table key), so only the rest (`tails`: the prefixes' character codes after the third) is
 * compared.
 */
function prefixMatch(
  codes: Uint8Array, at: number, end: number, prefixes: readonly string[], tails: readonly (readonly number[])[], exact: boolean,
): boolean {
  const len = end - at;
  for (let p = 0; p < tails.length; p++) {
    const pl = prefixes[p].length;
    if (exact ? pl !== len : pl > len) continue;
    const tail = tails[p];
    let k = 0;
    while (k < tail.length && codes[at + 3 + k] === tail[k]) k++;
    if (k >= tail.length) return true;
  }
  return false;
}

const BE_RE = /\sbe\s/;
const NO_DEFINITE_Y = /no\s+(?:definite|definitive|convincing)\b/y;
const DEFINITE_AFTER_NO = table.byFirstCodes(table.byFirst(['definit', 'convincing']));

/**
 * The masks are tested against the bit (1–26) of the letter that starts the next word, bit 0 when that is no letter
 * or there is none (no mask has bit 0). `followMask` looks past at most 8 non-word characters; `nextMask` past any
 * run of them.
 */
const FOLLOW_REACH = 8;

/** The buffer behind `asciiCodes`, reused from report to report (the scan is synchronous) and grown as needed. */
let codeBuffer = new Uint8Array(4096);
const ENCODER = new TextEncoder();
const NON_ASCII_RE = /[^\0-\x7f]/g;

/**
 * The characters of `lower` as bytes for the scan loop: ASCII as is, any other character as 127 (DEL), and a 0 after
 * the last. The loop only tells ASCII characters apart, and to it every other character is alike (no word character,
 * no punctuation it looks for). A typed-array read is a bounds check and a load, where charCodeAt also dispatches on
 * the string's representation at every character. ASCII text (most reports) is copied by one native call.
 */
function asciiCodes(lower: string): Uint8Array {
  const n = lower.length;
  if (codeBuffer.length <= n) codeBuffer = new Uint8Array(Math.max(n + 1, codeBuffer.length * 2));
  const codes = codeBuffer;
  // UTF-8 of text that is not all ASCII takes more bytes than it has characters: that text ("L4–5") has its other
  // characters replaced first (one native pass, not a loop here over every character).
  const { read, written } = ENCODER.encodeInto(lower, codes);
  if (read !== n || written !== n) ENCODER.encodeInto(lower.replace(NON_ASCII_RE, '\x7f'), codes);
  codes[n] = 0;
  return codes;
}

/**
 * @param lower the report lower-cased, same length
 * @param report the original report (sentence splitting looks at letter case); defaults to `lower`
 */
export function scanReport(lower: string, report: string = lower): ScanResult {
  return scan(lower, report, false) as ScanResult;
}

/**
 * `scanReport`, or null as soon as a word turns up that `correctWords` would rewrite (then the corrected text must be
 * scanned instead). Deciding this here, word by word, saves `correctWords` its own pass over every character of the
 * reports that need no rewrite (most). `lower` must be the report lower-cased letter by letter (`lowerSameLength`),
 * and the report must hold no character that lower-cases to an ASCII letter (the Kelvin sign).
 */
export function scanUnlessRewritten(lower: string, report: string): ScanResult | null {
  return scan(lower, report, true);
}

function scan(lower: string, report: string, stopAtRewrite: boolean): ScanResult | null {
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
  const predicates: PredicateHits = { start: [], end: [], mask: [] };
  // End of the last match per family: matches within a family never overlap.
  const next = [0, 0, 0, 0, 0, 0, 0];
  const uncertain: number[] = [];
  const uncertainAfter: number[] = [];
  const commas: number[] = [];
  const n = lower.length;
  const codes = asciiCodes(lower);
  // The sentence splitter reads the lower-cased copy (only its letter-case test reads the report): the same answers,
  // since lower-casing keeps white space, punctuation and digits, and ASCII letters stay letters; only the Kelvin
  // sign turns into one ('k').
  const splitText = stopAtRewrite || !report.includes('\u212A') ? lower : report;
  // codes[n] is 0, no word character and no punctuation: it ends the last word, and no loop below reads past it.
  for (let i = 0; i <= n; i++) {
    let c = codes[i];
    // Letters of the word that ends here when it is only letters ("normal."), else -1.
    let letters = -1;
    const k0 = classOf(c);
    if (k0 !== 0) {
      // A word: run to its end in a tight loop, then look it up.
      const w = i;
      // Whether the word holds a character other than a–z, and its hash (words.ts hashOf) for the rewrite test (cheaper
      // on the way than again for the words that need it). The first three characters' classes are kept on the way
      // (the table key), so nothing is read twice.
      const c0 = c;
      let other = k0 === OTHER_WORD_CHAR;
      let hash = c;
      let c1 = 0;
      let k1 = 0;
      let k2 = 0;
      if ((k1 = classOf(c = codes[++i])) !== 0) {
        c1 = c;
        other ||= k1 === OTHER_WORD_CHAR;
        hash = (Math.imul(hash, 31) + c) | 0;
        if ((k2 = classOf(c = codes[++i])) !== 0) {
          other ||= k2 === OTHER_WORD_CHAR;
          hash = (Math.imul(hash, 31) + c) | 0;
          for (i++; ; i++) {
            c = codes[i];
            // Most characters here are letters: told apart by their code alone, without a table read.
            if (c < 97 || c > 122) {
              if (CHAR_CLASS[c] === 0) break;
              other = true;
            }
            hash = (Math.imul(hash, 31) + c) | 0;
          }
        }
      }
      const len = i - w;
      if (!other) letters = len;
      const slot = SLOT_OF_CLASSES[(k0 * 33 + k1) * 33 + k2];
      if (stopAtRewrite) {
        // (A word of digits and '_' only has no letters to rewrite: rewritesMixedWord says no.)
        if (other) {
          // A short word that ends in no letter ("l4", "s1", "t12") can only be rewritten as "th" and a digit.
          if ((len > 3 || (codes[i - 1] >= 97 && codes[i - 1] <= 122) || (c0 === 116 && c1 === 104)) && rewritesMixedWord(lower, w, i)) return null;
        } else if (slot >= 0 && len <= 20 && (WORD_STARTS[slot].rewriteLengths & (1 << len)) !== 0) {
          if (rewritesWord(lower, w, i, hash, k0)) return null;
        }
      }
      // Spinal levels: "l4", "t12-l1", "c5-6" (c, t, l or s followed by a digit).
      if (c1 >= 48 && c1 <= 57 && (c0 === 108 || c0 === 116 || c0 === 99 || c0 === 115) && w >= mentionNext) {
        const mention = mentionAt(lower, w);
        if (mention !== null) {
          mentions.push(mention);
          mentionNext = mention.end;
        }
      }
      if (slot >= 0) {
        const starts = WORD_STARTS[slot];
        const fit = len < LONG_WORD ? len : LONG_WORD;
        const startsHere = starts.predicatesOf[fit];
        if (startsHere.length > 0) recordPredicates(lower, codes, w, startsHere, predicates);
        const candidates = starts.candidatesOf[fit];
        let tested = 0;
        let matched = 0;
        let followBit = -1;
        let nextBit = -1;
        for (let ci = 0; ci < candidates.length; ci++) {
          const cand = candidates[ci];
          const fam = cand.family;
          if (w < next[fam]) continue;
          if (!cand.keyIsPrefix) { // test each distinct prefix list once per word
            const bit = 1 << cand.group;
            if ((tested & bit) === 0) {
              tested |= bit;
              if (prefixMatch(codes, w, i, cand.prefixes, cand.tails, cand.exact)) matched |= bit;
            }
            if ((matched & bit) === 0) continue;
          }
          if ((cand.followMask | cand.nextMask) !== 0) {
            if (nextBit < 0) {
              // The next word's first letter, found once for both masks (a call per mask cost more than the walk).
              let j = i;
              while (j < n && CHAR_CLASS[codes[j]] === 0) j++;
              nextBit = j < n ? 1 << letterOf(codes[j]) : 1;
              followBit = j - i < FOLLOW_REACH ? nextBit : 1;
            }
            if (cand.followMask !== 0 && (cand.followMask & followBit) === 0) continue;
            if (cand.nextMask !== 0 && (cand.nextMask & nextBit) === 0) continue;
          }
          let end = i;
          if (cand.severity) {
            // "and"/"or" (the whole word) before a severity word; the same as the regex, without running it.
            if (i - w !== cand.prefixes[0].length) continue;
            end = severityAfterCodes(codes, lower, i);
            if (end < 0) continue;
          } else if (cand.re !== null) {
            if (cand.nextWordCodes !== null && !nextWordInCodes(codes, lower, i, cand.nextWordCodes)) continue;
            cand.re.lastIndex = w;
            if (!cand.re.test(lower)) continue;
            end = cand.re.lastIndex;
          }
          if (cand.entry !== null) { // the lexicon family
            terms.push({ start: w, end, entry: cand.entry });
            next[fam] = end;
            if (end > w) ci = starts.lexiconEndOf[fit] - 1; // the other lexicon candidates start inside this term
            continue;
          }
          if (fam === PRE) {
            // "no", "not" (the words here are exact): a pseudo-negation? Its regex needs one of a few words next.
            if (c0 === 110 && c1 === 111
              && (len === 2 ? followedByCodes(codes, lower, i, PSEUDO_AFTER_NO_CODES) : len === 3 && k2 === 20 && followedByCodes(codes, lower, i, PSEUDO_AFTER_NOT_CODES))) {
              PSEUDO_Y.lastIndex = w;
              if (PSEUDO_Y.test(lower)) continue;
            }
            if (c0 === 110 && c1 === 111) {
              // "No definite fracture" hedges: the finding is possible, not ruled out.
              if (len === 2 && followedByCodes(codes, lower, i, DEFINITE_AFTER_NO)) {
                NO_DEFINITE_Y.lastIndex = w;
                if (NO_DEFINITE_Y.test(lower)) {
                  uncertain.push(w);
                  next[fam] = NO_DEFINITE_Y.lastIndex;
                  continue;
                }
              }
            }
            pre.push({ start: w, end });
          } else if (fam === POST) post.push({ start: w, end });
          else if (fam === NORMAL) normal.push({ start: w, end });
          // "in contact with the root": the contact reaches the root; no new clause.
          else if (fam === BREAK) {
            if (!(len === 4 && c0 === 119 && w >= 8 && codes[w - 2] === 116 && lower.startsWith('contact ', w - 8))) breaks.push(w);
          }
          // "cannot be excluded" looks back at what it doubts; "possible", "query" look ahead.
          else if (fam === UNCERTAIN) (c0 === 110 || (c0 === 99 && BE_RE.test(lower.slice(w, end))) ? uncertainAfter : uncertain).push(w);
          else {
            segments.at.push(w);
            segments.end.push(end);
            segments.isWith.push(len === 4 && c0 === 119 ? 1 : 0); // "with" (the words here are exact)
            segments.strong.push(len > 3 || c0 === 98 ? 1 : 0); // not "and", "or"
          }
          next[fam] = Math.max(end, w + 1);
        }
      }
    }
    if (c === 32 || c > 63) continue; // none of the punctuation below
    if (c === 46 || c === 10 || c === 33 || c === 63) {
      if (c === 63) (i + 1 < n && letterOf(lower.charCodeAt(i + 1)) !== 0 ? uncertain : uncertainAfter).push(i);
      // (The bytes are those of the split text unless it is the report, with its Kelvin sign.)
      const end = splitText === lower ? sentenceEndAtCodes(codes, n, lower, i, report, letters) : sentenceEndAt(splitText, i, report);
      if (end >= sentenceFrom) {
        // pushTrimmed, read from the bytes (white space is the same in the report and its lower-cased copy).
        let s = sentenceFrom;
        let e = end;
        while (s < e && isSpaceAt(codes, lower, s)) s++;
        while (e > s && isSpaceAt(codes, lower, e - 1)) e--;
        if (e > s) sentences.push({ start: s, end: e });
        sentenceFrom = c === 10 ? i + 1 : end;
      }
    } else if (c === 59) {
      breaks.push(i); // ';'
      segments.at.push(i);
      segments.end.push(i + 1);
      segments.isWith.push(0);
      segments.strong.push(1);
    } else if (c === 44 || c === 58) {
      if (c === 44) commas.push(i);
      if (c === 44 && i >= next[BREAK]) {
        if (severityAfterCodes(codes, lower, i + 1) >= 0) breaks.push(i);
      }
      segments.at.push(i);
      segments.end.push(i + 1);
      segments.isWith.push(0);
      segments.strong.push(c === 58 ? 1 : 0);
    }
  }
  pushTrimmed(splitText, sentences, sentenceFrom, n);
  return { sentences, mentions, terms, negation: { pre, post, normal, breaks }, segments, predicates, uncertain, uncertainAfter, commas };
}
