import type { MriFinding, MriFindingCode } from '../types';
import { assignLevels, buildSegmenter, moveSentenceLevels, sentenceLevels, type Segmenter, type SentenceLevels } from './assign-levels';
import { modicCodes } from './lexicon';
import { HeadingTracker } from './headings';
import { carryLevels, onlyLevelsOfSentence, startsWithPronoun } from './carry-levels';
import { csfOnly, lastNegation, NEGATION_WORD_RE } from './cord';
import { clusterMentions, type LevelCluster } from './levels';
import { SentenceSink } from './sink';
import { isUnreadSentence } from './unread';
import { anyBetween, clauseEndIn, clauseStartIn, isNegatedIn, isStatedNormalIn, SentenceNegation } from './negation';
import { predicateIn, type PredicateHits } from './predicates';
import { scanReport, scanUnlessRewritten, type ScanResult, type Term } from './scan';
import { isJsSpace } from './scan-table';
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
const OF_THE_RE = /\s+(?:of|in)\s+(?:the\s+)?(?:(?:left|right|bilateral|neural|exit)\s+)?/y;
const GROUP_GAP_RE = /\s*(?:,\s*)?(?:and\/or|and|or|&)?\s*(?:the\s+)?/y;

/** /[\s-]*\/y run at `from` ends exactly at `to`: only white space and hyphens between, and none at `to`. */
function onlySpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 45 && !isJsSpace(c)) return false;
  }
  return from === to || to >= text.length || (text.charCodeAt(to) !== 45 && !isJsSpace(text.charCodeAt(to)));
}

function gapIs(re: RegExp, text: string, from: number, to: number): boolean {
  if (from === to) return true;
  re.lastIndex = from;
  return re.test(text) && re.lastIndex === to;
}
const WINDOW_BEFORE = 48;
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
  sink(ctx).add(alt.code, negated, levelsOf(ctx, t, negated), uncertain && !negated);
}
const sink = (ctx: Context): SentenceSink => ctx.sink;

const CURVE_RE = /\b(?:lordos|kyphos|scolios|curv|straighten)/;
const EPIDURAL_RE = /\b(?:epidural|extradural)\b/;
const WINDOW_AFTER = 56;
const CORD_SIGNAL_ONLY: readonly MriFindingCode[] = ['cord_signal_change'];
/** "The cord is normal in calibre": the normal statement is about its size only, not its signal. */
const SIZE_ONLY_RE = /\b(?:calib|size|diameter|dimension|position)/;

/** /^(?:absce|empy|phleg)/ on the term's text, read in place. */
function isAbscessTerm(lower: string, t: Term): boolean {
  const len = t.end - t.start;
  return (len >= 5 && (lower.startsWith('absce', t.start) || lower.startsWith('phleg', t.start))) || (len >= 4 && lower.startsWith('empy', t.start));
}

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
      && onlySpace(lower, prev.end, t.start)) continue;
    // "stenosis of the foramen": the anatomy word after it reads the stenosis as its predicate.
    const next = i + 1 < to ? all[i + 1] : undefined;
    if (t.entry.bareStenosis === true && next !== undefined && next.entry.kind === 'anatomy' && gapIs(OF_THE_RE, lower, t.end, next.start)) continue;
    out.push(t);
  }
  return out;
}

function hasBenignTerm(all: readonly Term[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const codes = all[i].entry.codes;
    if (codes !== 'modic' && (codes[0] === 'hemangioma' || codes[0] === 'schmorl_node')) return true;
  }
  return false;
}

