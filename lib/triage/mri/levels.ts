/**
 * Spinal level mentions: 'L4-5', 'L4/5', 'L4–L5', 'L5/S1', 'C5-6', 'T5', 'T5 and T7', 'T5 through T7', 'L4 on L5'.
 * Output is normalised: vertebrae 'T5'; disc levels 'L4-L5', 'L5-S1', 'C7-T1'.
 */

const REGION_SIZES: readonly [string, number][] = [['C', 7], ['T', 12], ['L', 5], ['S', 5]];
/** Vertebra names in craniocaudal order: C1 … C7, T1 … T12, L1 … L5, S1 … S5. */
const VERTEBRAE: readonly string[] = REGION_SIZES.flatMap(([r, n]) => Array.from({ length: n }, (_, i) => `${r}${i + 1}`));
/** Ranges longer than this are not expanded (a typo, not a level list). */
const MAX_RANGE = VERTEBRAE.length;

export interface LevelMention {
  start: number;
  end: number;
  /** First and last vertebra index; a disc level has last = first + 1 and disc = true. */
  first: number;
  last: number;
  disc: boolean;
}

export interface LevelCluster {
  start: number;
  end: number;
  levels: string[];
}

const MENTION_RE = /\b([ctls])(\d{1,2})(?:[ \t]?[-–—\/][ \t]?([ctls])?(\d{1,2}))?\b/gi;
// MRI sequence names (T1, T2) that look like vertebrae: "T2-weighted", "low T1 signal", "T1 and T2".
const SEQUENCE_AFTER_RE = /[ \t]*(?:-?[ \t]*weight|w\b|wi\b|-w\b|signal|hyper|hypo|image|imaging|sequence|stir|flair|fat|\*|(?:and|or|\/)[ \t]*t[12]\b|post|pre|bright|dark|shine|iso|intens|high|low)/iy;
const SEQUENCE_BEFORE_RE = /(?:low|high|increased|decreased|bright|dark|on|intermediate|iso|hyperintense|hypointense|and|or|\/)[ \t]*$/i;
// A nerve root named by its vertebra ("the traversing S1 nerve root") is not a level of the finding.
const ROOT_AFTER_RE = /[ \t]*(?:and[ \t]+[ctls]\d{1,2}[ \t]+)?(?:nerve|root|radicul)/iy;

/** Index of vertebra `letter` (a character code) number `k` in VERTEBRAE, or undefined ("L9", "C0"). */
function vertebraIndexOf(letter: number, k: number): number | undefined {
  const c = letter | 32;
  if (k < 1) return undefined;
  if (c === 99) return k <= 7 ? k - 1 : undefined; // c
  if (c === 116) return k <= 12 ? 6 + k : undefined; // t
  if (c === 108) return k <= 5 ? 18 + k : undefined; // l
  return k <= 5 ? 23 + k : undefined; // s
}

const numberOf = (num: string): number =>
  num.length === 1 ? num.charCodeAt(0) - 48 : (num.charCodeAt(0) - 48) * 10 + num.charCodeAt(1) - 48;

/** Index of vertebra `letter``num` in VERTEBRAE, or undefined ("L9", "C0"). */
function vertebraIndex(letter: string, num: string): number | undefined {
  return vertebraIndexOf(letter.charCodeAt(0), numberOf(num));
}

/** ROOT_AFTER_RE at `end`; most mentions are followed by none of the letters it needs next ('and', 'nerve', 'root'). */
function isRootAfter(text: string, end: number): boolean {
  let j = end;
  while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
  const c = text.charCodeAt(j) | 32;
  if (c !== 97 && c !== 110 && c !== 114) return false;
  ROOT_AFTER_RE.lastIndex = end;
  return ROOT_AFTER_RE.test(text);
}

