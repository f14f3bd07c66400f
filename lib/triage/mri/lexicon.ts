import type { MriFindingCode } from '../types';

/**
 * Report vocabulary. Two kinds of terms:
 * - `finding`: the words name the finding itself ("disc protrusion", "Modic type 1", "pars defect").
 * - `anatomy`: a structure that only becomes a finding with a predicate nearby ("the neural foramina are
 *   narrowed" → foraminal_stenosis) or when stated normal ("spinal canal calibration is normal" → canal_stenosis,
 *   negated).
 * All patterns run on lower-cased text, joined into one alternation (first entry wins at a position, so specific
 * phrases come before general ones and every finding before every anatomy term). Patterns use only bounded,
 * non-overlapping repetition: no catastrophic backtracking.
 */
export interface LexiconEntry {
  kind: 'finding' | 'anatomy';
  /** Codes this term produces; 'modic' means "read the type numbers from the matched text". */
  codes: readonly MriFindingCode[] | 'modic';
  pattern: string;
  /** Words that make an anatomy term abnormal when they stand near it. */
  predicate?: RegExp;
  /** Bare "stenosis": a predicate of an anatomy term right before it ("foraminal stenosis"), else canal stenosis. */
  bareStenosis?: boolean;
  /** Bare "lesion"/"mass": dropped in a sentence that names a benign lesion (haemangioma, Schmorl's node). */
  bareLesion?: boolean;
  /** Word prefixes a match can begin with (≥ 3 letters); the scanner only tries the entry at such words. */
  starts: readonly string[];
  /**
   * Anatomy only: a second finding of the same structure with its own predicate. The cord is compressed (one code)
   * or changed in signal (another), and "no cord signal change" must never negate the compression.
   */
  alt?: { code: MriFindingCode; predicate: RegExp };
}

const NUM = '(?:[123]|iii|ii|i)\\b';
const ENDPLATE = 'end\\s?-?\\s?plates?';
const DISC = 'dis[ck]';

/** Every entry has every field, in the same order: one object shape keeps property reads in hot loops fast. */
const entry = (kind: LexiconEntry['kind'], starts: string[], codes: LexiconEntry['codes'], pattern: string, extra: Partial<LexiconEntry>): LexiconEntry => ({
  kind, codes, pattern, predicate: extra.predicate, bareStenosis: extra.bareStenosis ?? false, bareLesion: extra.bareLesion ?? false, starts, alt: extra.alt,
});
const f = (starts: string[], codes: LexiconEntry['codes'], pattern: string, extra: Partial<LexiconEntry> = {}): LexiconEntry =>
  entry('finding', starts, codes, pattern, extra);
const a = (starts: string[], code: MriFindingCode, pattern: string, predicate: RegExp, alt?: LexiconEntry['alt']): LexiconEntry =>
  entry('anatomy', starts, [code], `(?:${pattern})\\b`, { predicate, alt });
const EPIDURAL = '(?:(?:ventral|dorsal|posterior|anterior|spinal)\\s+)?(?:epidural|extradural)\\s+(?:(?:rim[\\s-]enhancing|enhancing|fluid|small|large|acute|subacute|loculated)\\s+){0,2}';

const CORD_PRESSED = /\b(?:compress\w*|flatten\w*|deform\w*|indent\w*|imping\w*|effac\w*|displac\w*|mass\s+effect)/;
const CORD_SIGNAL = /\b(?:abnormal|hyperintens\w*|o?edema|oedema|myelomalac\w*|(?:high|increased)\s+(?:t2\s+|stir\s+)?signal)/;
const NARROWED = /\b(?:narrow\w*|stenos\w*|stenotic|compromis\w*|reduc\w*|decreas\w*|diminish\w*|encroach\w*|effac\w*|obliterat\w*|crowd\w*|impinge\w*)/;

