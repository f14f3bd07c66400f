import { FINDING_CONCERN } from '../findings';
import type { MriFinding, MriFindingCode } from '../types';
import { assignLevels, buildSegmenter, sentenceLevels, type Segmenter, type SentenceLevels } from './assign-levels';
import { modicCodes } from './lexicon';
import { HeadingTracker } from './headings';
import { clusterMentions, discsOfRange, sortUniqueLevels, type LevelCluster } from './levels';
import { clauseEnd, clauseStart, isNegatedTerm, isStatedNormal, type NegationIndex } from './negation';
import { predicateIn, type PredicateHits } from './predicates';
import { scanReport, type Term } from './scan';
import { correctWords } from './words';
import type { Span } from './split';

/** Lower-cases without changing the length, so offsets stay valid ('İ' would otherwise become two units). */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  const parts: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const l = text[i].toLowerCase();
    parts.push(l.length === 1 ? l : text[i]);
  }
  return parts.join('');
}

// Gaps matched in place (sticky) and required to reach the next term exactly.
const ONLY_SPACE_RE = /[\s-]*/y;
const OF_THE_RE = /\s+(?:of|in)\s+(?:the\s+)?(?:(?:left|right|bilateral|neural|exit)\s+)?/y;
const GROUP_GAP_RE = /\s*(?:,\s*)?(?:and\/or|and|or|&)?\s*(?:the\s+)?/y;

function gapIs(re: RegExp, text: string, from: number, to: number): boolean {
  if (from === to) return true;
  re.lastIndex = from;
  return re.test(text) && re.lastIndex === to;
}
const WINDOW_BEFORE = 48;
const NEGATION_WORD_RE = /\b(?:no|not|without|negative|absence)\b/g;

/** Start of the last negation word in [from, to), else from. */
function lastNegation(lower: string, from: number, to: number): number {
  const text = lower.slice(from, to);
  let at = 0;
  NEGATION_WORD_RE.lastIndex = 0;
  for (let m = NEGATION_WORD_RE.exec(text); m !== null; m = NEGATION_WORD_RE.exec(text)) at = m.index;
  return from + at;
}
/**
 * "The cord is flattened at C6-7 with abnormal T2 signal": the signal words may stand past a "with" that ends the
 * clause; read up to the next comma or the window's end, negated when a negation word comes before them.
 */
function altBeyondClause(ctx: Context, t: Term, alt: NonNullable<Term['entry']['alt']>, uncertain: boolean): void {
  const { lower, sentence } = ctx;
  const stop = Math.min(sentence.end, t.end + WINDOW_AFTER);
  const comma = lower.indexOf(',', t.end);
  const text = lower.slice(t.end, comma >= 0 && comma < stop ? comma : stop);
  const m = alt.predicate.exec(text);
  if (m === null) return;
  NEGATION_WORD_RE.lastIndex = 0;
  const negation = NEGATION_WORD_RE.exec(text);
  const negated = negation !== null && negation.index < m.index;
  sink(ctx).add(alt.code, negated, levelsOf(ctx, t), uncertain && !negated);
}
const sink = (ctx: Context): SentenceSink => ctx.sink;

/** Is the only cord predicate in [from, to) the effacement of the CSF in front of it? */
function csfOnly(lower: string, code: MriFindingCode, from: number, to: number): boolean {
  if (code !== 'cord_compression') return false;
  const text = lower.slice(from, to);
  return CSF_EFFACED_RE.test(text) && !CORD_PRESSED_NOT_EFFACED_RE.test(text);
}
const CURVE_RE = /\b(?:lordos|kyphos|scolios|curv|straighten)/;
const ABSCESS_RE = /^(?:absce|empy|phleg)/;
const EPIDURAL_RE = /\b(?:epidural|extradural)\b/;
/**
 * Codes read per segment: a vertebral range on them ("T11-L2") means the discs in it. The contract names disc
 * findings; facet joints and the canal and foramina are segmental too, so a range on them means the same.
 */
