import type { MriFindingCode } from '../types';
import { LEXICON, type LexiconEntry } from './lexicon';

/**
 * The scanner's dispatch table: for a word's first three letters, the patterns that can start there (lexicon terms,
 * negation triggers, scope terminators, segment boundaries), in priority order.
 */

const SEVERITY_WORDS = ['mild', 'mildly', 'moderate', 'moderately', 'severe', 'severely', 'marked', 'markedly', 'minimal', 'minor', 'small', 'large', 'tiny', 'broad', 'focal', 'slight', 'slightly', 'early', 'grade', 'multilevel', 'a', 'an'];
const SEVERITY = `(?:${SEVERITY_WORDS.join('|')})\\b`;
const PRE_SRC = '\\b(?:(?:interval\\s+|complete\\s+)?resolution\\s+of|no\\s+(?:evidence|signs?)\\s+(?:of|for)|negative\\s+for|absence\\s+of|free\\s+of|rather\\s+than|without|no|not|nor|neither)\\b';
const PSEUDO_SRC = '(?:no\\s+(?:significant\\s+|interval\\s+|substantial\\s+|appreciable\\s+|further\\s+|definite\\s+|major\\s+)?(?:change|increase|progression|worsening|growth)|not\\s+only|not\\s+(?:be\\s+)?(?:excluded|ruled\\s+out)|not\\s+significantly\\s+changed|no\\s+longer|not\\s+(?:seen|identified|demonstrated|present|visuali[sz]ed|evident|noted|appreciated|detected)\\b)';
// "has resolved", "no longer evident": a finding that was there and is gone is stated absent now.
const GONE = '(?:seen|identified|demonstrated|present|visuali[sz]ed|evident|visible|apparent|noted|appreciated|detected)';
const POST_SRC = '\\b(?:(?:has|have|had)\\s+(?:now\\s+|since\\s+)?(?:completely\\s+|entirely\\s+|fully\\s+|largely\\s+)?(?:resolved|disappeared)|(?:is|are|was|were)\\s+(?:now\\s+)?(?:resolved|gone)|resolved|no\\s+longer\\s+' + GONE + '|(?:is|are|was|were)\\s+(?:not|no\\s+longer)\\s+(?:seen|identified|demonstrated|present|visuali[sz]ed|evident|noted|appreciated|detected|compressed|narrowed|effaced|impinged|displaced|deformed|flattened|stenotic|involved|affected)|(?:is|are|was|were)\\s+(?:absent|excluded|ruled\\s+out)|not\\s+(?:seen|identified|demonstrated|present|visuali[sz]ed|evident|detected))\\b';
const NORMAL_SRC = '\\b(?:within\\s+normal\\s+limits|(?:is|are)\\s+free|normal|unremarkable|unaffected|preserved|maintained|intact|patent|capacious|satisfactory|anatomic|anatomical)\\b';
const BREAK_WORD_SRC = `\\b(?:but|however|although|though|whereas|while|except|apart\\s+from|aside\\s+from|which|with|there\\s+(?:is|are)|otherwise)\\b|\\b(?:and|or)\\s+(?=${SEVERITY})`;
const BREAK_COMMA_SRC = `,\\s+(?=${SEVERITY})`;

const PRE_Y = new RegExp(PRE_SRC, 'y');
export const PSEUDO_Y = new RegExp(PSEUDO_SRC, 'y');
const POST_Y = new RegExp(POST_SRC, 'y');
const NORMAL_Y = new RegExp(NORMAL_SRC, 'y');
const BREAK_WORD_Y = new RegExp(BREAK_WORD_SRC, 'y');
/** The reference for `severityAfter` (a test compares them). */
export const BREAK_COMMA_Y = new RegExp(BREAK_COMMA_SRC, 'y');

/** A lower-case word of up to 10 letters as a number (5 bits a letter): set lookups without building a string. */
function letterKey(text: string, from: number, to: number): number {
  let key = 0;
  for (let i = from; i < to; i++) key = key * 32 + (text.charCodeAt(i) - 96);
  return key;
}
const SEVERITY_KEYS = new Set(SEVERITY_WORDS.map((w) => letterKey(w, 0, w.length)));
/** Per first letter (1–26), a bit per length of the severity words: most words are ruled out without their key. */
const SEVERITY_LENGTHS = new Uint16Array(27);
for (const w of SEVERITY_WORDS) SEVERITY_LENGTHS[w.charCodeAt(0) - 96] |= 1 << w.length;
/** White space as `\s` matches it. */
export function isJsSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f
    || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