export const LEXICON: readonly LexiconEntry[] = [
  // Urgent first, so a phrase such as "discitis" is never read as the anatomy word "disc".
  // An epidural abscess is both an infection and a collection that can compress the cord or cauda equina.
  f(['epidur', 'extradur', 'ventral', 'dorsal', 'posterior', 'anterior', 'spinal'], ['epidural_collection', 'infection'], `${EPIDURAL}(?:abscess\\w*|empyema|phlegmon)`),
  f(['epidur', 'extradur', 'ventral', 'dorsal', 'posterior', 'anterior', 'spinal', 'fluid'], ['epidural_collection'], `${EPIDURAL}(?:collections?|ha?ematomas?|haematomas?|haemorrhage|hemorrhage|bleed|fluid)|fluid\\s+(?:collection\\s+)?(?:with)?in\\s+the\\s+(?:(?:ventral|dorsal|posterior|anterior)\\s+)?(?:epidural|extradural)\\s+space`),
  f(['spondylodis', 'discit', 'diskit', 'osteomy', 'absce', 'empy', 'phleg', 'septic', 'infect', 'pyog', 'end', 'fluid'], ['infection'], `(?:spondylo)?${DISC}itis|osteomyelitis|abscess\\w*|empyema|phlegmon|septic\\s+arthritis|infect\\w*|pyogenic|${ENDPLATE}\\s+(?:destruction|erosions?)|fluid\\s+(?:signal\\s+)?(?:with)?in\\s+the\\s+(?:[\\w-]+\\s+)?${DISC}\\b`),
  // Untyped "collection"/"haematoma" in a spine report: read as epidural (urgent either way; a reviewer sorts it).
  f(['collect', 'rim', 'haemat', 'hemat'], ['epidural_collection'], '(?<!(?:paravertebral|paraspinal|psoas|prevertebral|retropharyngeal|subcutaneous|soft\\s+tissue|pelvic|abdominal)\\s)(?:(?:rim[\\s-]enhancing\\s+)?collections?|ha?ematomas?|haematomas?)'),
  f(['cauda'], ['cauda_equina_compression'], 'cauda\\s+equina\\s+(?:compression|syndrome)'),
  f(['myel', 'cord', 'mass', 'spinal'], ['cord_compression'], 'myelopath\\w*|(?:spinal\\s+)?cord\\s+compression|mass\\s+effect\\s+(?:up)?on\\s+the\\s+(?:(?:ventral|dorsal|anterior|posterior|left|right)\\s+)?(?:(?:spinal|cervical|thoracic)\\s+)?(?:cord|conus)'),
  f(['myel', 'cord', 'intramed', 'syrinx', 'syring', 'hydromy'], ['cord_signal_change'], 'syrinx|syring\\w*|hydromyel\\w*|myelomalac\\w*|cord\\s+(?:signal\\s+)?(?:changes?|abnormalit\\w*|o?edema|oedema|hyperintensit\\w*)|intramedullary\\s+(?:(?:t2\\s+|stir\\s+)?(?:signal\\s+)?(?:changes?|abnormalit\\w*|hyperintensit\\w*|o?edema|oedema)|(?:high|increased|abnormal)\\s+(?:t2\\s+|stir\\s+)?signal)'),
  f(['patholog'], ['fracture', 'marrow_lesion'], 'patholog\\w*\\s+(?:[\\w-]+\\s+)?fractur\\w*'),
  f(['modic'], 'modic', `modic\\s*(?:type\\s*)?${NUM}(?:\\s*(?:\\/|-|–|and|or|to|,)\\s*(?:type\\s*)?${NUM}){0,2}`),
  // No type number: a reviewer must find out which (type 1 can mimic infection).
  f(['modic'], ['modic_unspecified'], 'modic\\w*'),
  f(['type'], 'modic', `type\\s*${NUM}(?:\\s*(?:\\/|-|–|and|or|to)\\s*(?:type\\s*)?${NUM})?\\s+(?:modic|(?:(?:degenerative|reactive|inflammatory|fatty|sclerotic)\\s+)?${ENDPLATE}|(?:bone\\s+)?marrow|signal|(?:degenerative\\s+)?changes?\\s+(?:at|of|in|involving)\\s+the\\s+(?:adjacent\\s+)?(?:\\w+\\s+)?${ENDPLATE})`),
  f(['end', 'bone', 'marrow'], ['modic_1'], `${ENDPLATE}\\s+(?:marrow\\s+|bone\\s+marrow\\s+)?(?:o?edema|oedema)|(?:bone\\s+)?marrow\\s+(?:o?edema|oedema)\\s+(?:at|in|of|along|adjacent\\s+to|involving)\\s+the\\s+(?:adjacent\\s+|opposing\\s+)?(?:\\w+\\s+)?${ENDPLATE}`),
  f(['fat'], ['modic_2'], `fatty\\s+(?:marrow\\s+|degenerative\\s+)?(?:${ENDPLATE}|changes?\\s+(?:at|of|in|along)\\s+the\\s+(?:adjacent\\s+)?(?:\\w+\\s+)?${ENDPLATE})`),
  f(['end', 'scler'], ['modic_3'], `${ENDPLATE}\\s+sclerosis|sclerotic\\s+${ENDPLATE}`),
  f(['bone', 'marrow', 'diffuse', 'low', 'decreased', 'reduced', 'metast', 'neoplas', 'tumo', 'malign', 'myeloma', 'lymphoma', 'plasmacyt', 'chordoma', 'sarcoma'], ['marrow_lesion'], '(?:bone\\s+)?marrow\\s+(?:replacement|replaced|infiltrat\\w*|lesions?|abnormalit\\w*|signal\\s+abnormalit\\w*|o?edema|oedema)|(?:diffuse(?:ly)?\\s+)?(?:low|decreased|reduced)\\s+t1\\s+(?:bone\\s+)?marrow\\s+signal|metasta\\w*|neoplas\\w*|tumou?rs?\\b|malignan\\w*|myeloma|lymphoma|plasmacytoma|chordoma|sarcoma'),
  f(['hem', 'haem'], ['hemangioma'], 'ha?emangiom\\w*|haemangiom\\w*'),
  f(['schmorl', 'intraver', 'end'], ['schmorl_node'], `schmorl\\w*(?:['’]s)?(?:\\s+nod(?:e|es|al))?|intravertebral\\s+(?:${DISC}\\s+)?herniat\\w*|${ENDPLATE}\\s+herniat\\w*`),
  f(['isthmic'], ['spondylolysis', 'spondylolisthesis'], 'isthmic\\s+(?:spondylo)?listhes\\w*'),
  f(['spondylolys', 'isthmic', 'pars', 'defect', 'fractur', 'break', 'lysis'], ['spondylolysis'], `spondylolys\\w*|isthmic\\b|pars\\s+(?:interarticular(?:is|es)\\s+)?(?:defects?|fractur\\w*|breaks?|lysis|stress\\s+(?:reaction|fracture))|(?:defects?|fractur\\w*|breaks?|lysis)\\s+(?:of|in|through|involving|at)\\s+(?:the\\s+)?(?:(?:left|right|bilateral|both)\\s+)?(?:l\\d\\s+)?pars\\b`),
  f(['fractur'], ['fracture'], 'fractur\\w*'),
  f(['lytic', 'scler', 'blast', 'destruct', 'osseous', 'bony', 'bone', 'focal', 'suspic', 'enhanc', 'expans', 'aggress', 'lesion', 'mass'], ['marrow_lesion'], '(?:(?:lytic|sclerotic|blastic|destructive|osseous|bony|bone|focal|suspicious|enhancing|expansile|aggressive)\\s+)?(?:lesions?|mass(?:es)?\\b(?!\\s+effect))|(?:lytic|sclerotic|blastic|destructive|enhancing|suspicious)\\s+(?:focus|foci)\\b', { bareLesion: true }),
  // Degenerative disc findings.
  f(['disc', 'disk', 'desic', 'dessic', 'degen', 'discop', 'ddd', 'loss', 'reduc', 'decreas', 'dimin', 'low', 'narrow', 'dark', 'black', 'spondylosis', 'osteochon'], ['disc_degeneration'], `${DISC}\\s+(?:desicca\\w*|dessica\\w*|degenera\\w*|disease|spaces?\\s+(?:narrowing|loss|reduction)|height\\s+(?:loss|reduction)|signal\\s+(?:loss|reduction))|desicca\\w*|dessica\\w*|degenera\\w*\\s+(?:intervertebral\\s+)?${DISC}s?(?:\\s+disease)?|\\bddd\\b|(?:loss|reduction)\\s+(?:of|in)\\s+(?:the\\s+)?(?:intervertebral\\s+)?${DISC}\\s+(?:height|space|signal|hydration)|(?:reduced|decreased|diminished|low)\\s+(?:intervertebral\\s+)?${DISC}\\s+(?:heights?|signal|spaces?)|narrowing\\s+of\\s+the\\s+(?:intervertebral\\s+)?${DISC}\\s+spaces?|(?:dark|black)\\s+${DISC}s?|spondylosis|osteochondrosis|discopath\\w*`),
  f(['disc', 'disk', 'discost', 'diskost', 'annul', 'circum', 'bulg', 'buldg', 'osteophy'], ['disc_bulge'], `(?:${DISC}\\s+|annular\\s+|circumferential\\s+)?(?<!cortical\\s|cortex\\s)(?:bulg|buldg)\\w*|${DISC}\\s?-?\\s?osteophyte\\s+(?:complex(?:es)?|bars?)|osteophyte\\s+bars?`),
  f(['annul', 'fissur', 'tear', 'high', 'hiz'], ['annular_fissure'], 'annul(?:ar|us)\\s+(?:fissur\\w*|tears?|rents?)|(?:fissur\\w*|tears?)\\s+(?:of|in|within)\\s+the\\s+(?:posterior\\s+)?annul\\w*|high[\\s-]+intensity\\s+zones?|\\bhiz\\b'),
  f(['disc', 'disk', 'protru', 'extru', 'herni', 'prolap', 'seques', 'hnp', 'free'], ['disc_herniation'], `(?:${DISC}\\s+)?(?:protru\\w*|extru\\w*|herniat\\w*|hernias?\\b|prolaps\\w*|sequest\\w*)|\\bhnp\\b|free\\s+(?:${DISC}\\s+)?fragments?`),
  f(['loss', 'vertebra', 'height', 'wedg', 'compress', 'reduc', 'decreas', 'dimin', 'end', 'depress', 'superior', 'inferior'], ['vertebral_height_loss'], `(?:(?:superior|inferior)\\s+)?${ENDPLATE}\\s+(?:depression|depressed|impaction|infraction)|depressed\\s+(?:superior\\s+|inferior\\s+)?${ENDPLATE}|` + 'loss\\s+of\\s+(?:(?:the\\s+)?(?:vertebral\\s+)?(?:body\\s+|corpus\\s+)?)?height|(?:vertebral\\s+(?:body\\s+)?)?height\\s+loss|wedg\\w*|compression\\s+deformit\\w*|vertebra(?:l)?\\s+(?:body\\s+)?collapse|vertebra\\s+plana|(?:reduced|decreased|diminished|reduction\\s+(?:of|in))\\s+(?:the\\s+)?(?:vertebral\\s+)?(?:body\\s+)?height'),
  f(['spondylolisthes', 'anterolisthes', 'retrolisthes', 'laterolisthes', 'listhes', 'slip'], ['spondylolisthesis'], '(?:spondylo|antero|retro|latero)?listhes\\w*|\\bslip(?:page|ped)?\\b'),
  f(['facet', 'zygapo', 'degen', 'hypertro', 'arthrit', 'arthrop', 'spondyl'], ['facet_arthropathy'], `spondyl(?:o)?arthros\\w*|(?:facet|zygapophys\\w*)\\s+(?:joint\\s+)?(?:arthropath\\w*|arthros\\w*|hypertroph\\w*|degenera\\w*|osteoarthr\\w*|arthritis|effusions?|oa\\b|disease|sclerosis)|(?:degenerative|hypertrophic|hypertrofic|arthritic|arthropathic)\\s+(?:changes?\\s+(?:of|in|at)\\s+the\\s+)?(?:facet|zygapophys\\w*)s?(?:\\s+joints?)?`),
  f(['stenos'], ['canal_stenosis'], 'stenos[ie]s\\b', { bareStenosis: true }),
  // Anatomy: a finding only with a predicate, or when stated normal.
  // Clumped roots mean arachnoiditis, not compression.
  a(['cauda'], 'cauda_equina_compression', 'cauda\\s+equina(?:\\s+nerve\\s+roots)?', /\b(?:compress\w*|crowd\w*|imping\w*|displac\w*)/),
  a(['spinal', 'cord'], 'cord_signal_change', '(?:spinal\\s+)?cord\\s+signal(?:\\s+intensity)?', CORD_SIGNAL),
  // The conus medullaris is the end of the cord, not part of the cauda equina.
  a(['spinal', 'cord', 'conus', 'cervic', 'thoraci', 'hemicord'], 'cord_compression', '(?:(?:spinal|cervical|thoracic)\\s+)?cord|hemicord|conus(?:\\s+medullaris)?', CORD_PRESSED, { code: 'cord_signal_change', predicate: CORD_SIGNAL }),
  a(['nerve', 'root'], 'nerve_root_compression', '(?:nerve\\s+)?roots?\\b(?:\\s+sleeves?)?', /\b(?:compress\w*|imping\w*|effac\w*|contact\w*|displac\w*|abut\w*|trap\w*|entrap\w*|encroach\w*|pinch\w*|deviat\w*|irritat\w*|touch\w*|indent\w*|deform\w*)/),
  a(['bone', 'marrow'], 'marrow_lesion', '(?:bone\\s+)?marrow(?:\\s+signal(?:\\s+intensity)?)?', /\b(?:abnormal\w*|replac\w*|infiltrat\w*|low\s+t1|hypointens\w*)/),
  a(['pars'], 'spondylolysis', 'pars(?:\\s+interarticular(?:is|es))?\\b', /\b(?:defects?|fractur\w*|lysis|break\w*|discontinu\w*|stress)/),
  a(['vertebral', 'sagittal', 'spinal', 'alignment'], 'spondylolisthesis', '(?:(?:vertebral|sagittal|spinal)\\s+)?alignment', /\b(?:abnormal|offset|malalign\w*|step-?off)/),
  a(['facet', 'zygapo'], 'facet_arthropathy', '(?:facets?|zygapophys\\w*)(?:\\s+joints?)?', /\b(?:hypertroph\w*|arthropath\w*|arthrosis|arthritic|arthritis|degenera\w*|osteoarthr\w*|effusions?|sclero\w*|overgrowth|osteophyt\w*)/),
  a(['vertebral', 'body', 'corpus', 'height'], 'vertebral_height_loss', '(?:vertebral\\s+)?(?:body\\s+|corpus\\s+)?heights?\\s+of\\s+the\\s+vertebra\\w*(?:\\s+bodies)?|vertebral\\s+(?:body\\s+|corpus\\s+)?heights?|(?:body|corpus)\\s+heights?|vertebral\\s+bod(?:y|ies)', /\b(?:loss|lost|reduc\w*|decreas\w*|diminish\w*|collaps\w*|wedg\w*|compress\w*|deform\w*)/),
  a(['structure', 'intervert', 'disc', 'disk'], 'disc_degeneration', `structure\\s+of\\s+the\\s+(?:intervertebral\\s+)?${DISC}s|(?:intervertebral\\s+)?${DISC}s?(?:\\s+(?:spaces?|heights?|signal(?:\\s+intensity)?|hydration|morphology|contours?))?`, /\b(?:narrow\w*|reduc\w*|decreas\w*|diminish\w*|loss|lost|desicca\w*|dessica\w*|degenera\w*|collaps\w*)/),
  a(['spinal', 'central', 'vertebral', 'bony', 'canal'], 'canal_stenosis', '(?:(?:spinal|central|vertebral|bony)\\s+)?canal(?:\\s+(?:calibration|calibre|caliber|diameter|dimensions?|size|area))?', NARROWED),
  a(['neural', 'intervert', 'exit', 'neuro', 'foram', 'lateral', 'subartic', 'recessus'], 'foraminal_stenosis', '(?:(?:neural|intervertebral|exit)\\s+)?(?:neuro)?foramin(?:al|ae|a)?|foramen|lateral\\s+recess(?:es)?|recessus\\s+lateral(?:is|es)|subarticular\\s+(?:zones?|recess(?:es)?)', NARROWED),
];

