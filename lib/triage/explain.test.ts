import { describe, expect, it } from 'vitest';
import { FINDING_CONCERN, MRI_FINDING_CODES, explainFinding, nearestPrevalenceAge } from '@/lib/triage';
import { FINDING_TEXTS } from './explain-texts';

/** Words that tell a patient not to worry. */
const REASSURING = /(?<!more )common|harmless|normal part|not a cause for worry|no pain|without pain|is a stable|old, stable|often heals|no problems|gets? smaller/i;

const finding = (code: (typeof MRI_FINDING_CODES)[number], negated = false) => ({ code, levels: ['L4-L5'], negated });

describe('explainFinding', () => {
  it('explains every code for patient and clinician', () => {
    for (const code of MRI_FINDING_CODES) {
      const e = explainFinding(finding(code), 40);
      expect(e.patient.length, code).toBeGreaterThan(20);
      expect(e.clinician, code).toContain('L4-L5');
    }
  });

  it('gives Brinjikji prevalence for the nearest age band', () => {
    expect(explainFinding(finding('disc_degeneration'), 40).prevalence).toMatchObject({ percent: 68, ageBand: 'age 40' });
    expect(explainFinding(finding('disc_bulge'), 52).prevalence).toMatchObject({ percent: 60, ageBand: 'age 50' });
    expect(explainFinding(finding('disc_herniation'), 80).prevalence?.percent).toBe(43);
    expect(explainFinding(finding('annular_fissure'), 20).prevalence?.percent).toBe(19);
    expect(explainFinding(finding('facet_arthropathy'), 50).prevalence?.percent).toBe(32);
    expect(explainFinding(finding('spondylolisthesis'), 30).prevalence).toMatchObject({ percent: 5, uncertain: true });
    expect(explainFinding(finding('disc_degeneration'), 40).prevalence?.source).toMatch(/Brinjikji.*AJNR.*2015/);
    expect(explainFinding(finding('modic_1'), 40).prevalence).toBeUndefined();
  });

  it('maps ages to bands: nearest, ties to the younger, under 20 to 20 with a note', () => {
    expect([19, 24, 25, 26, 44, 45, 46, 85].map(nearestPrevalenceAge)).toEqual([20, 20, 20, 30, 40, 40, 50, 80]);
    const teen = explainFinding(finding('disc_bulge'), 16);
    expect(teen.prevalence?.ageBand).toBe('age 20');
    expect(teen.patient).toMatch(/under 20/);
  });

  it('never reassures about urgent-concern findings', () => {
    for (const code of MRI_FINDING_CODES.filter((c) => FINDING_CONCERN[c] === 'urgent')) {
      const e = explainFinding(finding(code), 30);
      expect(e.patient, code).not.toMatch(/common|harmless|normal part|no pain/i);
      expect(e.patient, code).toMatch(/doctor|emergency/i);
    }
  });

  it('carries the Modic type 1 caveat for people 50 or under', () => {
    expect(explainFinding(finding('modic_1'), 35).clinician).toMatch(/infection/i);
    expect(explainFinding(finding('modic_1'), 35).patient).not.toMatch(/harmless|not a cause for worry/i);
    expect(explainFinding(finding('modic_2'), 35).clinician).toMatch(/10\.5 %.*21\.0 %.*Li et al\., PLoS One 2014/);
  });

  it('explains a possible finding as possible, never as confirmed or ruled out', () => {
    const e = explainFinding({ ...finding('epidural_collection'), uncertain: true }, 40);
    expect(e.patient).toMatch(/possible but not certain/);
    expect(e.patient).not.toMatch(/no sign/i);
    expect(e.clinician).toMatch(/^Possible/);
    // The plain description of a possible finding is conditional, not a statement that it is there.
    for (const code of MRI_FINDING_CODES) {
      const p = explainFinding({ ...finding(code), uncertain: true }, 40).patient;
      expect(p, code).toMatch(/^The report says this is possible but not certain: .*A clinician will check it\. If it is there: [a-z]/);
      expect(p, code).not.toContain(`check it. ${FINDING_TEXTS[code].patient}`);
    }
  });

  it('keeps the reassurance of every common finding apart, and gives none to findings that are not common', () => {
    for (const code of MRI_FINDING_CODES) {
      expect(FINDING_TEXTS[code].reassurance !== undefined, code).toBe(FINDING_CONCERN[code] === 'common');
      expect(FINDING_TEXTS[code].patient, code).not.toMatch(REASSURING);
    }
  });

  it('never reassures while part of the same report could not be read', () => {
    for (const code of MRI_FINDING_CODES) {
      for (const uncertain of [false, true]) {
        const e = explainFinding({ ...finding(code), uncertain }, 45, { unreadSentences: 1 });
        expect(e.patient, code).not.toMatch(REASSURING);
        expect(e.patient, code).not.toContain(FINDING_TEXTS[code].reassurance ?? '\u0000');
        expect(e.patient, code).toContain(FINDING_TEXTS[code].patient.slice(1));
      }
    }
    // Without unread sentences the same common findings do reassure, so the check above can fail.
    expect(explainFinding(finding('disc_bulge'), 45).patient).toMatch(REASSURING);
    expect(explainFinding(finding('disc_bulge'), 45, { unreadSentences: 0 }).patient).toMatch(REASSURING);
    // The prevalence figure is a measured fact about this finding and stays; the clinician's note is unchanged.
    const withUnread = explainFinding(finding('disc_degeneration'), 40, { unreadSentences: 2 });
    expect(withUnread.patient).toMatch(/about 68 in 100/);
    expect(withUnread.clinician).toBe(explainFinding(finding('disc_degeneration'), 40).clinician);
  });

  it('gives the Modic prevalence for an untyped Modic change as lumbar data, with its source', () => {
    const e = explainFinding(finding('modic_unspecified'), 40);
    expect(e.clinician).toMatch(/6 %.*43 %.*lumbar.*Jensen/);
    expect(e.patient).not.toMatch(/harmless|not a cause for worry/i);
  });

  it('says plainly when the report rules a finding out', () => {
    const e = explainFinding(finding('cord_compression', true), 40);
    expect(e.patient).toMatch(/no sign/i);
    expect(e.prevalence).toBeUndefined();
  });
});