/** Strings by their first character (ASCII), for `byFirstCodes`. */
export type ByFirst = readonly (readonly string[] | undefined)[];
export function byFirst(starts: readonly string[]): ByFirst {
  const table: string[][] = [];
  for (const st of starts) (table[st.charCodeAt(0)] ??= []).push(st);
  return Array.from({ length: 128 }, (_, c) => table[c]);
}

/** Byte strings by their first byte, for `followedByCodes`. */
export type ByFirstCodes = readonly (readonly Uint8Array[] | undefined)[];
export const byFirstCodes = (starts: ByFirst): ByFirstCodes =>
  starts.map((list) => list?.map((st) => Uint8Array.from(st, (ch) => ch.charCodeAt(0))));

/**
 * Is the text at `from` white space (at least one character, as `\s` matches it) and then one of the strings? A
 * necessary condition checked before a regex that needs it: one lookup by the next character, then a few compares.
 * Reads the scanner's bytes: `codes` holds the characters of `text` (ASCII as is, any other as 127, a 0 after the
 * last, which stops every compare here).
 */
export function followedByCodes(codes: Uint8Array, text: string, from: number, starts: ByFirstCodes): boolean {
  let j = from;
  while (isSpaceByte(codes, text, j)) j++;
  if (j === from) return false;
  const list = starts[codes[j]];
  if (list === undefined) return false;
  for (let k = 0; k < list.length; k++) {
    const st = list[k];
    let t = 1;
    while (t < st.length && codes[j + t] === st[t]) t++;
    if (t === st.length) return true;
  }
  return false;
}

/** What PSEUDO_SRC needs after "no" and after "not" (white space, then one of these): its regex runs only then. */
const PSEUDO_AFTER_NO = byFirst([
  'significant', 'interval', 'substantial', 'appreciable', 'further', 'definite', 'major', 'change', 'increase', 'progression',
  'worsening', 'growth', 'longer',
]);
const PSEUDO_AFTER_NOT = byFirst([
  'only', 'be', 'excluded', 'ruled', 'significantly', 'seen', 'identified', 'demonstrated', 'present', 'visuali', 'evident', 'noted',
  'appreciated', 'detected',
]);

/** isJsSpace of the character at `at`, read from the scanner's bytes (`codes`: see `severityAfterCodes`). */
const isSpaceByte = (codes: Uint8Array, text: string, at: number): boolean => {
  const c = codes[at];
  return c === 32 || (c >= 9 && c <= 13) || (c === 127 && isJsSpace(text.charCodeAt(at)));
};
const isWordByte = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90);

/**
 * `\s+(?=SEVERITY\b)` at `from` without a regex ("and mild …", ", moderate …": a new clause): the end of the white
 * space when a severity word follows it as a whole word, else -1. Reads the scanner's bytes: `codes` holds the
 * characters of `text` (ASCII as is, any other as 127, a 0 after the last, which stops every loop here), a
 * typed-array read per character instead of charCodeAt.
 */
export function severityAfterCodes(codes: Uint8Array, text: string, from: number): number {
  let j = from;
  while (isSpaceByte(codes, text, j)) j++;
  if (j === from) return -1;
  let k = j;
  while (k - j <= 10 && codes[k] >= 97 && codes[k] <= 122) k++;
  if (k === j || k - j > 10 || isWordByte(codes[k])) return -1;
  if ((SEVERITY_LENGTHS[codes[j] - 96] & (1 << (k - j))) === 0) return -1;
  return SEVERITY_KEYS.has(letterKey(text, j, k)) ? j : -1;
}

/**
 * Is the text at `from` white space (at least one character, as `\s` matches it) followed by a whole word (a maximal
 * run of `\w` characters) that is one of `words` (as character codes)? The `nextWords` condition of a candidate, read
 * from the scanner's bytes (see `severityAfterCodes`).
 */
export function nextWordInCodes(codes: Uint8Array, text: string, from: number, words: readonly Uint8Array[]): boolean {
  let j = from;
  while (isSpaceByte(codes, text, j)) j++;
  if (j === from) return false;
  let k = j;
  while (isWordByte(codes[k])) k++;
  const len = k - j;
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    if (word.length !== len) continue;
    let t = 0;
    while (t < len && codes[j + t] === word[t]) t++;
    if (t === len) return true;
  }
  return false;
}

const UNCERTAIN_Y = /(?:possib(?:le|ly)|probabl[ey]|quer(?:y|ied)|questionabl[ey]|equivocal|suspect(?:ed)?|suspicio(?:n|us)\s+(?:of|for)|(?:cannot|can\s*not|can't|not)\s+be\s+(?:excluded|ruled\s+out)|(?:cannot|can\s*not|can't)\s+(?:exclude|rule\s+out)|not\s+(?:excluded|ruled\s+out)|(?:may|could|might)\s+(?:represent|be\s+(?:due|related|an?\b))|indeterminate)\b/y;

