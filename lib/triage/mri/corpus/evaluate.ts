import type { MriFinding } from '@/lib/triage/types';
import type { CorpusEntry, ExpectedFinding } from './types';
import { sortLevels } from '../levels';

export interface CorpusScore {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Per-entry differences, for a readable failure message. */
  errors: { report: string; extra: string[]; missing: string[] }[];
}

/** A finding as a comparable tuple: (code, negated or possible or present, sorted levels). */
function findingKey(f: Pick<MriFinding | ExpectedFinding, 'code' | 'negated' | 'levels' | 'uncertain'>, uncertainty: boolean): string {
  const state = f.negated ? 'negated' : uncertainty && f.uncertain === true ? 'possible' : 'present';
  return `${f.code}|${state}|${sortLevels(f.levels).join(',')}`;
}

/** Precision and recall of an extractor over labelled entries, counting distinct tuples per entry. */
export function scoreCorpus(
  corpus: readonly CorpusEntry[], extract: (report: string) => MriFinding[], { uncertainty = false }: { uncertainty?: boolean } = {},
): CorpusScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: CorpusScore['errors'] = [];
  for (const entry of corpus) {
    const got = new Set(extract(entry.report).map((f) => findingKey(f, uncertainty)));
    const want = new Set(entry.expected.map((f) => findingKey(f, uncertainty)));
    const extra = [...got].filter((k) => !want.has(k));
    const missing = [...want].filter((k) => !got.has(k));
    tp += got.size - extra.length;
    fp += extra.length;
    fn += missing.length;
    if (extra.length > 0 || missing.length > 0) errors.push({ report: entry.report, extra, missing });
  }
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    errors,
  };
}
