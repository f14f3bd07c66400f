import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assessIntake } from '@/lib/triage/assess';
import { readCorrected, readMriReport } from '../extract';
import { correctWords } from '../words';
import { ADVERSARIAL_REPORTS } from './adversarial';
import { differentialInputs, SEED_CASES } from './differential-inputs';
import EXPECTED from './differential-expected.json';

/**
 * The engine's speed work must not change a single reading. `differential-expected.json` holds a digest of every
 * reading (findings and unread sentences, JSON) and of the seed cases' assessments, written by the engine before the
 * speed work (commit f905fb4); the live comparisons below also run the long path (rewrite, then scan) beside the
 * usual one (scan, rewriting only when a word needs it) and show any difference in full.
 */
const digest = (x: unknown): string => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The texts with random one-letter typos, capitals, digits and '_' glued to words, and the Kelvin sign. */
function mutated(texts: readonly string[], seed: number): string[] {
  const rand = rng(seed);
  const pick = (s: string): string => s[Math.floor(rand() * s.length)];
  return texts.map((t) => {
    let out = '';
    for (let i = 0; i < t.length; i++) {
      const r = rand();
      if (r < 0.02) continue; // a letter dropped
      if (r < 0.04) out += pick('abcdefghijklmnopqrstuvwxyz');
      else if (r < 0.05) out += pick('0123456789_');
      else if (r < 0.055) out += pick('\u212A\u0130\u00e9 ');
      out += r < 0.1 ? t[i].toUpperCase() : t[i];
    }
    return out;
  });
}

const EDGE_CASES = [
  'Wedge deformation of Th12 vertebra.', 'Height loss at 4th12 and TH12.', 'Th_12 and th1 and xth12.', 'NF narowing L4-5.',
  'Bilat NF narrowing at L5-S1, mod-severe.', 'l4nf narowing', 'narowing2 and narowing_ and _narowing.', 'Disc heigth loss T2w.',
  'Compresion of the cord at C5-6. \u212Aappa sign; narowing.', 'İ narowing L4-5 İ.', 'Severe canal stenosis at L4-5 (fx).',
  'Mild disc bulge at L3-4 with no compresion.', 'DISC PROTRUSON AT L5-S1 WITH SEVERE NFN.', 'degenerativ changes, Schmorl nodes T11-L2',
];

describe('differential: the readings are the same as before the speed work', () => {
  const inputs = differentialInputs();

  it('every corpus report, seed report, upper-cased copy and stitched report reads as stored', () => {
    expect(inputs.length).toBe(EXPECTED.readings.length);
    const changed = inputs.flatMap((r, i) => (digest(readMriReport(r)) === EXPECTED.readings[i] ? [] : [`#${i}: ${r.slice(0, 80)}`]));
    expect(changed).toEqual([]);
  });

  it('the seed cases assess as stored', () => {
    expect(SEED_CASES.map((c) => digest(assessIntake(c)))).toEqual(EXPECTED.seeds);
  });

  it('the usual path reads like the long path on the inputs, mutated copies, edge cases and adversarial reports', () => {
    const all = [...inputs, ...mutated(inputs, 1), ...mutated(inputs, 2), ...EDGE_CASES, ...ADVERSARIAL_REPORTS.map((a) => a.report)];
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