/** "the nerve root L5": a root named after the word root, not a level. */
function isRootBefore(text: string, start: number): boolean {
  let j = start - 1;
  while (j >= 0 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j--;
  if (j < 3 || j === start - 1) return false;
  if ((text.charCodeAt(j) | 32) === 115) j--; // "roots"
  // "…root" ending at j, compared without building a string (case-folded like the rest of the level reader).
  return j >= 3 && (text.charCodeAt(j) | 32) === 116 && (text.charCodeAt(j - 1) | 32) === 111
    && (text.charCodeAt(j - 2) | 32) === 111 && (text.charCodeAt(j - 3) | 32) === 114;
}

/** "T1"/"T2" (written with one digit) followed or preceded by sequence words. */
function isSequenceName(text: string, start: number, end: number, letter: number, k: number, digits: number): boolean {
  if ((letter | 32) !== 116 || digits !== 1 || (k !== 1 && k !== 2)) return false;
  SEQUENCE_AFTER_RE.lastIndex = end;
  if (SEQUENCE_AFTER_RE.test(text)) return true;
  return SEQUENCE_BEFORE_RE.test(text.slice(Math.max(0, start - 14), start));
}

/** All level mentions in the text, in order (the scanner finds the same ones inline with mentionAt). */
export function findLevelMentions(text: string): LevelMention[] {
  const out: LevelMention[] = [];
  MENTION_RE.lastIndex = 0;
  for (let m = MENTION_RE.exec(text); m !== null; m = MENTION_RE.exec(text)) {
    const second = m[4] === undefined ? null : { letter: (m[3] ?? m[1]).charCodeAt(0), k: numberOf(m[4]) };
    const mention = toMention(text, m.index, m.index + m[0].length, m[1].charCodeAt(0), numberOf(m[2]), m[2].length, second);
    if (mention !== null) out.push(mention);
  }
  return out;
}

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
const isBlankCode = (c: number): boolean => c === 32 || c === 9;
const isLevelLetter = (c: number): boolean => {
  const l = c | 32;
  return l === 99 || l === 116 || l === 108 || l === 115;
};
/** Is there a word boundary at `e`, right after a digit (the end of the text or a non-word character)? */
function boundaryAfterDigit(text: string, e: number): boolean {
  if (e >= text.length) return true;
  const c = text.charCodeAt(e);
  return !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigitCode(c) || c === 95);
}

/**
 * The level mention starting at `at`, if any ("L4-5", "t12"; not "T2-weighted"): what MENTION_RE matches there
 * (same alternatives, tried in the regex's backtracking order), read without running a regex.
 */
export function mentionAt(text: string, at: number): LevelMention | null {
  const letter = text.charCodeAt(at);
  if (!isLevelLetter(letter) || !isDigitCode(text.charCodeAt(at + 1))) return null;
  for (let d1 = isDigitCode(text.charCodeAt(at + 2)) ? 2 : 1; d1 >= 1; d1--) {
    const p = at + 1 + d1;
    const k = d1 === 1 ? text.charCodeAt(at + 1) - 48 : (text.charCodeAt(at + 1) - 48) * 10 + text.charCodeAt(at + 2) - 48;
    // The optional group "[ \t]?[-–—/][ \t]?([ctls])?(\d{1,2})", greedy: tried before skipping it.
    for (let s1 = isBlankCode(text.charCodeAt(p)) ? 1 : 0; s1 >= 0; s1--) {
      const sep = text.charCodeAt(p + s1);
      if (sep !== 45 && sep !== 0x2013 && sep !== 0x2014 && sep !== 47) continue;
      const q = p + s1 + 1;
      for (let s2 = isBlankCode(text.charCodeAt(q)) ? 1 : 0; s2 >= 0; s2--) {
        const r = q + s2;
        for (let l2 = isLevelLetter(text.charCodeAt(r)) ? 1 : 0; l2 >= 0; l2--) {
          const u = r + l2;
          if (!isDigitCode(text.charCodeAt(u))) continue;
          for (let d2 = isDigitCode(text.charCodeAt(u + 1)) ? 2 : 1; d2 >= 1; d2--) {
            if (!boundaryAfterDigit(text, u + d2)) continue;
            const k2 = d2 === 1 ? text.charCodeAt(u) - 48 : (text.charCodeAt(u) - 48) * 10 + text.charCodeAt(u + 1) - 48;
            return toMention(text, at, u + d2, letter, k, d1, { letter: l2 === 1 ? text.charCodeAt(r) : letter, k: k2 });
          }
        }
      }
    }
    if (boundaryAfterDigit(text, p)) return toMention(text, at, p, letter, k, d1, null);
  }
  return null;
}