/** Pattern families; matches within a family never overlap. */
const LEXICON_FAMILY = 0;
export const PRE = 1;
export const POST = 2;
export const NORMAL = 3;
export const BREAK = 4;
const SEGMENT = 5;
/** Uncertainty words ("possible", "query", "cannot be excluded"); '?' is found with the punctuation. */
export const UNCERTAIN = 6;

const maskOf = (letters: string): number => {
  let mask = 0;
  for (let i = 0; i < letters.length; i++) mask |= 1 << letterOf(letters.charCodeAt(i));
  return mask;
};

/**
 * Lexicon patterns that, at a word starting with one of `prefixes`, can only match through white space and a next
 * word starting with one of `letters` ("disc" + "desiccation"/"space"/"height"…): a necessary condition, checked
 * before the regex. Every alternative of the pattern that can start at such a word requires the white space (a
 * longer word such as "discs" fails them all), so the check never rejects a match.
 */
const LEXICON_NEXT: readonly { kind: LexiconEntry['kind']; code: MriFindingCode; prefixes: readonly string[]; letters: string }[] = [
  { kind: 'finding', code: 'disc_degeneration', prefixes: ['disc', 'disk'], letters: 'dsh' },
  { kind: 'finding', code: 'disc_herniation', prefixes: ['disc', 'disk'], letters: 'pehs' },
  { kind: 'finding', code: 'vertebral_height_loss', prefixes: ['vertebra'], letters: 'bhcp' },
  { kind: 'finding', code: 'disc_degeneration', prefixes: ['narrow'], letters: 'o' }, // narrowing of the disc space
  { kind: 'finding', code: 'modic_1', prefixes: ['marrow'], letters: 'oe' }, // marrow (o)edema at the endplate
  { kind: 'finding', code: 'spondylolysis', prefixes: ['fractur'], letters: 'oita' }, // fracture of/in/through/… the pars
  { kind: 'anatomy', code: 'spondylolisthesis', prefixes: ['vertebral', 'sagittal', 'spinal'], letters: 'a' },
  { kind: 'anatomy', code: 'vertebral_height_loss', prefixes: ['vertebral'], letters: 'bch' },
  { kind: 'anatomy', code: 'canal_stenosis', prefixes: ['spinal', 'central', 'vertebral', 'bony'], letters: 'c' },
  { kind: 'anatomy', code: 'cord_compression', prefixes: ['spinal', 'cervic', 'thoraci'], letters: 'c' },
  { kind: 'anatomy', code: 'cord_signal_change', prefixes: ['cord'], letters: 's' }, // cord signal
  { kind: 'anatomy', code: 'cord_signal_change', prefixes: ['spinal'], letters: 'c' }, // spinal cord signal
  // "posterior epidural …": the modifiers lead to epidural / extradural only.
  { kind: 'finding', code: 'epidural_collection', prefixes: ['ventral', 'dorsal', 'posterior', 'anterior', 'spinal'], letters: 'e' },
  { kind: 'finding', code: 'cord_compression', prefixes: ['cord', 'spinal'], letters: 'c' }, // (spinal) cord compression
  { kind: 'finding', code: 'cord_compression', prefixes: ['mass'], letters: 'e' }, // mass effect on the cord
  { kind: 'finding', code: 'cord_signal_change', prefixes: ['cord'], letters: 'scaoeh' }, // cord signal change, cord oedema …
  // "disc bulge", "disc osteophyte complex" ("discosteophyte" has its own start without a condition).
  { kind: 'finding', code: 'disc_bulge', prefixes: ['disc', 'disk'], letters: 'bo' },
  // Height loss: "endplate depression", "end plate …", "superior endplate …", "loss of height", "height loss",
  // "compression deformity", "reduced (vertebral body) height", "reduction of/in …", "depressed superior endplate".
  { kind: 'finding', code: 'vertebral_height_loss', prefixes: ['end'], letters: 'dip' },
  { kind: 'finding', code: 'vertebral_height_loss', prefixes: ['superior', 'inferior'], letters: 'e' },
  { kind: 'finding', code: 'vertebral_height_loss', prefixes: ['loss'], letters: 'o' },
  { kind: 'finding', code: 'vertebral_height_loss', prefixes: ['height'], letters: 'l' },
  { kind: 'finding', code: 'vertebral_height_loss', prefixes: ['compress'], letters: 'd' },
  { kind: 'finding', code: 'vertebral_height_loss', prefixes: ['reduc', 'decreas', 'dimin'], letters: 'oithvb' },
  { kind: 'finding', code: 'vertebral_height_loss', prefixes: ['depress'], letters: 'sie' },
];

