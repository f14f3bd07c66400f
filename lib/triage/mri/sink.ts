import { FINDING_CONCERN } from '../findings';
import type { Concern, MriFinding, MriFindingCode } from '../types';
import { DISC_CODES } from './carry-levels';
import { discsOfRange, sortUniqueLevels } from './levels';
import type { Span } from './split';

/**
 * FINDING_CONCERN as a Map: `FINDING_CONCERN[code]` with a different code at each call is a megamorphic keyed load
 * (a stub-cache probe, often a miss), a Map lookup of an internalized string is a short hash probe.
 */
const CONCERN: ReadonlyMap<MriFindingCode, Concern> = new Map(Object.entries(FINDING_CONCERN) as [MriFindingCode, Concern][]);

/** Disc levels as the vertebra above them ("L5-S1" → "L5"); vertebrae unchanged. */
function upperVertebrae(levels: readonly string[]): string[] {
  const out: string[] = [];
  for (const l of levels) {
    const dash = l.indexOf('-');
    const v = dash < 0 ? l : l.slice(0, dash);
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/**
 * Collects the findings of one sentence straight into the output: one entry per code and negation, levels merged
 * in order of appearance (few findings per sentence: linear search), then sorted when there are several.
 */
export class SentenceSink {
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
    // A pars defect belongs to a vertebra: "L5 on S1 with pars defects" is spondylolysis of L5.
    if (code === 'spondylolysis' && levels.length > 0) levels = upperVertebrae(levels);
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
    const finding: MriFinding = { code, levels: merged, negated, concern: CONCERN.get(code) as Concern, evidence: this.evidence, start, end };
    if (uncertain && !negated) finding.uncertain = true;
    out.push(finding);
  }

  close(): void {
    const { out } = this;
    for (let k = this.first; k < out.length; k++) if (out[k].levels.length > 1) sortUniqueLevels(out[k].levels);
    // "Endplate oedema … in keeping with active Modic change": the typed finding says which; no untyped one beside it.
    for (let k = out.length - 1; k >= this.first; k--) {
      if (out[k].code === 'modic_unspecified' && !out[k].negated && this.typedModicCovers(out[k].levels)) out.splice(k, 1);
    }
  }

  /** Does a typed Modic finding of this sentence, stated present, name every one of these levels? */
  private typedModicCovers(levels: readonly string[]): boolean {
    const { out } = this;
    for (let k = this.first; k < out.length; k++) {
      const f = out[k];
      if ((f.code !== 'modic_1' && f.code !== 'modic_2' && f.code !== 'modic_3') || f.negated) continue;
      if (levels.every((l) => f.levels.includes(l))) return true;
    }
    return false;
  }
}