/** A mention from its parts: first letter and number (and digit count), and the second level when written. */
function toMention(
  text: string, start: number, end: number, letter: number, k: number, digits: number, second: { letter: number; k: number } | null,
): LevelMention | null {
  const first = vertebraIndexOf(letter, k);
  if (first === undefined) return null;
  if (second === null) {
    if (isSequenceName(text, start, end, letter, k, digits)) return null;
    if (isRootAfter(text, end) || isRootBefore(text, start)) return null;
    return { start, end, first, last: first, disc: false };
  }
  const last = vertebraIndexOf(second.letter, second.k);
  if (last === undefined || last <= first) return { start, end, first, last: first, disc: false };
  if (isSequenceName(text, start, end, letter, k, digits)) return null;
  return { start, end, first, last, disc: last === first + 1 && !isVertebraeAfter(text, end) };
}

// "T11-T12 vertebral bodies", "L1-2 vertebrae": the two vertebrae themselves, not the disc between them.
const VERTEBRAE_AFTER_RE = /[ \t]+(?:vertebral[ \t]+bodies|vertebrae)\b/iy;
function isVertebraeAfter(text: string, end: number): boolean {
  let j = end;
  while (j < text.length && j < end + 8 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
  if (j === end || (text.charCodeAt(j) | 32) !== 118) return false; // white space, then 'v'
  VERTEBRAE_AFTER_RE.lastIndex = end;
  return VERTEBRAE_AFTER_RE.test(text);
}

// Gaps between two mentions, matched in place (sticky) and required to end where the next mention starts.
const LIST_GAP_RE = /[ \t]*(?:,[ \t]*(?:and|or)?|and\/or|and|or|&)[ \t]*/iy;
const RANGE_GAP_RE = /[ \t]*(?:through|thru|to|-|–|—)[ \t]*/iy;
const ON_GAP_RE = /[ \t]*on[ \t]*/iy;

function gapIs(re: RegExp, text: string, from: number, to: number): boolean {
  re.lastIndex = from;
  return re.test(text) && re.lastIndex === to;
}

/**
 * The first character of the gap text[from, to) after blanks and tabs (case-folded), or -1: each gap pattern's word or
 * mark starts there, so most gaps are told apart without running the regexes (a comma is no range, a dash no list).
 */
function gapStart(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return c < 128 ? c | 32 : c;
  }
  return -1;
}
/** RANGE_GAP_RE can start: "through", "thru", "to", '-', '–', '—'. */
const mayBeRange = (c: number): boolean => c === 116 || c === 45 || c === 0x2013 || c === 0x2014;
/** LIST_GAP_RE can start: ',', "and", "or", '&' (ON_GAP_RE: "on"). */
const mayBeList = (c: number): boolean => c === 44 || c === 97 || c === 111 || c === 38;

const DISC_NAMES: readonly string[] = VERTEBRAE.slice(0, -1).map((v, i) => `${v}-${VERTEBRAE[i + 1]}`);
function discName(upper: number): string {
  return DISC_NAMES[upper];
}

/** Appends the levels of one mention ("L4-5", "T5", "T5-7") to a cluster's list. */
function pushMentionLevels(out: string[], m: LevelMention): void {
  if (m.disc) out.push(discName(m.first));
  else if (m.first === m.last) out.push(VERTEBRAE[m.first]);
  else pushRangeLevels(out, m.first, m.last, false);
}

function rangeLevels(first: number, last: number, disc: boolean): string[] {
  const out: string[] = [];
  pushRangeLevels(out, first, last, disc);
  return out;
}

/** Appends the vertebrae (or the discs) from `first` to `last` (no spread of a fresh array: this runs per mention). */
function pushRangeLevels(out: string[], first: number, last: number, disc: boolean): void {
  const stop = Math.min(last, first + MAX_RANGE);
  for (let i = first; i <= stop; i++) {
    if (!disc) out.push(VERTEBRAE[i]);
    else if (i + 1 < VERTEBRAE.length) out.push(discName(i));
  }
}

