import { describe, expect, it } from 'vitest';
import { assessIntake, extractMriFindings } from '@/lib/triage';
import { readMriReport } from './extract';

const read = (report: string) => extractMriFindings(report).map((f) => ({
  code: f.code, levels: f.levels, negated: f.negated, ...(f.uncertain === true ? { uncertain: true } : {}),
}));
const has = (report: string, code: string, levels: string[], negated = false) =>
  expect(read(report)).toContainEqual({ code, levels, negated });

describe('v2 reading rules (CONTRACTS §3, issue #14)', () => {
  it('reads mass effect on, indenting, flattening, effacing and deforming the cord as cord compression', () => {
    has('Mass effect on the cord at C5-6.', 'cord_compression', ['C5-C6']);
    has('Disc osteophyte bar at C5-6 indenting the ventral cord.', 'cord_compression', ['C5-C6']);
    has('The cord is flattened at C6-7.', 'cord_compression', ['C6-C7']);
    has('Protrusion at C4-5 effacing the cord.', 'cord_compression', ['C4-C5']);
    has('Protrusion at C4-5 deforming the left hemicord.', 'cord_compression', ['C4-C5']);
    expect(read('Bulge at C4-5 effaces the ventral CSF and abuts the cord.').map((f) => f.code)).not.toContain('cord_compression');
  });

  it('keeps cord signal apart from compression: "no cord signal change" never negates a compression', () => {
    expect(read('Disc protrusion at C5-6 flattening the cord with no cord signal change.')).toEqual([
      { code: 'disc_herniation', levels: ['C5-C6'], negated: false },
      { code: 'cord_compression', levels: ['C5-C6'], negated: false },
      { code: 'cord_signal_change', levels: ['C5-C6'], negated: true },
    ]);
    has('Increased T2 signal within the cord at C4-5.', 'cord_signal_change', ['C4-C5']);
    has('The cervical cord is flattened at C6-7 with abnormal T2 signal.', 'cord_signal_change', ['C6-C7']);
    has('Myelomalacia at C5.', 'cord_signal_change', ['C5']);
  });

  it('reads the conus as cord, not cauda equina', () => {
    expect(read('Conus normal.')).toEqual([{ code: 'cord_compression', levels: [], negated: true }, { code: 'cord_signal_change', levels: [], negated: true }]);
    has('Large extrusion at L1-2 compressing the conus.', 'cord_compression', ['L1-L2']);
  });

  it('reads epidural collections, abscesses and haematomas', () => {
    has('Dorsal epidural collection at T4.', 'epidural_collection', ['T4']);
    has('Acute epidural haematoma at C6-C7.', 'epidural_collection', ['C6-C7']);
    expect(read('Ventral epidural abscess at L4-5.').map((f) => f.code)).toEqual(['epidural_collection', 'infection']);
    expect(read('Discitis at L2-3 with a small abscess in the epidural space.').map((f) => f.code)).toEqual(['infection', 'epidural_collection']);
    expect(read('Paraspinal collection adjacent to T11.')).toEqual([]);
  });

  it('negates only on explicit statements: has resolved, no longer evident, interval resolution', () => {
    has('The L4-5 extrusion has resolved.', 'disc_herniation', ['L4-L5'], true);
    has('The epidural collection is no longer evident.', 'epidural_collection', [], true);
    has('The epidural collection no longer evident.', 'epidural_collection', [], true);
    has('Interval resolution of the L5-S1 protrusion.', 'disc_herniation', ['L5-S1'], true);
    has('The protrusion at L4-5 has decreased in size.', 'disc_herniation', ['L4-L5']);
  });

  it('does not read an alignment sentence about the lordosis as a negated slip', () => {
    expect(read('Alignment: straightening of the normal cervical lordosis.')).toEqual([]);
    expect(read('Alignment is normal.')).toEqual([{ code: 'spondylolisthesis', levels: [], negated: true }]);
  });

  it('gives a level named in the clause precedence over the heading', () => {
    const f = read('C3/4: no bulge at this level, however there is a disc protrusion at C4/5 indenting the cord.');
    expect(f).toContainEqual({ code: 'disc_herniation', levels: ['C4-C5'], negated: false });
    expect(f).toContainEqual({ code: 'cord_compression', levels: ['C4-C5'], negated: false });
  });

  it('carries a heading followed by a dash or a colon to the sentences under it', () => {
    expect(read('L4/5 –\nBroad disc bulge.\nModerate canal stenosis.').map((f) => f.levels)).toEqual([['L4-L5'], ['L4-L5']]);
    expect(read('L3-4 - mild disc bulge.').map((f) => f.levels)).toEqual([['L3-L4']]);
    expect(read('L5/S1:\nSmall protrusion.').map((f) => f.levels)).toEqual([['L5-S1']]);
  });

  it('reads a vertebral range on a disc finding as the discs in it', () => {
    has('Degenerative disc disease T11-L2.', 'disc_degeneration', ['T11-T12', 'T12-L1', 'L1-L2']);
    has('Disc desiccation from L3 to L5.', 'disc_degeneration', ['L3-L4', 'L4-L5']);
    // Two vertebrae named as vertebral bodies are those vertebrae, not the disc between them.
    has('Marrow oedema in T11-T12 vertebral bodies.', 'marrow_lesion', ['T11', 'T12']);
    has('Vertebral height loss T11-L1.', 'vertebral_height_loss', ['T11', 'T12', 'L1']);
  });

  it('carries a level to the next sentence about the same structure', () => {
    expect(read('There is a disc protrusion at L4-5. The protrusion contacts the traversing L5 nerve root.')).toEqual([
      { code: 'disc_herniation', levels: ['L4-L5'], negated: false },
      { code: 'disc_herniation', levels: ['L4-L5'], negated: false },
      { code: 'nerve_root_compression', levels: ['L4-L5'], negated: false },
    ]);
    has('A disc extrusion is seen at L5-S1. It compresses the right S1 nerve root.', 'nerve_root_compression', ['L5-S1']);
    expect(read('Hemangioma at T10. No other focal marrow lesion.')).toContainEqual({ code: 'marrow_lesion', levels: [], negated: true });
    expect(read('Disc bulge at L2-3.\n\nThe facet joints are hypertrophied.')[1].levels).toEqual([]);
  });

  it('marks uncertainty without negating: possible, query, ?, cannot be excluded', () => {
    expect(read('Possible early discitis at L4-5.')).toEqual([{ code: 'infection', levels: ['L4-L5'], negated: false, uncertain: true }]);
    expect(read('Query pars defect at L5.')[0].uncertain).toBe(true);
    expect(read('Subtle marrow oedema at L1 - ?acute fracture.')).toEqual([
      { code: 'marrow_lesion', levels: ['L1'], negated: false },
      { code: 'fracture', levels: ['L1'], negated: false, uncertain: true },
    ]);
    expect(read('A small epidural collection cannot be excluded at L5-S1.')[0]).toMatchObject({ code: 'epidural_collection', negated: false, uncertain: true });
    expect(read('These changes cannot exclude early discitis.')[0]).toMatchObject({ code: 'infection', uncertain: true });
    expect(read('Disc protrusion at L4-5.')[0].uncertain).toBeUndefined();
  });

  it('counts an uncertain urgent finding for urgency', () => {
    const a = assessIntake({ age: 40, redFlags: {}, mriReport: 'Possible small epidural collection at C2.' });
    expect(a.urgency).toBe('urgent');
    expect(a.mriFindings[0].uncertain).toBe(true);
  });

  it('reads the new codes: untyped Modic change, endplate depression, v2 concerns', () => {
    has('Modic changes at L4-5.', 'modic_unspecified', ['L4-L5']);
    expect(read('Modic type 2 changes at L5-S1.').map((f) => f.code)).toEqual(['modic_2']);
    has('Superior endplate depression at L1.', 'vertebral_height_loss', ['L1']);
    const f = extractMriFindings('Epidural haematoma at T3. Cord oedema at T3. Modic changes at L4-5.');
    expect(f.map((x) => [x.code, x.concern])).toEqual([['epidural_collection', 'urgent'], ['cord_signal_change', 'urgent'], ['modic_unspecified', 'review']]);
  });
});