/** The LEXICON_NEXT letters for an entry at words starting with this prefix, or '' when none applies. */
function nextLetters(entry: LexiconEntry, prefix: string): string {
  const code = entry.codes === 'modic' ? null : entry.codes[0];
  const rule = LEXICON_NEXT.find((r) => r.kind === entry.kind && r.code === code && r.prefixes.includes(prefix));
  return rule?.letters ?? '';
}

/** One pattern to try at a word start. Every field is always set, so all candidates share one object shape. */
export class Candidate {
  /** Letters (bit 1–26) the next word must start with before the regex runs; 0: no condition. */
  readonly followMask: number;
  /** Letters (bit 1–26) one of which must start the next word, past any run of non-word characters; 0: none. */
  readonly nextMask: number;
  /** Some prefix has at most three letters: the table key alone proves a (non-exact) prefix match. */
  readonly keyIsPrefix: boolean;
  /** Each prefix's character codes after the first three (the table key): compared without reading the prefix. */
  readonly tails: readonly (readonly number[])[];
  /** Index of this candidate's prefix list among the distinct ones of its table slot (the scanner tests each once). */
  group = 0;
  /** "and"/"or" before a severity word: the whole word, then `severityAfter` instead of the regex. */
  severity = false;
  /**
   * Whole words one of which must follow after white space before the regex runs ("is" → "now", "resolved", …);
   * null: no condition. A necessary condition: every alternative of the pattern that starts at such a word needs it.
   */
  nextWords: readonly string[] | null = null;
  /** `nextWords` as character codes (for `nextWordInCodes`). */
  nextWordCodes: readonly Uint8Array[] | null = null;

  constructor(
    readonly family: number,
    /** Start words that lead here; one must match before anything else runs (a cheap filter). */
    readonly prefixes: readonly string[],
    /** Prefixes that are whole trigger words: a match needs no regex ("with", "normal"). */
    readonly exact: boolean,
    readonly re: RegExp | null,
    /** First letters of the words that can come next in the pattern (a cheap filter before the regex). */
    follow: string,
    /** Lexicon only: the entry this candidate matches. */
    readonly entry: LexiconEntry | null,
    /** Lexicon only: letters one of which must start the next word, however far (see LEXICON_NEXT). */
    next = '',
  ) {
    this.followMask = maskOf(follow);
    this.nextMask = maskOf(next);
    this.keyIsPrefix = !exact && prefixes.some((p) => p.length <= 3);
    this.tails = prefixes.map((p) => Array.from(p.slice(3), (ch) => ch.charCodeAt(0)));
  }
}

/**
 * Character classes for ASCII: 0 not a word character, 1–26 the letters a–z, OTHER_WORD_CHAR another word character
 * (digit, '_', upper case). Non-ASCII characters are not word characters (as for \w and \b in the patterns).
 */
export const CHAR_CLASS = new Uint8Array(128);
/** A bit no letter's class has: OR-ing the classes of a word's characters tells whether it is letters only. */
export const OTHER_WORD_CHAR = 32;
for (let c = 0; c < 128; c++) {
  if (c >= 97 && c <= 122) CHAR_CLASS[c] = c - 96;
  else if ((c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90)) CHAR_CLASS[c] = OTHER_WORD_CHAR;
}
/** Letter index 1–26 of a character code, else 0. */
const letterOf = (c: number): number => (c < 128 && CHAR_CLASS[c] < 27 ? CHAR_CLASS[c] : 0);

/** The table key of a word: its first three letters (a non-letter or a missing letter counts as 0). */
export const keyOfWord = (word: string): number =>
  letterOf(word.charCodeAt(0)) * 729 + letterOf(word.charCodeAt(1) | 0) * 27 + letterOf(word.charCodeAt(2) | 0);

