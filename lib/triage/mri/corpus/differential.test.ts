import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assessIntake } from '@/lib/triage/assess';
import { readCorrected, readMriReport } from '../extract';
import { correctWords } from '../words';
import { differentialInputs, mutatedInputs, SEED_CASES } from './differential-inputs';
import EXPECTED from './differential-expected.json';

/**
 * The engine's speed work must not change a single reading. `differential-expected.json` holds a digest of every
 * reading (findings and unread sentences, JSON) and of the seed cases' assessments, written by the engine before the
 * speed work (commit f905fb4; four digests since rewritten on purpose, where a negated finding about the "other" or
 * "remaining" levels no longer takes a level list from an earlier clause); the live comparisons below also run the
 * long path (rewrite, then scan) beside the usual one (scan, rewriting only when a word needs it) and show any
 * difference in full.
 */
const digest = (x: unknown): string => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);

describe('differential: the readings are the same as before the speed work', () => {
  const inputs = differentialInputs();

  it('every corpus report, seed report, upper-cased copy and stitched report reads as stored', () => {
    expect(inputs.length).toBe(EXPECTED.readings.length);
    const changed = inputs.flatMap((r, i) => (digest(readMriReport(r)) === EXPECTED.readings[i] ? [] : [`#${i}: ${r.slice(0, 80)}`]));
    expect(changed).toEqual([]);
  });

  it('mutated copies (typos, capitals, glued digits, odd characters), edge cases and adversarial reports read as stored', () => {
    const mutated = mutatedInputs(inputs);
    expect(mutated.length).toBe(EXPECTED.mutated.length);
    const changed = mutated.flatMap((r, i) => (digest(readMriReport(r)) === EXPECTED.mutated[i] ? [] : [`#${i}: ${r.slice(0, 80)}`]));
    expect(changed).toEqual([]);
  });

  it('the seed cases assess as stored', () => {
    expect(SEED_CASES.map((c) => digest(assessIntake(c)))).toEqual(EXPECTED.seeds);
  });

  it('the usual path reads like the long path on the inputs, mutated copies, edge cases and adversarial reports', () => {
    const all = [...inputs, ...mutatedInputs(inputs)];
    let rewritten = 0;
    for (const r of all) {
      const slow = readCorrected(r);
      expect(readMriReport(r), r.slice(0, 120)).toEqual(slow);
      if (correctWords(r) !== null) rewritten++;
    }
    // Both paths are exercised: texts with words to rewrite and texts without.
    expect(rewritten).toBeGreaterThan(500);
    expect(all.length - rewritten).toBeGreaterThan(500);
  });
});