/** Level lists written as one vertebral range ("T11-L2", "L3 to L5") → the discs inside that range. */
const RANGE_DISCS = new WeakMap<readonly string[], string[]>();

/** For a disc finding: the discs of a vertebral range, else the levels as given. */
export function discsOfRange(levels: readonly string[]): readonly string[] {
  return RANGE_DISCS.get(levels) ?? levels;
}

/** Joins mentions written as one list ("L3-4, L4-5 and L5-S1", "T5 through T7", "L4 on L5") into clusters. */
export function clusterMentions(text: string, mentions: readonly LevelMention[]): LevelCluster[] {
  const clusters: LevelCluster[] = [];
  let i = 0;
  while (i < mentions.length) {
    let cur = mentions[i];
    // An array literal for the first level (most clusters have one): an empty array would grow on its first push.
    const levels = cur.disc ? [discName(cur.first)] : cur.first === cur.last ? [VERTEBRAE[cur.first]] : rangeLevels(cur.first, cur.last, false);
    const start = cur.start;
    const first = cur.first;
    let range = !cur.disc && cur.last > cur.first;
    let j = i + 1;
    for (; j < mentions.length; j++) {
      const next = mentions[j];
      const gapLen = next.start - cur.end;
      if (gapLen > 12) break;
      const g = gapStart(text, cur.end, next.start);
      if (next.first > cur.first && mayBeRange(g) && gapIs(RANGE_GAP_RE, text, cur.end, next.start)) {
        const disc = cur.disc && next.disc;
        range = !cur.disc && !next.disc && j === i + 1 && cur.first === cur.last && next.first === next.last;
        levels.pop();
        pushRangeLevels(levels, cur.disc ? cur.first : cur.last, disc ? next.first : next.last, disc);
      } else if (!cur.disc && !next.disc && next.first === cur.first + 1 && g === 111 && gapIs(ON_GAP_RE, text, cur.end, next.start)) {
        levels.pop();
        levels.push(discName(cur.first));
      } else if (gapLen === 0 || (mayBeList(g) && gapIs(LIST_GAP_RE, text, cur.end, next.start))) {
        range = false;
        pushMentionLevels(levels, next);
      } else {
        break;
      }
      cur = next;
    }
    if (range && cur.last > first + 1) RANGE_DISCS.set(levels, rangeLevels(first, cur.last - 1, true));
    clusters.push({ start, end: cur.end, levels });
    i = j;
  }
  return clusters;
}

const LEVEL_KEY = new Map<string, number>([
  ...VERTEBRAE.map((v, i): [string, number] => [v, i * 2]),
  ...VERTEBRAE.slice(0, -1).map((_, i): [string, number] => [discName(i), i * 2 + 1]),
]);

const levelKey = (level: string): number => LEVEL_KEY.get(level) ?? 999;

/** Sorts levels craniocaudally and removes duplicates. */
export function sortLevels(levels: Iterable<string>): string[] {
  const unique = [...new Set(levels)];
  return unique.length < 2 ? unique : sortUniqueLevels(unique);
}

/** Sorts distinct levels craniocaudally in place (stable insertion sort: lists are short) and returns them. */
export function sortUniqueLevels(levels: string[]): string[] {
  for (let i = 1; i < levels.length; i++) {
    const level = levels[i];
    const key = levelKey(level);
    let j = i - 1;
    while (j >= 0 && levelKey(levels[j]) > key) {
      levels[j + 1] = levels[j];
      j--;
    }
    levels[j + 1] = level;
  }
  return levels;
}

/** Levels of one written level ("L4-5", "T5", "T5-7") from its letter/number parts; [] when invalid. */
export function levelsOfParts(l1: string, n1: string, l2: string | undefined, n2: string | undefined): string[] {
  const first = vertebraIndex(l1, n1);
  if (first === undefined) return [];
  if (n2 === undefined) return [VERTEBRAE[first]];
  const second = vertebraIndex(l2 ?? l1, n2);
  if (second === undefined || second <= first) return [VERTEBRAE[first]];
  return second === first + 1 ? [discName(first)] : rangeLevels(first, second, false);
}