/** For each three-letter key: the candidates to try there, lexicon entries first, in priority order. */
function buildTable(): Map<number, Candidate[]> {
  const table = new Map<number, Candidate[]>();
  const add = (words: readonly string[], make: (prefixes: string[]) => Candidate): void => {
    const byKey = new Map<number, string[]>();
    for (const w of words) byKey.set(keyOfWord(w), [...(byKey.get(keyOfWord(w)) ?? []), w]);
    for (const [k, prefixes] of byKey) table.set(k, [...(table.get(k) ?? []), make(prefixes)]);
  };
  // Lexicon entries in priority order, one sticky regex each (a failing sticky test is cheap).
  for (const entry of LEXICON) {
    const re = new RegExp(entry.pattern, 'y');
    // One candidate per table slot and next-word condition: in the slot 'dis', "disc"/"disk" (a condition) and
    // "discop" (none) are tried apart, so "disc" words other than "discopathy" need the condition to run the regex.
    const byLetters = new Map<string, string[]>();
    for (const start of entry.starts) byLetters.set(nextLetters(entry, start), [...(byLetters.get(nextLetters(entry, start)) ?? []), start]);
    for (const [letters, starts] of byLetters) add(starts, (prefixes) => new Candidate(LEXICON_FAMILY, prefixes, false, re, '', entry, letters));
  }
  const family = (fam: number, words: readonly string[], re: RegExp | null, follow = '', nextWords: readonly string[] | null = null): void =>
    add(words, (prefixes) => {
      const c = new Candidate(fam, prefixes, re === null, re, follow, null);
      c.nextWords = nextWords;
      c.nextWordCodes = nextWords?.map((w) => Uint8Array.from(w, (ch) => ch.charCodeAt(0))) ?? null;
      return c;
    });
  // `follow`: first letters of the words that can come next in the pattern (a cheap filter before the regex).
  family(PRE, ['without', 'nor', 'neither'], null);
  // "no evidence of", "no signs of": the regex finds the end; otherwise "no" and "not" are whole trigger words.
  family(PRE, ['no'], PRE_Y, '', ['evidence', 'sign', 'signs']);
  family(PRE, ['no', 'not'], null);
  family(PRE, ['negative', 'absence', 'free', 'rather'], PRE_Y, 'fot');
  family(PRE, ['interval', 'complete'], PRE_Y, 'r');
  family(PRE, ['resolution'], PRE_Y, 'o');
  family(POST, ['is', 'are', 'was', 'were'], POST_Y, 'naerg', ['now', 'resolved', 'gone', 'not', 'no', 'absent', 'excluded', 'ruled']);
  family(POST, ['not'], POST_Y, 'sidpve');
  family(POST, ['has', 'have', 'had'], POST_Y, 'nsceflrd');
  family(POST, ['no'], POST_Y, 'l');
  family(POST, ['resolved'], null);
  family(NORMAL, ['normal', 'unremarkable', 'unaffected', 'preserved', 'maintained', 'intact', 'patent', 'capacious', 'satisfactory', 'anatomic', 'anatomical'], null);
  family(NORMAL, ['within'], NORMAL_Y, 'n');
  family(NORMAL, ['is', 'are'], NORMAL_Y, 'f', ['free']);
  family(BREAK, ['but', 'however', 'although', 'though', 'whereas', 'while', 'except', 'which', 'with', 'otherwise'], null);
  family(BREAK, ['apart', 'aside'], BREAK_WORD_Y, 'f');
  family(BREAK, ['there'], BREAK_WORD_Y, 'ia');
  family(BREAK, ['and', 'or'], BREAK_WORD_Y, 'mstbfegla');
  for (const c of [...table.get(keyOfWord('and')) ?? [], ...table.get(keyOfWord('or')) ?? []]) if (c.re === BREAK_WORD_Y && c.family === BREAK) c.severity = true;
  family(SEGMENT, ['and', 'or', 'with', 'but', 'while', 'whereas', 'which'], null);
  family(UNCERTAIN, ['possib', 'probab', 'query', 'queried', 'questionab', 'equivocal', 'suspect', 'suspicio', 'indeterminate'], UNCERTAIN_Y);
  family(UNCERTAIN, ['cannot', 'can', 'not'], UNCERTAIN_Y, 'bnexr');
  family(UNCERTAIN, ['may', 'could', 'might'], UNCERTAIN_Y, 'rb');
  for (const candidates of table.values()) {
    const groups: string[] = [];
    for (const c of candidates) {
      const id = `${c.exact}:${c.prefixes.join(',')}`;
      if (!groups.includes(id)) groups.push(id);
      c.group = groups.indexOf(id);
    }
    if (groups.length > 30) throw new Error('scan table: too many prefix lists in one slot');
  }
  return table;
}

/** Candidates by word key (see `keyOfWord`). */
export const CANDIDATES: ReadonlyMap<number, Candidate[]> = buildTable();

/** PSEUDO_AFTER_NO and PSEUDO_AFTER_NOT as bytes (for `followedByCodes`). */
export const PSEUDO_AFTER_NO_CODES = byFirstCodes(PSEUDO_AFTER_NO);
export const PSEUDO_AFTER_NOT_CODES = byFirstCodes(PSEUDO_AFTER_NOT);