/** The whole lexicon as one global regex; group i + 1 is entry i. The scanner is faster; this is the reference. */
export const LEXICON_RE = new RegExp(`\\b(?:${LEXICON.map((e) => `(${e.pattern})`).join('|')})`, 'g');

/** Reads the Modic types out of a matched phrase ("Modic type I/II" → modic_1, modic_2). */
export function modicCodes(phrase: string): MriFindingCode[] {
  // What /(?:^|[\s\/,–-])(iii|ii|i|[123])\b/g finds after the first "modic" or "type", read without a regex: a whole
  // word i, ii, iii, 1, 2 or 3 at the start or after a separator.
  const out: MriFindingCode[] = [];
  const modic = phrase.indexOf('modic');
  const type = phrase.indexOf('type');
  const from = modic < 0 ? Math.max(type, 0) : type < 0 ? modic : Math.min(modic, type);
  const n = phrase.length;
  for (let i = from; i < n; i++) {
    if (i > from && !isSeparator(phrase.charCodeAt(i - 1))) continue;
    let j = i;
    while (j < n && isWordCode(phrase.charCodeAt(j))) j++;
    const k = j > i ? modicType(phrase, i, j - i) : 0;
    if (k !== 0) {
      const code: MriFindingCode = k === 1 ? 'modic_1' : k === 2 ? 'modic_2' : 'modic_3';
      if (!out.includes(code)) out.push(code);
    }
    if (j > i) i = j - 1;
  }
  return out;
}

/** The Modic type written as phrase[at, at + len) (i, ii, iii, 1, 2, 3), else 0. */
function modicType(phrase: string, at: number, len: number): number {
  const c = phrase.charCodeAt(at);
  if (len === 1) return c === 105 || c === 49 ? 1 : c === 50 ? 2 : c === 51 ? 3 : 0;
  if (c !== 105 || phrase.charCodeAt(at + 1) !== 105) return 0;
  if (len === 2) return 2;
  return len === 3 && phrase.charCodeAt(at + 2) === 105 ? 3 : 0;
}

const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
/** `[\s\/,–-]`: white space as `\s` matches it, '/', ',', '–', '-'. */
function isSeparator(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13) || c === 47 || c === 44 || c === 45;
  return c === 0x2013 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