describe('unreadMri: sentences about the spine that gave no finding', () => {
  it('lists a sentence the engine could not read, with its offsets', () => {
    const report = 'Disc bulge at L4-5. Ligamentum flavum thickening at L3-4. The scan was compared with 2019.';
    const { unread } = readMriReport(report);
    expect(unread).toEqual([{ evidence: 'Ligamentum flavum thickening at L3-4.', start: 20, end: 57 }]);
    expect(assessIntake({ age: 40, redFlags: {}, mriReport: report }).unreadMri).toEqual(unread);
  });

  it('does not list sentences that only say something is normal, headings alone or text with no anatomy', () => {
    const report = 'MRI LUMBAR SPINE\nClinical details: back pain.\nL1-2: Normal.\nParaspinal muscles are unremarkable.\nL4-5:\nBulge.';
    expect(readMriReport(report).unread).toEqual([]);
  });

  it('is always present, [] with no report', () => {
    expect(assessIntake({ age: 30, redFlags: {} }).unreadMri).toEqual([]);
  });

  it('keeps offsets on the original text when typos were rewritten', () => {
    const report = 'Mild NF narowing at L4-5. Syndesmophytes throughout.';
    const { findings, unread } = readMriReport(report);
    expect(findings[0]).toMatchObject({ code: 'foraminal_stenosis', levels: ['L4-L5'], evidence: 'Mild NF narowing at L4-5.', start: 0, end: 25 });
    for (const u of unread) expect(report.slice(u.start, u.end)).toBe(u.evidence);
  });
});

