/**
 * Spinal level mentions: 'L4-5', 'L4/5', 'L4–L5', 'L5/S1', 'C5-6', 'T5', 'T5 and T7', 'T5 through T7', 'L4 on L5'.
 * Output is normalised: vertebrae 'T5'; disc levels 'L4-L5', 'L5-S1', 'C7-T1'.
 */

const REGION_SIZES: readonly [string, number][] = [['C', 7], ['T', 12], ['L', 5], ['S', 5]];
/** Vertebra names in craniocaudal order: C1 … C7, T1 … T12, L1 … L5, S1 … S5. */
const VERTEBRAE: readonly string[] = REGION_SIZES.flatMap(([r, n]) => Array.from({ length: n }, (_, i) => `${r}${i + 1}`));
const VERTEBRA_INDEX = new Map(VERTEBRAE.map((v, i) => [v, i]));
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
const SEQUENCE_AFTER_RE = /^[ \t]*(?:-?[ \t]*weight|w\b|wi\b|-w\b|signal|hyper|hypo|image|imaging|sequence|stir|flair|fat|\*|(?:and|or|\/)[ \t]*t[12]\b|post|pre|bright|dark|shine|iso|intens|high|low)/i;
const SEQUENCE_BEFORE_RE = /(?:low|high|increased|decreased|bright|dark|on|intermediate|iso|hyperintense|hypointense|and|or|\/)[ \t]*$/i;
// A nerve root named by its vertebra ("the traversing S1 nerve root") is not a level of the finding.
const ROOT_AFTER_RE = /^[ \t]*(?:and[ \t]+[ctls]\d{1,2}[ \t]+)?(?:nerve|root|radicul)/i;

function vertebraIndex(letter: string, num: string): number | undefined {
  return VERTEBRA_INDEX.get(`${letter.toUpperCase()}${Number(num)}`);
}

function isSequenceName(text: string, start: number, end: number, letter: string, num: string): boolean {
  if (letter.toLowerCase() !== 't' || (num !== '1' && num !== '2')) return false;
  const after = text.slice(end, end + 16);
  if (SEQUENCE_AFTER_RE.test(after)) return true;
  return SEQUENCE_BEFORE_RE.test(text.slice(Math.max(0, start - 14), start));
}

/** All level mentions in the text, in order. Linear: one regex pass with bounded context checks. */
export function findLevelMentions(text: string): LevelMention[] {
  const out: LevelMention[] = [];
  MENTION_RE.lastIndex = 0;
  for (let m = MENTION_RE.exec(text); m !== null; m = MENTION_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const first = vertebraIndex(m[1], m[2]);
    if (first === undefined) continue;
    if (m[4] === undefined) {
      if (isSequenceName(text, start, end, m[1], m[2])) continue;
      if (ROOT_AFTER_RE.test(text.slice(end, end + 24))) continue;
      out.push({ start, end, first, last: first, disc: false });
      continue;
    }
    const second = vertebraIndex(m[3] ?? m[1], m[4]);
    if (second === undefined || second <= first) {
      out.push({ start, end, first, last: first, disc: false });
      continue;
    }
    if (isSequenceName(text, start, end, m[1], m[2])) continue;
    out.push({ start, end, first, last: second, disc: second === first + 1 });
  }
  return out;
}

const LIST_GAP_RE = /^[ \t]*(?:,[ \t]*(?:and|or)?|and|or|&|and\/or)[ \t]*$/i;
const RANGE_GAP_RE = /^[ \t]*(?:through|thru|to|-|–|—)[ \t]*$/i;
const ON_GAP_RE = /^[ \t]*on[ \t]*$/i;

export function discName(upper: number): string {
  return `${VERTEBRAE[upper]}-${VERTEBRAE[upper + 1]}`;
}

function mentionLevels(m: LevelMention): string[] {
  if (m.disc) return [discName(m.first)];
  if (m.first === m.last) return [VERTEBRAE[m.first]];
  return rangeLevels(m.first, m.last, false);
}

function rangeLevels(first: number, last: number, disc: boolean): string[] {
  const out: string[] = [];
  const stop = Math.min(last, first + MAX_RANGE);
  for (let i = first; i <= stop; i++) {
    if (!disc) out.push(VERTEBRAE[i]);
    else if (i + 1 < VERTEBRAE.length) out.push(discName(i));
  }
  return out;
}

/** Joins mentions written as one list ("L3-4, L4-5 and L5-S1", "T5 through T7", "L4 on L5") into clusters. */
export function clusterMentions(text: string, mentions: readonly LevelMention[]): LevelCluster[] {
  const clusters: LevelCluster[] = [];
  let i = 0;
  while (i < mentions.length) {
    let cur = mentions[i];
    const levels = mentionLevels(cur);
    const start = cur.start;
    let j = i + 1;
    for (; j < mentions.length; j++) {
      const next = mentions[j];
      const gapLen = next.start - cur.end;
      if (gapLen > 12) break;
      const gap = text.slice(cur.end, next.start);
      if (RANGE_GAP_RE.test(gap) && next.first > cur.first) {
        const disc = cur.disc && next.disc;
        levels.pop();
        levels.push(...rangeLevels(cur.disc ? cur.first : cur.last, disc ? next.first : next.last, disc));
      } else if (ON_GAP_RE.test(gap) && !cur.disc && !next.disc && next.first === cur.first + 1) {
        levels.pop();
        levels.push(discName(cur.first));
      } else if (LIST_GAP_RE.test(gap) || gapLen === 0) {
        levels.push(...mentionLevels(next));
      } else {
        break;
      }
      cur = next;
    }
    clusters.push({ start, end: cur.end, levels });
    i = j;
  }
  return clusters;
}

/** Sorts levels craniocaudally and removes duplicates. */
export function sortLevels(levels: Iterable<string>): string[] {
  const unique = [...new Set(levels)];
  return unique.sort((a, b) => levelKey(a) - levelKey(b));
}

function levelKey(level: string): number {
  const dash = level.indexOf('-');
  const v = VERTEBRA_INDEX.get(dash < 0 ? level : level.slice(0, dash)) ?? 99;
  return v * 2 + (dash < 0 ? 0 : 1);
}