const DISC_CODES: ReadonlySet<MriFindingCode> = new Set([
  'disc_degeneration', 'disc_bulge', 'disc_herniation', 'annular_fissure', 'facet_arthropathy', 'canal_stenosis', 'foraminal_stenosis',
]);
/** "effaces the ventral CSF and abuts the cord": the CSF is effaced, the cord is not. */
const CSF_EFFACED_RE = /effac\w*\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+)?(?:csf|subarachnoid|thecal)/;
const CORD_PRESSED_NOT_EFFACED_RE = /\b(?:compress\w*|flatten\w*|deform\w*|indent\w*|imping\w*|mass\s+effect)/;

const WINDOW_AFTER = 56;

/** Terms of one sentence, without bare "stenosis" that belongs to the anatomy word before it. */
function sentenceTerms(lower: string, all: readonly Term[], from: number, to: number): Term[] {
  const out: Term[] = [];
  let benign: boolean | null = null; // computed only when a bare "lesion" needs it
  for (let i = from; i < to; i++) {
    const t = all[i];
    if (t.entry.bareLesion === true) {
      if (benign === null) benign = hasBenignTerm(all, from, to);
      if (benign) continue;
    }
    const prev = out[out.length - 1];
    if (t.entry.bareStenosis === true && prev !== undefined && prev.entry.kind === 'anatomy'
      && gapIs(ONLY_SPACE_RE, lower, prev.end, t.start)) continue;
    // "stenosis of the foramen": the anatomy word after it reads the stenosis as its predicate.
    const next = i + 1 < to ? all[i + 1] : undefined;
    if (t.entry.bareStenosis === true && next !== undefined && next.entry.kind === 'anatomy' && gapIs(OF_THE_RE, lower, t.end, next.start)) continue;
    out.push(t);
  }
  return out;
}

