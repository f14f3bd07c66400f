import type { MriFindingCode } from './types';

/**
 * Prevalence (%) of imaging findings in people WITHOUT back pain, by age, from:
 *   Brinjikji W, Luetmer PH, Comstock B, et al. Systematic literature review of imaging features of spinal
 *   degeneration in asymptomatic populations. AJNR Am J Neuroradiol. 2015;36(4):811–816. doi:10.3174/ajnr.A4173
 *   (Table 2: model estimates at ages 20, 30, 40, 50, 60, 70 and 80; 33 studies, 3,110 people; mostly lumbar).
 *
 * Checked against the abstract (ages 20 and 80 of disc degeneration, bulge, protrusion and annular fissure) and
 * against a reprint of Table 2 for ages 20–50 (PMC4975884). The 60 and 70 values, facet degeneration at 80 and
 * spondylolisthesis at 70–80 come from secondary sources and are marked `uncertain` below; facet degeneration and
 * spondylolisthesis at 20 and 30 are model extrapolations (no participants of that age in the source studies).
 */
const PREVALENCE_SOURCE =
  'Brinjikji W, et al. Systematic literature review of imaging features of spinal degeneration in asymptomatic populations. AJNR Am J Neuroradiol 2015;36(4):811-816';

const PREVALENCE_AGES = [20, 30, 40, 50, 60, 70, 80] as const;
export type PrevalenceAge = (typeof PREVALENCE_AGES)[number];

interface PrevalenceRow {
  finding: string;
  percent: Record<PrevalenceAge, number>;
  uncertain: readonly PrevalenceAge[];
}

const row = (finding: string, values: readonly number[], uncertain: readonly PrevalenceAge[]): PrevalenceRow => ({
  finding,
  percent: Object.fromEntries(PREVALENCE_AGES.map((age, i) => [age, values[i]])) as Record<PrevalenceAge, number>,
  uncertain,
});

const BRINJIKJI_2015: Partial<Record<MriFindingCode, PrevalenceRow>> = {
  disc_degeneration: row('disc degeneration', [37, 52, 68, 80, 88, 93, 96], [60, 70]),
  disc_bulge: row('disc bulge', [30, 40, 50, 60, 69, 77, 84], [60, 70]),
  disc_herniation: row('disc protrusion', [29, 31, 33, 36, 38, 40, 43], [60, 70]),
  annular_fissure: row('annular fissure', [19, 20, 22, 23, 25, 27, 29], [60, 70]),
  facet_arthropathy: row('facet degeneration', [4, 9, 18, 32, 50, 69, 83], [20, 30, 60, 70, 80]),
  spondylolisthesis: row('spondylolisthesis', [3, 5, 8, 14, 23, 35, 50], [20, 30, 70, 80]),
};

/** Nearest tabulated age (ties go to the younger band; under 20 → 20, over 80 → 80). */
export function nearestPrevalenceAge(age: number): PrevalenceAge {
  const clamped = Math.min(80, Math.max(20, Number.isFinite(age) ? age : 20));
  const band = Math.floor((clamped + 4) / 10) * 10;
  return Math.min(80, Math.max(20, band)) as PrevalenceAge;
}

export interface Prevalence {
  percent: number;
  ageBand: string;
  source: string;
  /** Optional extra: the value is from a secondary source or a model extrapolation. */
  uncertain?: boolean;
}

export function prevalenceFor(code: MriFindingCode, age: number): Prevalence | undefined {
  const r = BRINJIKJI_2015[code];
  if (r === undefined) return undefined;
  const band = nearestPrevalenceAge(age);
  return {
    percent: r.percent[band],
    ageBand: `age ${band}`,
    source: PREVALENCE_SOURCE,
    ...(r.uncertain.includes(band) ? { uncertain: true } : {}),
  };
}
