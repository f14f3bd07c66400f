/**
 * Sentence splitting with offsets into the original text. One linear pass; every look-back or look-ahead is
 * bounded, so pathological input (no punctuation, thousands of newlines) stays linear.
 */

export interface Span {
  start: number;
  end: number;
}

/** A short ASCII word as a number (5 bits a letter, case-folded): set lookups without building a string. */
function wordKey(text: string, from: number, to: number): number {
  let key = 0;
  for (let i = from; i < to; i++) key = key * 32 + ((text.charCodeAt(i) | 32) - 96);
  return key;
}
const keysOf = (words: readonly string[]): Set<number> => new Set(words.map((w) => wordKey(w, 0, w.length)));
/** Longest word a key set holds (keys of longer words would lose precision). */
const MAX_KEY_LETTERS = 10;

// Words that end in '.' without ending a sentence.
const ABBREVIATIONS = keysOf(['approx', 'dr', 'vs', 'cf', 'fig', 'mr', 'mrs', 'ms', 'st', 'ca', 'incl', 'resp', 'max', 'min']);
// A line ending in one of these continues on the next line (a wrapped line, not a new statement).
const CONTINUING_WORDS = keysOf([
  'at', 'of', 'the', 'and', 'or', 'with', 'to', 'in', 'on', 'a', 'an', 'from', 'through', 'by', 'for', 'is', 'are',
  'was', 'were', 'no', 'without', 'mild', 'moderate', 'severe', 'left', 'right', 'bilateral', 'which', 'that',
]);
// A new line that starts like this begins a new statement: a bullet, "1.", "2)", a level heading "L4-5:", or a
// section heading "Impression:".
const NEW_LINE_START_RE = /[ \t]*(?:[-*•·]|\d{1,2}[.)][ \t]|(?:level[ \t]+)?[ctls]\d{1,2}(?:[ \t]?[-–—\/][ \t]?[ctls]?\d{1,2})?(?:[ \t]*:|[ \t]+[-–—][ \t])|[a-z][a-z \t]{0,30}:)/iy;

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 160;
const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLower = (c: number): boolean => c >= 97 && c <= 122;

/** Does the '.' at `dot` end an abbreviation? `i` is the index before the letters that precede it (fewer than 7). */
function isAbbreviation(text: string, dot: number, i: number): boolean {
  const stop = Math.max(0, dot - 12);
  const length = dot - i - 1;
  if (length === 0) {
    // "1." at the start of a line is a list marker, not a sentence.
    let j = dot - 1;
    while (j >= stop && isDigit(text.charCodeAt(j))) j--;
    if (j === dot - 1) return false;
    while (j >= 0 && j >= dot - 16 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j--;
    return j < 0 || text.charCodeAt(j) === 10;
  }
  // "e.g." / "i.e.": a single letter preceded by a dot.
  if (length === 1) return i >= 0 && text.charCodeAt(i) === 46;
  return length <= MAX_KEY_LETTERS && ABBREVIATIONS.has(wordKey(text, i + 1, dot));
}

function isAbbreviationFast(text: string, dot: number): boolean {
  // Sentence-final words are mostly longer than any abbreviation: decide without building the word.
  let i = dot - 1;
  while (i >= 0 && i > dot - 8 && isLetter(text.charCodeAt(i))) i--;
  if (i === dot - 8) return false;
  return isAbbreviation(text, dot, i);
}

/** Does "level" (any case) start at q? */
const isLevelWord = (text: string, q: number): boolean => (text.charCodeAt(q) | 32) === 108 && (text.charCodeAt(q + 1) | 32) === 101
  && (text.charCodeAt(q + 2) | 32) === 118 && (text.charCodeAt(q + 3) | 32) === 101 && (text.charCodeAt(q + 4) | 32) === 108;

/**
 * NEW_LINE_START_RE at q (a character that is not white space). Its alternatives start with a bullet, a digit or an
 * ASCII letter, and those starting with a letter end in ':' on the same line: most lines ("The disc …") are ruled out
 * without the regex, most by a look at their first few words.
 */
function startsStatement(text: string, q: number): boolean {
  const c = text.charCodeAt(q);
  if (isLetter(c) && !isDigit(text.charCodeAt(q + 1)) && !isLevelWord(text, q)) {
    // Then only "[a-z][a-z \t]{0,30}:" can match: a ':' within 31 characters of letters and blanks, looked for
    // there instead of through the whole line.
    let j = q + 1;
    let d = text.charCodeAt(j);
    while (j < q + 31 && (isLetter(d) || d === 32 || d === 9)) d = text.charCodeAt(++j);
    if (d !== 58) return false;
  } else if (isLetter(c)) {
    let j = q + 1;
    while (j < text.length && text.charCodeAt(j) !== 58 && text.charCodeAt(j) !== 10) j++;
    if (text.charCodeAt(j) !== 58) return false;
  } else if (!isDigit(c) && c !== 45 && c !== 42 && c !== 0x2022 && c !== 0xb7) return false; // - * • ·
  NEW_LINE_START_RE.lastIndex = q;
  return NEW_LINE_START_RE.test(text);
}

/** Is the newline at `nl` the end of a statement (rather than a wrapped line)? `cased`: see sentenceEndAt. */
function isLineBreak(text: string, nl: number, cased: string): boolean {
  let p = nl - 1;
  while (p >= 0 && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9 || text.charCodeAt(p) === 13)) p--;
  if (p < 0 || text.charCodeAt(p) === 10) return true;
  let q = nl + 1;
  while (q < text.length && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9 || text.charCodeAt(q) === 13)) q++;
  if (q >= text.length || text.charCodeAt(q) === 10) return true;
  const last = text.charCodeAt(p);
  if (last === 44) return false; // ','
  if (!isLetter(last) && !isDigit(last)) return true; // ':', '.', ')' …
  if (startsStatement(text, q)) return true;
  if (isLower(cased.charCodeAt(q))) return false;
  let w = p;
  while (w >= 0 && w > p - 12 && isLetter(text.charCodeAt(w))) w--;
  return p - w > MAX_KEY_LETTERS || !CONTINUING_WORDS.has(wordKey(text, w + 1, p + 1));
}

