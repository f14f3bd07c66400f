import { MRI_CORPUS } from './index';
import { V2_CORPUS } from './v2';
import { LEFT_SCAPULA_CASE, RIGHT_SCAPULA_CASE, RIGHT_SCAPULA_MRI_REPORT } from './forum-seeds';
import type { TriageInput } from '@/lib/triage/types';

/**
 * Inputs of the engine's differential test (differential.test.ts): every labelled report of both corpora, the seed
 * reports, the same texts upper-cased (the typo and abbreviation rewrites see capitals), and reports stitched from
 * the corpora the way the benchmark stitches them. Deterministic, so stored readings stay comparable.
 */
export const SEED_CASES: readonly TriageInput[] = [LEFT_SCAPULA_CASE, RIGHT_SCAPULA_CASE];

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
