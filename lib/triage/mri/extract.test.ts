import { describe, expect, it } from 'vitest';
import { extractMriFindings } from '@/lib/triage';
import { MRI_CORPUS, RIGHT_SCAPULA_MRI_REPORT } from './corpus/index';
import { scoreCorpus } from './corpus/evaluate';

describe('extractMriFindings on the seed report (right scapula)', () => {
  const findings = extractMriFindings(RIGHT_SCAPULA_MRI_REPORT);
  const positive = findings.filter((f) => !f.negated);

  it('finds Modic type 1 and loss of height at T5 and T7, concern review', () => {
    for (const code of ['modic_1', 'vertebral_height_loss'] as const) {
      const f = positive.find((x) => x.code === code);
      expect(f, code).toBeDefined();
      expect(f?.levels).toEqual(['T5', 'T7']);
      expect(f?.concern).toBe('review');
    }
  });

  it('reports nothing positive for the discs or the canal', () => {
    expect(positive.filter((f) => f.code.startsWith('disc_') || f.code === 'canal_stenosis')).toEqual([]);
    expect(positive.map((f) => f.code).sort()).toEqual(['modic_1', 'vertebral_height_loss']);
  });

  it('reads the "… are normal" sentences as negations', () => {
    const negated = findings.filter((f) => f.negated).map((f) => f.code).sort();
    expect(negated).toEqual(['canal_stenosis', 'disc_degeneration', 'vertebral_height_loss']);
  });
});

describe('labelled corpus', () => {
  it(`has at least 60 entries`, () => {
    expect(MRI_CORPUS.length).toBeGreaterThanOrEqual(60);
  });

  it('reaches precision and recall of at least 0.95 on (code, negated, levels)', () => {
    const score = scoreCorpus(MRI_CORPUS, extractMriFindings);
    console.log(
      `MRI corpus: ${MRI_CORPUS.length} entries, precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)} ` +
        `(tp ${score.truePositives}, fp ${score.falsePositives}, fn ${score.falseNegatives})`,
    );
    expect(score.precision, JSON.stringify(score.errors, null, 1)).toBeGreaterThanOrEqual(0.95);
    expect(score.recall, JSON.stringify(score.errors, null, 1)).toBeGreaterThanOrEqual(0.95);
  });

  it('gives evidence offsets into the original report, ordered by position', () => {
    for (const { report } of MRI_CORPUS) {
      const findings = extractMriFindings(report);
      for (const f of findings) expect(report.slice(f.start, f.end)).toBe(f.evidence);
      const starts = findings.map((f) => f.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });

  it('keeps each code and negation once per sentence', () => {
    for (const { report } of MRI_CORPUS) {
      const keys = extractMriFindings(report).map((f) => `${f.start}:${f.code}:${f.negated}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});

describe('extractMriFindings details', () => {
  const one = (report: string) => extractMriFindings(report).map((f) => ({ code: f.code, levels: f.levels, negated: f.negated }));

  it('treats a list under one negation as all negated', () => {
    expect(one('No fracture, dislocation or suspicious marrow lesion.')).toEqual([
      { code: 'fracture', levels: [], negated: true },
      { code: 'marrow_lesion', levels: [], negated: true },
    ]);
  });

  it('ends a negation at "but" and at a new clause', () => {
    expect(one('No canal stenosis but moderate left foraminal narrowing at L4-5.')).toEqual([
      { code: 'canal_stenosis', levels: [], negated: true },
      { code: 'foraminal_stenosis', levels: ['L4-L5'], negated: false },
    ]);
    expect(one('No spinal canal stenosis, mild bilateral foraminal narrowing.').map((f) => f.negated)).toEqual([true, false]);
  });

  it('does not negate on pseudo-negations', () => {
    expect(one('No interval change in the L5-S1 disc extrusion.')).toEqual([{ code: 'disc_herniation', levels: ['L5-S1'], negated: false }]);
    expect(one('Early discitis cannot be excluded.')).toEqual([{ code: 'infection', levels: [], negated: false }]);
  });

  it('normalises level spellings', () => {
    for (const spelling of ['L4/5', 'L4-5', 'L4–L5', 'L4-L5', 'L4 - 5']) {
      expect(one(`Disc protrusion at ${spelling}.`)[0].levels, spelling).toEqual(['L4-L5']);
    }
    expect(one('Disc bulge at L5/S1.')[0].levels).toEqual(['L5-S1']);
    expect(one('Disc bulge at C5-6.')[0].levels).toEqual(['C5-C6']);
    expect(one('Disc bulge at C7-T1.')[0].levels).toEqual(['C7-T1']);
    expect(one('Wedging of the T5 through T7 vertebrae.')[0].levels).toEqual(['T5', 'T6', 'T7']);
    expect(one('Wedging of the T5-T7 vertebrae.')[0].levels).toEqual(['T5', 'T6', 'T7']);
  });

  it('does not read MRI sequence names or nerve-root names as levels', () => {
    expect(one('Low T1 and high T2 signal at the L3 superior endplate, in keeping with Modic type 1 change.')[0].levels).toEqual(['L3']);
    expect(one('Protrusion at L5-S1 contacting the left S1 nerve root.')).toEqual([
      { code: 'disc_herniation', levels: ['L5-S1'], negated: false },
      { code: 'nerve_root_compression', levels: ['L5-S1'], negated: false },
    ]);
  });

  it('gives findings under a level heading that level', () => {
    const findings = one('L4-5:\nDisc bulge.\nMild facet arthropathy.\n\nConus: normal.');
    expect(findings).toEqual([
      { code: 'disc_bulge', levels: ['L4-L5'], negated: false },
      { code: 'facet_arthropathy', levels: ['L4-L5'], negated: false },
      // v2: the conus belongs to the cord, not the cauda equina (CONTRACTS §3).
      { code: 'cord_compression', levels: [], negated: true },
      // A normal cord is neither compressed nor changed in signal (second labelling pass, issue #14).
      { code: 'cord_signal_change', levels: [], negated: true },
    ]);
  });

  it('reads Modic types in any case and notation', () => {
    const codes = (r: string) => one(r).map((f) => f.code);
    expect(codes('modic type I changes at L4-5.')).toEqual(['modic_1']);
    expect(codes('MODIC 3 at L2-3.')).toEqual(['modic_3']);
    expect(codes('Type II endplate changes at L5-S1.')).toEqual(['modic_2']);
    expect(codes('Mixed Modic type 1/2 changes at L4-5.')).toEqual(['modic_1', 'modic_2']);
  });

  it('keeps offsets valid when lower-casing changes string length', () => {
    const report = 'İ Disc bulge at L4-5. No canal stenosis.';
    for (const f of extractMriFindings(report)) expect(report.slice(f.start, f.end)).toBe(f.evidence);
    expect(one(report).map((f) => f.code)).toEqual(['disc_bulge', 'canal_stenosis']);
  });

  it('returns nothing for empty or finding-free text', () => {
    expect(extractMriFindings('')).toEqual([]);
    expect(extractMriFindings('   \n ')).toEqual([]);
    expect(extractMriFindings('The paraspinal soft tissues are unremarkable.')).toEqual([]);
  });
});