/**
 * If a sentence ends at text[i] ('.', '!', '?' or a newline), the offset just after it; otherwise -1. Only one test
 * looks at letter case (a wrapped line goes on in lower case): `cased` is the text with its case when `text` is a
 * lower-cased copy of the same length. The scanner passes its lower-cased copy as `text`, a flat string, so the
 * reads here stay cheap whatever string the caller built (the bench's reports are concatenations).
 */
export function sentenceEndAt(text: string, i: number, cased: string = text): number {
  const c = text.charCodeAt(i);
  if (c === 10) return isLineBreak(text, i, cased) ? i : -1;
  if (c !== 46 && c !== 33 && c !== 63) return -1;
  // '.', '!', '?' end a sentence when followed by a space or the end ("3.5 mm" and "L4.5" do not).
  let k = i + 1;
  while (k < text.length && (text.charCodeAt(k) === 41 || text.charCodeAt(k) === 34)) k++; // ')' '"'
  if (k < text.length && !isSpace(text.charCodeAt(k))) return -1;
  return c === 46 && isAbbreviationFast(text, i) ? -1 : k;
}

/** `isLineBreak`, read from the scanner's bytes (see `sentenceEndAtCodes`). */
function isLineBreakCodes(codes: Uint8Array, n: number, text: string, nl: number, cased: string): boolean {
  let p = nl - 1;
  while (p >= 0 && (codes[p] === 32 || codes[p] === 9 || codes[p] === 13)) p--;
  if (p < 0 || codes[p] === 10) return true;
  let q = nl + 1;
  while (q < n && (codes[q] === 32 || codes[q] === 9 || codes[q] === 13)) q++;
  if (q >= n || codes[q] === 10) return true;
  const last = codes[p];
  if (last === 44) return false; // ','
  if (!isLetter(last) && !isDigit(last)) return true; // ':', '.', ')' …
  if (startsStatement(text, q)) return true;
  if (isLower(cased.charCodeAt(q))) return false;
  let w = p;
  while (w >= 0 && w > p - 12 && isLetter(codes[w])) w--;
  return p - w > MAX_KEY_LETTERS || !CONTINUING_WORDS.has(wordKey(text, w + 1, p + 1));
}

/**
 * `sentenceEndAt` for the '.', '!', '?' or newline at i, read from the scanner's bytes: `codes` holds the characters of `text`
 * (ASCII as is, any other as 127, a 0 at n, its length). A typed-array read per character instead of charCodeAt.
 * `letters`: how many letters (a–z) precede i as a whole word, when the caller knows, else -1.
 */
export function sentenceEndAtCodes(codes: Uint8Array, n: number, text: string, i: number, cased: string = text, letters = -1): number {
  if (codes[i] === 10) return isLineBreakCodes(codes, n, text, i, cased) ? i : -1;
  let k = i + 1;
  while (k < n && (codes[k] === 41 || codes[k] === 34)) k++; // ')' '"'
  if (k < n) {
    const c = codes[k];
    if (!(c === 32 || (c >= 9 && c <= 13) || (c === 127 && text.charCodeAt(k) === 160))) return -1;
  }
  // (A word of 7 letters or more ends here, as the caller knows: no abbreviation.)
  if (codes[i] !== 46 || letters >= 7) return k;
  // isAbbreviationFast
  let j = i - 1;
  while (j >= 0 && j > i - 8 && isLetter(codes[j])) j--;
  return j !== i - 8 && isAbbreviation(text, i, j) ? -1 : k;
}

/** Appends [s, e) trimmed of white space, if anything is left. */
export function pushTrimmed(text: string, out: Span[], s: number, e: number): void {
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ start: s, end: e });
}

const CANDIDATE_RE = /[.!?\n]/g;

/** Splits a report into sentences (trimmed spans, original offsets, in order). The scanner does the same inline. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let from = 0;
  CANDIDATE_RE.lastIndex = 0;
  for (let m = CANDIDATE_RE.exec(text); m !== null; m = CANDIDATE_RE.exec(text)) {
    const end = sentenceEndAt(text, m.index);
    if (end < 0 || end < from) continue;
    pushTrimmed(text, out, from, end);
    from = text.charCodeAt(m.index) === 10 ? m.index + 1 : end;
    CANDIDATE_RE.lastIndex = Math.max(CANDIDATE_RE.lastIndex, from);
  }
  pushTrimmed(text, out, from, text.length);
  return out;
}

/** A cheap baseline for the benchmark: lower-case and split on sentence punctuation and newlines. */
export function baselineSplit(text: string): number {
  return text.toLowerCase().split(/[.!?]\s+|\n/).length;
}
