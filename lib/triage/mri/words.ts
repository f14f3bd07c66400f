/**
 * Tolerant vocabulary: report words as people type them, rewritten to the words the lexicon knows before the scan.
 * - Abbreviations ("NF", "bilat", "mod", "fx").
 * - One-letter typos of the longer keywords ("narowing", "heigth", "compresion"): a swap of two neighbours for
 *   keywords of 6 letters or more, one letter dropped or added for 7 or more, one letter changed for 8 or more —
 *   never the first letter ("harrowing" is not "narrowing") and never a letter added at the end (a plural or
 *   another form of the same word). Shorter keywords and real words one letter away from a keyword ("weight",
 *   "vertebrae", "bulking") are never rewritten; words.test.ts measures this on a list of common words.
 * Rewrites change lengths inside words only, so sentence offsets map back to the original text exactly.
 */

const ABBREVIATIONS = new Map<string, string>([
  ['nf', 'neural foraminal'], ['nfn', 'neural foraminal narrowing'], ['bilat', 'bilateral'], ['mod', 'moderate'],
  ['sev', 'severe'], ['fx', 'fracture'], ['foram', 'foraminal'], ['lat', 'lateral'],
]);

const KEYWORDS = [
  'narrowing', 'narrowed', 'height', 'compression', 'compressing', 'compressed', 'stenosis', 'protrusion',
  'herniation', 'herniated', 'extrusion', 'desiccation', 'desiccated', 'degeneration', 'degenerative', 'foraminal',
  'foramina', 'spondylolisthesis', 'anterolisthesis', 'retrolisthesis', 'spondylolysis', 'osteophyte', 'hypertrophy',
  'hypertrophic', 'arthropathy', 'impingement', 'impinging', 'effacement', 'effacing', 'flattening', 'indenting',
  'haemangioma', 'hemangioma', 'fracture', 'myelopathy', 'myelomalacia', 'discitis', 'osteomyelitis', 'abscess',
  'metastasis', 'metastatic', 'epidural', 'collection', 'haematoma', 'hematoma', 'bulging', 'schmorl', 'endplate',
  'endplates', 'marrow', 'oedema', 'intervertebral', 'vertebral', 'bilateral', 'moderate', 'paracentral',
  'subarticular', 'ligamentum', 'spondylosis', 'sclerosis', 'arthrosis', 'facet',
];
/** Real words one edit from a keyword: left alone. */
const REAL_WORDS = new Set([
  'weight', 'vertebra', 'vertebrae', 'narrower', 'fractured', 'fractures', 'protrusions', 'degenerate', 'degenerated',
  'collections', 'abscesses', 'endplate', 'metastases', 'hematomas', 'haematomas', 'compressive', 'herniations',
  'extrusions', 'facets', 'marrows', 'heights', 'heighten', 'eighth', 'moderated', 'moderates', 'fracturing',
  'impinged', 'impinges', 'effaced', 'indented', 'flattened', 'discs', 'narrows', 'stenoses', 'narrowings',
  'sclerotic', 'osteophytes', 'schmorls', 'bulge', 'bulges', 'bulged', 'lateral', 'indention', 'detention', 'intention',
  'herniate', 'desiccate', 'inventing', 'indexing', 'bulking', 'budging', 'bugling',
  // "The disc compresses the cord": a verb form of "compressed", not a typo of it.
  'compresses',
]);

/** Typo → keyword, for every typo one edit from a keyword (built once; a few thousand entries). */
const TYPOS = buildTypos();

function buildTypos(): Map<string, string> {
  const map = new Map<string, string>();
  const known = new Set([...KEYWORDS, ...REAL_WORDS]);
  const put = (typo: string, word: string): void => {
    if (typo.length < 5 || known.has(typo)) return;
    if (!map.has(typo)) map.set(typo, word);
    else if (map.get(typo) !== word) map.set(typo, ''); // ambiguous: leave it
  };
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (const k of KEYWORDS) {
    if (k.length < 6) continue;
    for (let i = 1; i + 1 < k.length; i++) put(k.slice(0, i) + k[i + 1] + k[i] + k.slice(i + 2), k);
    if (k.length < 7) continue;
    for (let i = 1; i < k.length; i++) put(k.slice(0, i) + k.slice(i + 1), k);
    for (let i = 1; i < k.length; i++) {
      for (const c of letters) {
        put(k.slice(0, i) + c + k.slice(i), k);
        if (k.length >= 8 && c !== k[i]) put(k.slice(0, i) + c + k.slice(i + 1), k);
      }
    }
  }
  for (const [typo, word] of map) if (word === '') map.delete(typo);
  return map;
}

/** The rewrite of one lower-cased word, or undefined. */
export function rewriteWord(word: string): string | undefined {
  return ABBREVIATIONS.get(word) ?? TYPOS.get(word);
}

export interface CorrectedText {
  text: string;
  /** Offset in the corrected text → offset in the original (exact at word boundaries). */
  toOriginal(pos: number): number;
}