/** Rules added when the blind second labelling pass was compared with the first (corpus/v2/SECOND-PASS.md). */
describe('v2 reading rules from the second labelling pass', () => {
  it('"no myelopathy" negates the cord signal change, never a compression stated beside it', () => {
    expect(read('Disc protrusion T7-8 with mild cord flattening, no myelopathy.')).toEqual([
      { code: 'disc_herniation', levels: ['T7-T8'], negated: false },
      { code: 'cord_compression', levels: ['T7-T8'], negated: false },
      { code: 'cord_signal_change', levels: ['T7-T8'], negated: true },
    ]);
    has('Cervical myelopathy at C5-6.', 'cord_compression', ['C5-C6']);
  });

  it('reads a normal cord as neither compressed nor changed in signal, unless only its calibre is normal', () => {
    expect(read('The cord is normal.').map((f) => `${f.negated ? '!' : ''}${f.code}`)).toEqual(['!cord_compression', '!cord_signal_change']);
    expect(read('The cord is of normal calibre.').map((f) => f.code)).toEqual(['cord_compression']);
  });

  it('reads displacing the cord or the cauda equina as compression', () => {
    has('Dorsal epidural collection at T5 displacing the cord anteriorly.', 'cord_compression', ['T5']);
    has('Large epidural mass at L2 displacing the cauda equina.', 'cauda_equina_compression', ['L2']);
  });

  it('reads fluid in the epidural space as an epidural collection', () => {
    has('Small amount of fluid in the epidural space at L4, likely post-surgical.', 'epidural_collection', ['L4']);
  });

  it('reads "no definite …" as possible, not as absent', () => {
    expect(read('No definite fracture at L1.')).toEqual([{ code: 'fracture', levels: ['L1'], negated: false, uncertain: true }]);
  });

  it('puts a pars defect on its vertebra, and two vertebral bodies on the vertebrae', () => {
    has('Anterolisthesis of L5 on S1 with bilateral pars defects.', 'spondylolysis', ['L5']);
    has('Marrow oedema in L1-2 vertebrae.', 'marrow_lesion', ['L1', 'L2']);
    has('Marrow oedema at L1-2.', 'marrow_lesion', ['L1-L2']);
  });

  it('reads Th12, "recessus lateralis" and "anatomic" alignment', () => {
    has('Wedge deformation of Th12 vertebra.', 'vertebral_height_loss', ['T12']);
    expect(readMriReport('Wedge deformation of Th12 vertebra.').findings[0].evidence).toBe('Wedge deformation of Th12 vertebra.');
    has('Stenose of the recessus lateralis L4-5.', 'foraminal_stenosis', ['L4-L5']);
    has('Alignment is anatomic.', 'spondylolisthesis', [], true);
  });

  it('gives no untyped Modic change beside a typed one at the same level', () => {
    expect(read('Endplate marrow oedema at L4-5 in keeping with active Modic change.').map((f) => f.code)).toEqual(['modic_1']);
    expect(read('Modic type 2 changes at L5-S1 and Modic changes at L3-4.').map((f) => `${f.code}@${f.levels.join(',')}`))
      .toEqual(['modic_2@L5-S1', 'modic_unspecified@L3-L4']);
  });

  it('never puts a negated finding about the other levels on the levels of an earlier clause', () => {
    const stated = 'Slight loss of height and Modic type 1 signal changes are observed in the T5 and T7 vertebrae. Other vertebral corpus heights and bone structures observed in the examination area are normal.';
    const expected = [
      { code: 'vertebral_height_loss', levels: ['T5', 'T7'], negated: false },
      { code: 'modic_1', levels: ['T5', 'T7'], negated: false },
      { code: 'vertebral_height_loss', levels: [], negated: true },
    ];
    expect(read(stated)).toEqual(expected);
    // OCR read the full stop as a comma: one sentence, and the normal heights are still not "absent at T5/T7".
    expect(read(stated.replace('vertebrae. Other', 'vertebrae, Other'))).toEqual(expected);
    expect(read(stated.replace('vertebrae. Other', 'vertebrae, other'))).toEqual(expected);
    for (const tail of ['the other discs are preserved', 'the remaining discs are normal', 'the rest of the discs are preserved',
      'disc heights are preserved elsewhere', 'otherwise the discs are preserved', 'with no other disc herniation']) {
      const findings = read(`Disc bulge at L4-5, ${tail}.`);
      expect(findings[0], tail).toEqual({ code: 'disc_bulge', levels: ['L4-L5'], negated: false });
      expect(findings.filter((f) => f.negated && f.levels.length > 0), tail).toEqual([]);
      expect(findings.filter((f) => f.negated).length, tail).toBeGreaterThan(0);
    }
    // A level named in the "other" clause itself is kept.
    has('Disc bulge at L4-5, the other discs at L2-3 and L3-4 are normal.', 'disc_degeneration', ['L2-L3', 'L3-L4'], true);
    has('L4-5: disc bulge. The other discs are preserved.', 'disc_degeneration', [], true);
  });

  it('still gives a finding after a comma the earlier level list when its clause is not about the others', () => {
    expect(read('Disc bulge at L4-5, with mild foraminal narrowing.')).toEqual([
      { code: 'disc_bulge', levels: ['L4-L5'], negated: false },
      { code: 'foraminal_stenosis', levels: ['L4-L5'], negated: false },
    ]);
    has('Disc bulge at L4-5, no stenosis.', 'canal_stenosis', ['L4-L5'], true);
    has('At L4-5 there is no other abnormality, no stenosis.', 'canal_stenosis', ['L4-L5'], true);
    has('Disc bulge at L4-5, the canal remains patent.', 'canal_stenosis', ['L4-L5'], true);
  });
});
