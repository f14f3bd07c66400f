import { FINDING_CONCERN } from '../findings';
import type { MriFinding, MriFindingCode } from '../types';
import { assignLevels, buildSegmenter, sentenceLevels, type Segmenter, type SentenceLevels } from './assign-levels';
import { modicCodes } from './lexicon';
import { HeadingTracker } from './headings';
import { clusterMentions, sortUniqueLevels, type LevelCluster } from './levels';
import { clauseEnd, clauseStart, isNegatedTerm, isStatedNormal, type NegationIndex } from './negation';
import { predicateIn, type PredicateHits } from './predicates';
import { scanReport, type Term } from './scan';
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
const GROUP_GAP_RE = /\s*(?:,\s*)?(?:and\/or|and|or|&)?\s*(?:the\s+)?/y;

function gapIs(re: RegExp, text: string, from: number, to: number): boolean {
  if (from === to) return true;
  re.lastIndex = from;
  return re.test(text) && re.lastIndex === to;
}
const WINDOW_BEFORE = 48;
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

  add(code: MriFindingCode, negated: boolean, levels: readonly string[]): void {
    const { out } = this;
    for (let k = this.first; k < out.length; k++) {
      const f = out[k];
      if (f.code !== code || f.negated !== negated) continue;
      for (let l = 0; l < levels.length; l++) if (!f.levels.includes(levels[l])) f.levels.push(levels[l]);
      return;
    }
    const merged: string[] = levels.length === 1 ? [levels[0]] : [];
    if (levels.length > 1) for (let l = 0; l < levels.length; l++) if (!merged.includes(levels[l])) merged.push(levels[l]);
    const { start, end } = this.sentence;
    this.evidence ??= this.report.slice(start, end);
    out.push({ code, levels: merged, negated, concern: FINDING_CONCERN[code], evidence: this.evidence, start, end });
  }

  close(): void {
    const { out } = this;
    for (let k = this.first; k < out.length; k++) if (out[k].levels.length > 1) sortUniqueLevels(out[k].levels);
  }
}

interface Context {
  lower: string;
  predicates: PredicateHits;
  neg: NegationIndex;
  seg: Segmenter;
  sentence: Span;
  levels: SentenceLevels;
  sink: SentenceSink;
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
    if (isNegatedTerm(neg, t.start, t.end, sentence.start, sentence.end)) {
      sink.add(code, true, levelsOf(ctx, t));
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
    if (predicate !== undefined && (predicateIn(lower, predicates, predicate, beforeFrom, first.start)
      || predicateIn(lower, predicates, predicate, last.end, afterTo))) {
      sink.add(code, false, levelsOf(ctx, t));
    } else if (isStatedNormal(neg, t.start, t.end, sentence.start, sentence.end)) {
      sink.add(code, true, levelsOf(ctx, t));
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
    for (let c = 0; c < codes.length; c++) sink.add(codes[c], negated, levels);
    i++;
  }
}

/**
 * Extracts MRI findings from a free-text report: one entry per code and negation per sentence (levels merged),
 * ordered by position. Pure and linear in the report length.
 */
export function extractMriFindings(report: string): MriFinding[] {
  if (typeof report !== 'string' || report.trim() === '') return [];
  const lower = lowerSameLength(report);
  const { sentences, mentions, terms, negation: neg, segments, predicates } = scanReport(lower, report);
  const clusters: LevelCluster[] = clusterMentions(lower, mentions);
  const seg = buildSegmenter(segments, clusters);
  const out: MriFinding[] = [];
  const sink = new SentenceSink(report, out);
  const ctx: Context = { lower, predicates, neg, seg, sentence: { start: 0, end: 0 }, levels: sentenceLevels(lower, seg, clusters, 0, 0, 0, null), sink };

  let t0 = 0;
  let c0 = 0;
  let lineStart = 0;
  let nextNl = report.indexOf('\n');
  const headings = new HeadingTracker(report);
  let headingLine = -1;
  let heading: readonly string[] | null = null;
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
    if (t1 === t0) continue;
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
    sink.close();
  }
  return out;
}