/** Hash of a lower-cased ASCII word, as the scans compute it letter by letter. */
const hashOf = (word: string): number => {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h;
};
/** Hashes of every word that has a rewrite: most words fail this test without a string being built. */
const REWRITE_BITS = new Uint8Array(1 << 17); // a bit per hash value modulo 2^20: few false hits, no misses
for (const word of [...ABBREVIATIONS.keys(), ...TYPOS.keys()]) {
  const h = hashOf(word) & 0xfffff;
  REWRITE_BITS[h >> 3] |= 1 << (h & 7);
}

/** The letters-only words of at most 20 letters that have a rewrite (the scanner files them by their first letters). */
export const REWRITTEN_WORDS: readonly string[] = [...ABBREVIATIONS.keys(), ...TYPOS.keys()].filter((word) => /^[a-z]{1,20}$/.test(word));

/** Per first letter (1–26), a bit per length (≤ 20) of the letters-only words that have a rewrite. */
const FIRST_LENGTH = new Uint32Array(27);
for (const word of [...ABBREVIATIONS.keys(), ...TYPOS.keys()]) {
  if (/^[a-z]{1,20}$/.test(word)) FIRST_LENGTH[word.charCodeAt(0) - 96] |= 1 << word.length;
}

/**
 * Would `correctWords` rewrite the letters a–z at lower[w, end), a run that the text does not continue with a digit or
 * '_'? The same test as its loop (length, hash, then the maps), read from the lower-cased text. `hash`: the run's
 * `hashOf`, when the caller computed it on its way through the letters; `letter`: its first letter's index (1–26).
 */
export function rewritesWord(
  lower: string, w: number, end: number, hash = hashOf(lower.slice(w, end)), letter = lower.charCodeAt(w) - 96,
): boolean {
  const len = end - w;
  if (len === 1 || len === 4 || len > 20 || (FIRST_LENGTH[letter] & (1 << len)) === 0) return false;
  if ((REWRITE_BITS[(hash & 0xfffff) >> 3] & (1 << (hash & 7))) === 0) return false;
  return rewriteWord(lower.slice(w, end)) !== undefined;
}

/**
 * The same for a word of letters, digits and '_' that is not letters only ("th12", "l4", "t2w", "5mm"), lower-cased
 * and followed by no such character: its runs of letters are `correctWords`' words. A run followed by a digit or '_'
 * is rewritten only when it is "th" before a digit ("Th12"); the last run, when it ends the word, as any word.
 */
export function rewritesMixedWord(lower: string, w: number, end: number): boolean {
  let i = w;
  while (i < end) {
    let c = lower.charCodeAt(i);
    if (c < 97 || c > 122) {
      i++;
      continue;
    }
    const run = i;
    do c = ++i < end ? lower.charCodeAt(i) : 0;
    while (c >= 97 && c <= 122);
    if (i === end) return rewritesWord(lower, run, end);
    if (i - run === 2 && c >= 48 && c <= 57 && lower.charCodeAt(run) === 116 && lower.charCodeAt(run + 1) === 104) return true;
  }
  return false;
}

/** The report with abbreviations and typos rewritten, or null when nothing changed (the common case). */
export function correctWords(report: string): CorrectedText | null {
  const parts: string[] = [];
  /** Pairs (corrected offset after a rewrite, cumulative shift). */
  const at: number[] = [];
  const shift: number[] = [];
  let from = 0;
  let delta = 0;
  const n = report.length;
  for (let i = 0; i < n; i++) {
    let c = report.charCodeAt(i) | 32;
    if (c < 97 || c > 122) continue;
    const w = i;
    let h = 0;
    do {
      h = (Math.imul(h, 31) + c) | 0;
      i++;
      c = i < n ? report.charCodeAt(i) | 32 : 0;
    } while (c >= 97 && c <= 122);
    // A letter glued to a digit or '_' is no word of ours ("T2w", "L5").
    const next = i < n ? report.charCodeAt(i) : 32;
    const len = i - w;
    // "Th12": the European abbreviation of a thoracic vertebra.
    if (len === 2 && next >= 48 && next <= 57 && (report.charCodeAt(w) | 32) === 116 && (report.charCodeAt(w + 1) | 32) === 104) {
      parts.push(report.slice(from, w), report[w]);
      from = i;
      delta -= 1;
      at.push(i + delta);
      shift.push(delta);
      continue;
    }
    if (len === 1 || len === 4 || len > 20 || (next >= 48 && next <= 57) || next === 95 || (REWRITE_BITS[(h & 0xfffff) >> 3] & (1 << (h & 7))) === 0) continue;
    const word = report.slice(w, i);
    const to = rewriteWord(word.toLowerCase());
    if (to === undefined) continue;
    parts.push(report.slice(from, w), to);
    from = i;
    delta += to.length - len;
    at.push(i + delta);
    shift.push(delta);
  }
  if (parts.length === 0) return null;
  parts.push(report.slice(from));
  return {
    text: parts.join(''),
    toOriginal(pos: number): number {
      let lo = 0;
      let hi = at.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (at[mid] <= pos) lo = mid + 1;
        else hi = mid;
      }
      return lo === 0 ? pos : pos - shift[lo - 1];
    },
  };
}
