import { MRI_CORPUS } from './index';
import { V2_CORPUS } from './v2';
import { LEFT_SCAPULA_CASE, RIGHT_SCAPULA_CASE, RIGHT_SCAPULA_MRI_REPORT } from './forum-seeds';
import type { TriageInput } from '@/lib/triage/types';
import { ADVERSARIAL_REPORTS } from './adversarial';
import { rng } from './rng';

/**
 * Inputs of the engine's differential test (differential.test.ts): every labelled report of both corpora, the seed
 * reports, the same texts upper-cased (the typo and abbreviation rewrites see capitals), and reports stitched from
 * the corpora the way the benchmark stitches them. Deterministic, so stored readings stay comparable.
 */
export const SEED_CASES: readonly TriageInput[] = [LEFT_SCAPULA_CASE, RIGHT_SCAPULA_CASE];


export function differentialInputs(): string[] {
  const texts = [...MRI_CORPUS, ...V2_CORPUS].map((e) => e.report);
  const inputs = [...texts, RIGHT_SCAPULA_MRI_REPORT, 'Small joint effusion. No meniscal tear.'];
  inputs.push(...inputs.map((t) => t.toUpperCase()));
  const rand = rng(7);
  for (let i = 0; i < 60; i++) {
    const target = 800 + Math.floor(rand() * 1600);
    let report = i % 2 === 0 ? 'MRI SPINE\nFindings:\n' : 'L4-5:\n';
    while (report.length < target) report += `${texts[Math.floor(rand() * texts.length)]}${rand() < 0.3 ? '\n' : ' '}`;
    inputs.push(report);
  }
  return inputs;
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

const EDGE_CASES: readonly string[] = [
  'Wedge deformation of Th12 vertebra.', 'Height loss at 4th12 and TH12.', 'Th_12 and th1 and xth12.', 'NF narowing L4-5.',
  'Bilat NF narrowing at L5-S1, mod-severe.', 'l4nf narowing', 'narowing2 and narowing_ and _narowing.', 'Disc heigth loss T2w.',
  'Compresion of the cord at C5-6. \u212Aappa sign; narowing.', 'İ narowing L4-5 İ.', 'Severe canal stenosis at L4-5 (fx).',
  'Mild disc bulge at L3-4 with no compresion.', 'DISC PROTRUSON AT L5-S1 WITH SEVERE NFN.', 'degenerativ changes, Schmorl nodes T11-L2',
];

/** Two mutated copies of the inputs, the edge cases of the rewrites, and the adversarial reports. */
export function mutatedInputs(inputs: readonly string[]): string[] {
  return [...mutated(inputs, 1), ...mutated(inputs, 2), ...EDGE_CASES, ...ADVERSARIAL_REPORTS.map((a) => a.report)];
}