/** Does any term in all[from, to) need sentenceTerms (a bare "stenosis" or "lesion")? */
function needsFilter(all: readonly Term[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (all[i].entry.bareStenosis === true || all[i].entry.bareLesion === true) return true;
  return false;
}

function hasBenignTerm(all: readonly Term[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const codes = all[i].entry.codes;
    if (codes !== 'modic' && (codes[0] === 'hemangioma' || codes[0] === 'schmorl_node')) return true;
  }
  return false;
}

/**
 * Collects the findings of one sentence straight into the output: one entry per code and negation, levels merged
 * in order of appearance (few findings per sentence: linear search), then sorted when there are several.
 */
class SentenceSink {
  private first = 0;
  private evidence: string | null = null;
  private sentence: Span = { start: 0, end: 0 };

  constructor(private readonly report: string, readonly out: MriFinding[]) {}

  open(sentence: Span): void {
    this.first = this.out.length;
    this.evidence = null;
    this.sentence = sentence;
  }

  add(code: MriFindingCode, negated: boolean, levels: readonly string[], uncertain = false): void {
    const { out } = this;
    if (levels.length > 2 && DISC_CODES.has(code)) levels = discsOfRange(levels);
    for (let k = this.first; k < out.length; k++) {
      const f = out[k];
      if (f.code !== code || f.negated !== negated) continue;
      for (let l = 0; l < levels.length; l++) if (!f.levels.includes(levels[l])) f.levels.push(levels[l]);
      // One certain mention makes the finding certain.
      if (!uncertain && f.uncertain === true) delete f.uncertain;
      return;
    }
    const merged: string[] = levels.length === 1 ? [levels[0]] : [];
    if (levels.length > 1) for (let l = 0; l < levels.length; l++) if (!merged.includes(levels[l])) merged.push(levels[l]);
    const { start, end } = this.sentence;
    this.evidence ??= this.report.slice(start, end);
    const finding: MriFinding = { code, levels: merged, negated, concern: FINDING_CONCERN[code], evidence: this.evidence, start, end };
    if (uncertain && !negated) finding.uncertain = true;
    out.push(finding);
  }

  close(): void {
    const { out } = this;
    for (let k = this.first; k < out.length; k++) if (out[k].levels.length > 1) sortUniqueLevels(out[k].levels);
  }
}

interface Context {
  lower: string;
  uncertain: number[];
  uncertainAfter: number[];
  predicates: PredicateHits;
  neg: NegationIndex;
  seg: Segmenter;
  sentence: Span;
  levels: SentenceLevels;
  sink: SentenceSink;
}

/** Is an uncertainty word in the clause of [start, end): "possible", "query" before it, "cannot be excluded" after? */
function isUncertain(ctx: Context, start: number, end: number): boolean {
  if (ctx.uncertain.length === 0 && ctx.uncertainAfter.length === 0) return false;
  const from = clauseStart(ctx.neg, start, ctx.sentence.start);
  const to = clauseEnd(ctx.neg, end, ctx.sentence.end);
  return anyIn(ctx.uncertain, from, start) || anyIn(ctx.uncertainAfter, end, to);
}

/** Any value of the ascending list in [from, to)? */
function anyIn(u: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = u.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < u.length && u[lo] < to;
}

function levelsOf(ctx: Context, t: Term): readonly string[] {
  return assignLevels(ctx.seg, ctx.levels, t.start, t.end, ctx.sentence.start, ctx.sentence.end);
}

/** Anatomy words joined by "and"/"or"/"," share the predicate: "the canal and foramina are narrowed". */
function anatomyHits(ctx: Context, terms: readonly Term[], from: number, to: number, i: number, j: number): void {
  const { lower, neg, sentence, sink, predicates } = ctx;
  // The windows before and after the group, each cut at a comma; computed once, for the first term not negated.
  let beforeFrom = -1;
  let afterTo = -1;
  for (let k = i; k < j; k++) {
    const t = terms[k];
    const code = (t.entry.codes as readonly MriFindingCode[])[0];
    const alt = t.entry.alt;
    if (isNegatedTerm(neg, t.start, t.end, sentence.start, sentence.end)) {
      // "no abnormal signal in the cord" negates the signal change, never the compression; a signal word before
      // the negation ("high T2 signal … without cord expansion") is not negated.
      const altHit = alt !== undefined && alt.predicate.test(lower.slice(lastNegation(lower, clauseStart(neg, t.start, sentence.start), t.start), sentence.end));
      sink.add(altHit ? alt.code : code, true, levelsOf(ctx, t));
      continue;
    }
    const first = terms[i];
    const last = terms[j - 1];
    if (beforeFrom < 0) {
      const prevEnd = i > from ? terms[i - 1].end : sentence.start;
      const nextStart = j < to ? terms[j].start : sentence.end;
      const lo = Math.max(prevEnd, clauseStart(neg, first.start, sentence.start), first.start - WINDOW_BEFORE);
      const hi = Math.max(last.end, Math.min(nextStart, clauseEnd(neg, last.end, sentence.end), last.end + WINDOW_AFTER));
      beforeFrom = lo;
      for (let p = first.start - 1; p >= lo; p--) {
        if (lower.charCodeAt(p) === 44) { // ','
          beforeFrom = p + 1;
          break;
        }
      }
      afterTo = hi;
      for (let p = last.end; p < hi; p++) {
        if (lower.charCodeAt(p) === 44) {
          afterTo = p;
          break;
        }
      }
    }
    const predicate = t.entry.predicate;
    const uncertain = isUncertain(ctx, t.start, t.end);
    const altHit = alt !== undefined && (predicateIn(lower, predicates, alt.predicate, beforeFrom, first.start)
      || predicateIn(lower, predicates, alt.predicate, last.end, afterTo));
    if (altHit) sink.add(alt.code, false, levelsOf(ctx, t), uncertain);
    else if (alt !== undefined) altBeyondClause(ctx, t, alt, uncertain);
    if (predicate !== undefined && (predicateIn(lower, predicates, predicate, beforeFrom, first.start)
      || predicateIn(lower, predicates, predicate, last.end, afterTo)) && !csfOnly(lower, code, beforeFrom, afterTo)) {
      sink.add(code, false, levelsOf(ctx, t), uncertain);
    } else if (!altHit && isStatedNormal(neg, t.start, t.end, sentence.start, sentence.end)) {
      // An alignment sentence about the lordosis speaks of the curve, not of a slip.
      if (code === 'spondylolisthesis' && CURVE_RE.test(lower.slice(sentence.start, sentence.end))) continue;
      sink.add(code, true, levelsOf(ctx, t));
      // "The cord is normal in calibre and signal" rules out both.
      if (alt !== undefined && lower.slice(clauseStart(neg, t.start, sentence.start), sentence.end).includes('signal')) {
        sink.add(alt.code, true, levelsOf(ctx, t));
      }
    }
  }
}

/** Findings of the sentence's terms terms[from, to). */
function sentenceHits(ctx: Context, terms: readonly Term[], from: number, to: number): void {
  const { lower, neg, sentence, sink } = ctx;
  let i = from;
  while (i < to) {
    const t = terms[i];
    if (t.entry.kind === 'anatomy') {
      let j = i + 1;
      while (j < to && terms[j].entry.kind === 'anatomy' && terms[j].start - terms[j - 1].end < 16
        && gapIs(GROUP_GAP_RE, lower, terms[j - 1].end, terms[j].start)) j++;
      anatomyHits(ctx, terms, from, to, i, j);
      i = j;
      continue;
    }
    const codes = t.entry.codes === 'modic' ? modicCodes(lower.slice(t.start, t.end)) : t.entry.codes;
    const negated = isNegatedTerm(neg, t.start, t.end, sentence.start, sentence.end);
    const levels = levelsOf(ctx, t);
    const uncertain = !negated && isUncertain(ctx, t.start, t.end);
    for (let c = 0; c < codes.length; c++) sink.add(codes[c], negated, levels, uncertain);
    // "abscess in the epidural space": the collection as well as the infection.
    if (codes[0] === 'infection' && ABSCESS_RE.test(lower.slice(t.start, t.end))
      && EPIDURAL_RE.test(lower.slice(sentence.start, sentence.end))) sink.add('epidural_collection', negated, levels, uncertain);
    i++;
  }
}

/** The words that make a sentence about the spine: anatomy or pathology (level names alone do not). */
const SPINE_WORD_RE = /\b(?:dis[ck]s?|discal|vertebra\w*|cord|conus|cauda|canal|foram\w*|recess\w*|facets?|end\s?-?plates?|marrow|pars|roots?|thecal|dural|sac|ligament\w*|flavum|alignment|lordos\w*|kyphos\w*|scolios\w*|spinous|pedicles?|lamina\w*|paraspinal|psoas|epidural|sacr\w*|coccy\w*|odontoid|uncovertebral|osteophyt\w*|spondyl\w*|lesions?|mass(?:es)?|collections?|o?edema|oedema|enhanc\w*|signal|stenos\w*|narrow\w*|compress\w*|herniat\w*|protru\w*|extru\w*|fractur\w*|degenera\w*|effusions?|cysts?|syrinx|tumou?rs?|abnormal\w*|hyperintens\w*|hypointens\w*|thicken\w*|hypertroph\w*|displac\w*|erosions?|destruct\w*|sclero\w*|bulg\w*|tears?|fissur\w*|listhes\w*|collaps\w*|deform\w*|infiltrat\w*|calcif\w*|ossif\w*|myel\w*|arthro\w*|modic)\b/;
/** A sentence that only says the anatomy is normal ("Paraspinal soft tissues are unremarkable") has been read. */
const NORMAL_ONLY_RE = /\b(?:normal(?:ly)?|unremarkable|preserved|maintained|intact|patent|no\s+(?:significant\s+)?abnormalit\w*)\b/;
const ABNORMAL_RE = /\b(?:lesion|mass|collection|o?edema|oedema|enhanc|stenos|narrow|compress|herniat|protru|extru|fractur|abnormal(?!it)|hyperintens|hypointens|thicken|hypertroph|displac|erosion|destruct|bulg|tear|fissur|listhes|collaps|deform|infiltrat|cyst|syrinx|tumou?r|straighten|revers|loss|reduc|increas|decreas|but|however|except)/;
const PRONOUN_START_RE = /^(?:it|this|these|they|the\s+latter|which)\b/;
const BLANK_LINE_RE = /\n[ \t\r]*\n/;

/** Structures a level can carry to the next sentence about ("a protrusion at L4-5. The protrusion contacts …"). */
const STRUCTURE: Record<MriFindingCode, string> = {
  disc_degeneration: 'disc', disc_bulge: 'disc', disc_herniation: 'disc', annular_fissure: 'disc',
  modic_1: 'endplate', modic_2: 'endplate', modic_3: 'endplate', modic_unspecified: 'endplate', schmorl_node: 'endplate',
  vertebral_height_loss: 'vertebra', fracture: 'vertebra', marrow_lesion: 'vertebra', hemangioma: 'vertebra',
  spondylolysis: 'slip', spondylolisthesis: 'slip', facet_arthropathy: 'facet',
  canal_stenosis: 'canal', foraminal_stenosis: 'foramen', nerve_root_compression: 'root',
  cord_compression: 'cord', cord_signal_change: 'cord', cauda_equina_compression: 'cauda',
  infection: 'collection', epidural_collection: 'collection',
};

/** Gives level-less findings of a sentence the levels of the previous sentence's finding about the same structure. */
function carryLevels(out: readonly MriFinding[], from: number, prevFrom: number, pronoun: boolean): void {
  const current = out.slice(from);
  let source: readonly string[] | null = null;
  for (let k = prevFrom; k < from; k++) {
    const p = out[k];
    if (p.levels.length === 0) continue;
    if (pronoun || current.some((c) => STRUCTURE[c.code] === STRUCTURE[p.code])) {
      source = p.levels;
      break;
    }
  }
  if (source === null) return;
  // A negated finding ("no other lesion") speaks of the rest of the spine, not of the level above.
  for (const c of current) if (c.levels.length === 0 && !c.negated) c.levels.push(...(DISC_CODES.has(c.code) ? source.filter((l) => l.includes('-')) : source));
}

/**
 * "The epidural haematoma has decreased in size but persists at T8": when no finding of a sentence took its one
 * level list (it stood past a clause break), it belongs to them.
 */
function onlyLevelsOfSentence(out: readonly MriFinding[], from: number, levels: readonly string[]): void {
  for (let k = from; k < out.length; k++) if (out[k].levels.length > 0 || out[k].negated) return;
  for (let k = from; k < out.length; k++) out[k].levels.push(...(levels.length > 2 && DISC_CODES.has(out[k].code) ? discsOfRange(levels) : levels));
}

export interface MriReading {
  findings: MriFinding[];
  /** Sentences that name spinal anatomy or pathology but gave no finding (CONTRACTS §3 v2 `unreadMri`). */
  unread: { evidence: string; start: number; end: number }[];
}

/** Extracts MRI findings from a free-text report (see readMriReport). */
export function extractMriFindings(report: string): MriFinding[] {
  return readMriReport(report).findings;
}

/**
 * Reads a free-text report: findings (one entry per code and negation per sentence, levels merged, ordered by
 * position) and the sentences about the spine it could not read. Pure and linear in the report length.
 */
export function readMriReport(report: string): MriReading {
  if (typeof report !== 'string' || report.trim() === '') return { findings: [], unread: [] };
  const fixed = correctWords(report);
  const reading = readText(fixed === null ? report : fixed.text);
  if (fixed === null) return reading;
  // Corrections change lengths inside words only: sentence offsets map back exactly.
  const remap = <T extends { evidence: string; start: number; end: number }>(x: T): T => {
    x.start = fixed.toOriginal(x.start);
    x.end = fixed.toOriginal(x.end);
    x.evidence = report.slice(x.start, x.end);
    return x;
  };
  const evidence = new Map<string, string>();
  for (const f of reading.findings) {
    const key = `${f.start}:${f.end}`;
    remap(f);
    const same = evidence.get(key);
    if (same !== undefined) f.evidence = same;
    else evidence.set(key, f.evidence);
  }
  reading.unread.forEach(remap);
  return reading;
}

function readText(report: string): MriReading {
  const lower = lowerSameLength(report);
  const { sentences, mentions, terms, negation: neg, segments, predicates, uncertain, uncertainAfter } = scanReport(lower, report);
  const clusters: LevelCluster[] = clusterMentions(lower, mentions);
  const seg = buildSegmenter(segments, clusters);
  const out: MriFinding[] = [];
  const unread: MriReading['unread'] = [];
  const sink = new SentenceSink(report, out);
  const ctx: Context = {
    lower, uncertain, uncertainAfter, predicates, neg, seg, sentence: { start: 0, end: 0 },
    levels: sentenceLevels(lower, seg, clusters, 0, 0, 0, null), sink,
  };

  let t0 = 0;
  let c0 = 0;
  let lineStart = 0;
  let nextNl = report.indexOf('\n');
  const headings = new HeadingTracker(report);
  let headingLine = -1;
  let heading: readonly string[] | null = null;
  /** Findings of the last sentence that had any: out[previousFrom, previousTo). */
  let previousFrom = 0;
  let previousTo = 0;
  let previousEnd = 0;
  for (const s of sentences) {
    // Which line does the sentence start on? (indexOf jumps; amortised linear.)
    while (nextNl !== -1 && nextNl < s.start) {
      lineStart = nextNl + 1;
      nextNl = report.indexOf('\n', lineStart);
    }
    while (t0 < terms.length && terms[t0].start < s.start) t0++;
    let t1 = t0;
    while (t1 < terms.length && terms[t1].start < s.end) t1++;
    while (c0 < clusters.length && clusters[c0].start < s.start) c0++;
    let c1 = c0;
    while (c1 < clusters.length && clusters[c1].start < s.end) c1++;
    const before = out.length;
    if (t1 > t0) {
      if (headingLine !== lineStart) {
        // Only lines with findings look for a heading, so a flood of heading lines costs nothing.
        headingLine = lineStart;
        heading = headings.levelsFor(lineStart);
      }
      // Most sentences keep all their terms: no copy then.
      const sTerms = needsFilter(terms, t0, t1) ? sentenceTerms(lower, terms, t0, t1) : null;
      ctx.sentence = s;
      ctx.levels = sentenceLevels(lower, seg, clusters, c0, c1, s.start, heading);
      sink.open(s);
      if (sTerms === null) sentenceHits(ctx, terms, t0, t1);
      else sentenceHits(ctx, sTerms, 0, sTerms.length);
      if (out.length > before && c1 === c0 + 1 && heading === null) onlyLevelsOfSentence(out, before, clusters[c0].levels);
      if (out.length > before && c1 === c0 && heading === null && previousTo === before && previousTo > previousFrom
        && s.start - previousEnd < 400 && !BLANK_LINE_RE.test(report.slice(previousEnd, s.start))) {
        carryLevels(out, before, previousFrom, PRONOUN_START_RE.test(lower.slice(s.start, Math.min(s.end, s.start + 12))));
      }
      sink.close();
    }
    if (out.length > before) {
      previousFrom = before;
      previousTo = out.length;
      previousEnd = s.end;
      continue;
    }
    const text = lower.slice(s.start, s.end);
    if (SPINE_WORD_RE.test(text) && !(NORMAL_ONLY_RE.test(text) && !ABNORMAL_RE.test(text))) {
      unread.push({ evidence: report.slice(s.start, s.end), start: s.start, end: s.end });
    }
  }
  return { findings: out, unread };
}