/** Index of the first value ≥ pos in list[from, to) (ascending), or `to`. */
function firstAtOrAfter(list: readonly number[], from: number, to: number, pos: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Context {
  lower: string;
  commas: number[];
  /** The sentence's commas: commas[commaLo, commaHi). The windows around a term never reach past the sentence. */
  commaLo: number;
  commaHi: number;
  uncertain: number[];
  uncertainAfter: number[];
  predicates: PredicateHits;
  /** The negation index, moved to the sentence. */
  neg: SentenceNegation;
  seg: Segmenter;
  sentence: Span;
  /** Whether the sentence holds an uncertainty word: 1 or 0, -1 until isUncertain first asks. */
  sentenceUncertain: number;
  levels: SentenceLevels;
  sink: SentenceSink;
}

/** Is an uncertainty word in the clause of [start, end): "possible", "query" before it, "cannot be excluded" after? */
function isUncertain(ctx: Context, start: number, end: number): boolean {
  if (ctx.uncertain.length === 0 && ctx.uncertainAfter.length === 0) return false;
  // The clause lies inside the sentence: a sentence without uncertainty words (most) answers no for all its terms.
  if (ctx.sentenceUncertain < 0) {
    const { start: s, end: e } = ctx.sentence;
    ctx.sentenceUncertain = anyBetween(ctx.uncertain, s, e) || anyBetween(ctx.uncertainAfter, s, e) ? 1 : 0;
  }
  if (ctx.sentenceUncertain === 0) return false;
  const from = clauseStartIn(ctx.neg, start);
  const to = clauseEndIn(ctx.neg, end);
  return anyBetween(ctx.uncertain, from, start) || anyBetween(ctx.uncertainAfter, end, to);
}


/** `negated`: a negated or normal finding borrows no level list when its clause speaks of the others. */
function levelsOf(ctx: Context, t: Term, negated: boolean): readonly string[] {
  return assignLevels(ctx.seg, ctx.levels, t.start, t.end, ctx.sentence.start, ctx.sentence.end, negated);
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
    if (isNegatedIn(neg, t.start, t.end)) {
      // "no abnormal signal in the cord" negates the signal change, never the compression; a signal word before
      // the negation ("high T2 signal … without cord expansion") is not negated.
      const altHit = alt !== undefined && alt.predicate.test(lower.slice(lastNegation(lower, clauseStartIn(neg, t.start), t.start), sentence.end));
      sink.add(altHit ? alt.code : code, true, levelsOf(ctx, t, true));
      continue;
    }
    const first = terms[i];
    const last = terms[j - 1];
    if (beforeFrom < 0) {
      const prevEnd = i > from ? terms[i - 1].end : sentence.start;
      const nextStart = j < to ? terms[j].start : sentence.end;
      const lo = Math.max(prevEnd, clauseStartIn(neg, first.start), first.start - WINDOW_BEFORE);
      const hi = Math.max(last.end, Math.min(nextStart, clauseEndIn(neg, last.end), last.end + WINDOW_AFTER));
      // Each window stops at a comma: the last one before the group, the first one after it.
      const { commas, commaLo, commaHi } = ctx;
      const k = firstAtOrAfter(commas, commaLo, commaHi, last.end);
      afterTo = k < commaHi && commas[k] < hi ? commas[k] : hi;
      const b = firstAtOrAfter(commas, commaLo, commaHi, first.start) - 1;
      beforeFrom = b >= commaLo && commas[b] >= lo ? commas[b] + 1 : lo;
    }
    const predicate = t.entry.predicate;
    const uncertain = isUncertain(ctx, t.start, t.end);
    const altHit = alt !== undefined && (predicateIn(lower, predicates, alt.predicate, beforeFrom, first.start)
      || predicateIn(lower, predicates, alt.predicate, last.end, afterTo));
    if (altHit) sink.add(alt.code, false, levelsOf(ctx, t, false), uncertain);
    else if (alt !== undefined) altBeyondClause(ctx, t, alt, uncertain);
    if (predicate !== undefined && (predicateIn(lower, predicates, predicate, beforeFrom, first.start)
      || predicateIn(lower, predicates, predicate, last.end, afterTo)) && !csfOnly(lower, code, beforeFrom, afterTo)) {
      sink.add(code, false, levelsOf(ctx, t, false), uncertain);
    } else if (!altHit && isStatedNormalIn(neg, t.start, t.end)) {
      // An alignment sentence about the lordosis speaks of the curve, not of a slip.
      if (code === 'spondylolisthesis' && CURVE_RE.test(lower.slice(sentence.start, sentence.end))) continue;
      sink.add(code, true, levelsOf(ctx, t, true));
      // "The cord is normal" and "… normal in calibre and signal" rule out both; "… normal in calibre" only the first.
      if (alt !== undefined) {
        const clause = lower.slice(clauseStartIn(neg, t.start), sentence.end);
        if (clause.includes('signal') || !SIZE_ONLY_RE.test(clause)) sink.add(alt.code, true, levelsOf(ctx, t, true));
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
    const negated = isNegatedIn(neg, t.start, t.end);
    // "No myelopathy" rules out the cord's damage (its signal), never its compression ("cord flattening, no
    // myelopathy"): a negated myelopathy is a negated cord signal change.
    const codes = t.entry.codes === 'modic' ? modicCodes(lower.slice(t.start, t.end))
      : negated && t.entry.codes[0] === 'cord_compression' && lower.startsWith('myelopath', t.start) ? CORD_SIGNAL_ONLY : t.entry.codes;
    const levels = levelsOf(ctx, t, negated);
    const uncertain = !negated && isUncertain(ctx, t.start, t.end);
    for (let c = 0; c < codes.length; c++) sink.add(codes[c], negated, levels, uncertain);
    // "abscess in the epidural space": the collection as well as the infection.
    if (codes[0] === 'infection' && isAbscessTerm(lower, t)
      && EPIDURAL_RE.test(lower.slice(sentence.start, sentence.end))) sink.add('epidural_collection', negated, levels, uncertain);
    i++;
  }
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
  // Most reports need no rewrite: the scan finds that out word by word and the text is scanned once. (The Kelvin
  // sign lower-cases to a 'k' that correctWords, reading the original, does not see as a letter.)
  if (!report.includes('\u212A')) {
    const lower = lowerSameLength(report);
    const scanned = scanUnlessRewritten(lower, report);
    if (scanned !== null) return readScanned(report, lower, scanned, lower);
  }
  return readCorrected(report);
}

/** readMriReport the long way: rewrite the words first, read the rewritten text, map offsets back. */
export function readCorrected(report: string): MriReading {
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
  // Findings of one sentence share its span and stand together: they share one evidence string.
  let lastStart = -1;
  let lastEnd = -1;
  let lastEvidence = '';
  for (const f of reading.findings) {
    const { start, end } = f;
    remap(f);
    if (start === lastStart && end === lastEnd) f.evidence = lastEvidence;
    else {
      lastStart = start;
      lastEnd = end;
      lastEvidence = f.evidence;
    }
  }
  reading.unread.forEach(remap);
  return reading;
}

function readText(report: string): MriReading {
  const lower = lowerSameLength(report);
  return readScanned(report, lower, scanReport(lower, report), report.includes('\u212A') ? report : lower);
}

/** Only spaces, tabs and CRs in text[from, to)? */
function onlyBlanks(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/**
 * `plain`: the text the case-blind line tests read (headings, blank lines): `lower`, a flat string, unless the report
 * holds the Kelvin sign, which lower-cases to a letter.
 */
function readScanned(report: string, lower: string, scanned: ScanResult, plain: string): MriReading {
  const { sentences, mentions, terms, negation: neg, segments, predicates, uncertain, uncertainAfter, commas } = scanned;
  const clusters: LevelCluster[] = clusterMentions(lower, mentions);
  const seg = buildSegmenter(segments, clusters);
  const out: MriFinding[] = [];
  const unread: MriReading['unread'] = [];
  const sink = new SentenceSink(report, out);
  const ctx: Context = {
    lower, commas, commaLo: 0, commaHi: 0, uncertain, uncertainAfter, predicates, neg: new SentenceNegation(neg), seg, sentence: { start: 0, end: 0 }, sentenceUncertain: -1,
    levels: sentenceLevels(lower, seg, clusters, 0, 0, 0, null), sink,
  };

  let t0 = 0;
  let c0 = 0;
  let lineStart = 0;
  let nextNl = plain.indexOf('\n');
  /** The first newline of the last blank line passed (a newline, spaces, tabs or CRs, a newline), else -1. */
  let blankFrom = -1;
  const headings = new HeadingTracker(plain);
  let headingLine = -1;
  let heading: readonly string[] | null = null;
  /** Findings of the last sentence that had any: out[previousFrom, previousTo). */
  let previousFrom = 0;
  let previousTo = 0;
  let previousEnd = 0;
  for (const s of sentences) {
    // Which line does the sentence start on? (indexOf jumps; amortised linear.)
    while (nextNl !== -1 && nextNl < s.start) {
      if (lineStart > 0 && onlyBlanks(plain, lineStart, nextNl)) blankFrom = lineStart - 1;
      lineStart = nextNl + 1;
      nextNl = plain.indexOf('\n', lineStart);
    }
    while (t0 < terms.length && terms[t0].start < s.start) t0++;
    let t1 = t0;
    // Does any term need sentenceTerms (a bare "stenosis" or "lesion")? Found while passing the terms.
    let filter = false;
    for (; t1 < terms.length; t1++) {
      const t = terms[t1];
      if (t.start >= s.end) break;
      if (t.entry.bareStenosis === true || t.entry.bareLesion === true) filter = true;
    }
    while (c0 < clusters.length && clusters[c0].start < s.start) c0++;
    let c1 = c0;
    while (c1 < clusters.length && clusters[c1].start < s.end) c1++;
    const before = out.length;
    if (t1 > t0) {
      if (headingLine !== lineStart) {
        // Only lines with findings look for a heading, so a flood of heading lines costs nothing.
        headingLine = lineStart;
        heading = headings.levelsFor(lineStart, nextNl < 0 ? plain.length : nextNl);
      }
      // Most sentences keep all their terms: no copy then.
      const sTerms = filter ? sentenceTerms(lower, terms, t0, t1) : null;
      ctx.sentence = s;
      ctx.neg.moveTo(s.start, s.end);
      // The last sentence's commas lie before this one: the search starts past them.
      let m = ctx.commaHi;
      while (m < commas.length && commas[m] < s.start) m++;
      ctx.commaLo = m;
      while (m < commas.length && commas[m] < s.end) m++;
      ctx.commaHi = m;
      ctx.sentenceUncertain = -1;
      moveSentenceLevels(ctx.levels, c0, c1, s.start, heading);
      sink.open(s);
      if (sTerms === null) sentenceHits(ctx, terms, t0, t1);
      else sentenceHits(ctx, sTerms, 0, sTerms.length);
      if (out.length > before && c1 === c0 + 1 && heading === null) onlyLevelsOfSentence(out, before, clusters[c0].levels);
      if (out.length > before && c1 === c0 && heading === null && previousTo === before && previousTo > previousFrom
        && s.start - previousEnd < 400 && blankFrom < previousEnd) {
        // (No blank line between: every newline before s.start has been passed, so blankFrom is the last one.)
        carryLevels(out, before, previousFrom, startsWithPronoun(lower, s.start));
      }
      sink.close();
    }
    // The next sentence starts at or after s.end: these terms and clusters lie before it.
    t0 = t1;
    c0 = c1;
    if (out.length > before) {
      previousFrom = before;
      previousTo = out.length;
      previousEnd = s.end;
      continue;
    }
    if (isUnreadSentence(lower.slice(s.start, s.end))) {
      unread.push({ evidence: report.slice(s.start, s.end), start: s.start, end: s.end });
    }
  }
  return { findings: out, unread };
}
