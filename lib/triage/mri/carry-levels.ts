import { isJsSpace } from './scan-table';
import type { MriFinding, MriFindingCode } from '../types';
import { discsOfRange } from './levels';

/**
 * Codes read per segment: a vertebral range on them ("T11-L2") means the discs in it. The contract names disc
 * findings; facet joints and the canal and foramina are segmental too, so a range on them means the same.
 */
export const DISC_CODES: ReadonlySet<MriFindingCode> = new Set([
  'disc_degeneration', 'disc_bulge', 'disc_herniation', 'annular_fissure', 'facet_arthropathy', 'canal_stenosis', 'foraminal_stenosis',
]);
/** The reference for `startsWithPronoun` (a test compares them). */
export const PRONOUN_START_Y = /(?:it|this|these|they|the\s+latter|which)\b/y;
const PRONOUNS = ['it', 'this', 'these', 'they', 'which'];

const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90);
/** Is there a word boundary (`\b`) at `k`, right after a word character? */
const boundaryAt = (text: string, k: number): boolean => k >= text.length || !isWordCode(text.charCodeAt(k));

/**
 * Does the lower-cased sentence at `start` begin with a pronoun ("It compresses …", "This flattens …")? PRONOUN_START_Y
 * read without the regex: the run of letters at `start` is one of the words and ends the word, or is "the" before
 * white space and "latter".
 */
export function startsWithPronoun(lower: string, start: number): boolean {
  const c = lower.charCodeAt(start);
  if (c !== 105 && c !== 116 && c !== 119) return false; // i, t, w
  let j = start;
  while (j < lower.length && lower.charCodeAt(j) >= 97 && lower.charCodeAt(j) <= 122) j++;
  const len = j - start;
  if (len === 3 && lower.startsWith('the', start)) {
    let k = j;
    while (k < lower.length && isJsSpace(lower.charCodeAt(k))) k++;
    return k > j && lower.startsWith('latter', k) && boundaryAt(lower, k + 6);
  }
  if (len < 2 || len > 5 || !boundaryAt(lower, j)) return false;
  for (const p of PRONOUNS) if (p.length === len && lower.startsWith(p, start)) return true;
  return false;
}

/** Structures a level can carry to the next sentence about ("a protrusion at L4-5. The protrusion contacts …"). */
const STRUCTURE_OF: Record<MriFindingCode, string> = {
  disc_degeneration: 'disc', disc_bulge: 'disc', disc_herniation: 'disc', annular_fissure: 'disc',
  modic_1: 'endplate', modic_2: 'endplate', modic_3: 'endplate', modic_unspecified: 'endplate', schmorl_node: 'endplate',
  vertebral_height_loss: 'vertebra', fracture: 'vertebra', marrow_lesion: 'vertebra', hemangioma: 'vertebra',
  spondylolysis: 'slip', spondylolisthesis: 'slip', facet_arthropathy: 'facet',
  canal_stenosis: 'canal', foraminal_stenosis: 'foramen', nerve_root_compression: 'root',
  cord_compression: 'cord', cord_signal_change: 'cord', cauda_equina_compression: 'cauda',
  infection: 'collection', epidural_collection: 'collection',
};
/** The same as a Map: a keyed load with a different code each time is megamorphic (see CONCERN in sink.ts). */
const STRUCTURE: ReadonlyMap<MriFindingCode, string> = new Map(Object.entries(STRUCTURE_OF) as [MriFindingCode, string][]);

/** Gives level-less findings of a sentence the levels of the previous sentence's finding about the same structure. */
export function carryLevels(out: readonly MriFinding[], from: number, prevFrom: number, pronoun: boolean): void {
  let source: readonly string[] | null = null;
  for (let k = prevFrom; k < from; k++) {
    const p = out[k];
    if (p.levels.length === 0) continue;
    if (pronoun || aboutStructure(out, from, STRUCTURE.get(p.code))) {
      source = p.levels;
      break;
    }
  }
  if (source === null) return;
  // A negated finding ("no other lesion") speaks of the rest of the spine, not of the level above.
  for (let k = from; k < out.length; k++) {
    const c = out[k];
    if (c.levels.length === 0 && !c.negated) c.levels.push(...(DISC_CODES.has(c.code) ? source.filter((l) => l.includes('-')) : source));
  }
}

/** Is a finding in out[from, …) about this structure? */
function aboutStructure(out: readonly MriFinding[], from: number, structure: string | undefined): boolean {
  for (let k = from; k < out.length; k++) if (STRUCTURE.get(out[k].code) === structure) return true;
  return false;
}

/**
 * "The epidural haematoma has decreased in size but persists at T8": when no finding of a sentence took its one
 * level list (it stood past a clause break), it belongs to them.
 */
export function onlyLevelsOfSentence(out: readonly MriFinding[], from: number, levels: readonly string[]): void {
  for (let k = from; k < out.length; k++) if (out[k].levels.length > 0 || out[k].negated) return;
  for (let k = from; k < out.length; k++) out[k].levels.push(...(levels.length > 2 && DISC_CODES.has(out[k].code) ? discsOfRange(levels) : levels));
}

