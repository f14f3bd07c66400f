import { describe, expect, it } from 'vitest';
import { BODY_REGIONS, BODY_REGION_LABELS, MOVEMENTS, MOVEMENT_LABELS, RED_FLAG_CODES, RED_FLAG_QUESTIONS, regionToArea } from '@/lib/triage';
import { AREA_LABELS, CLINICAL_AREAS } from '@/lib/domain/areas';

describe('body map', () => {
  it('has the 25 regions and 16 movements of the contract, each labelled', () => {
    expect(BODY_REGIONS).toHaveLength(25);
    expect(MOVEMENTS).toHaveLength(16);
    for (const r of BODY_REGIONS) expect(BODY_REGION_LABELS[r]).toBeTruthy();
    for (const m of MOVEMENTS) expect(MOVEMENT_LABELS[m]).toBeTruthy();
    expect(MOVEMENT_LABELS.sneeze_cough).toBe('Sneezing or coughing');
    for (const a of CLINICAL_AREAS) expect(AREA_LABELS[a]).toBeTruthy();
  });

  it('maps regions to the areas the demo clinicians cover', () => {
    const spine = ['neck', 'upper_back', 'mid_back', 'low_back'];
    const limbs = ['shoulder', 'hip', 'knee', 'ankle_foot'];
    expect(['neck', 'upper_back_left', 'upper_back_right', 'mid_back', 'low_back'].map((r) => regionToArea(r as never))).toEqual(['neck', 'upper_back', 'upper_back', 'mid_back', 'low_back']);
    expect(spine).toContain(regionToArea('upper_back_right'));
    for (const r of ['shoulder_left', 'hip_buttock_right', 'groin', 'thigh_left', 'knee_right', 'lower_leg_left', 'ankle_foot_right'] as const) {
      expect(limbs, r).toContain(regionToArea(r));
    }
    expect(regionToArea('lower_leg_right')).toBe('ankle_foot');
    expect(regionToArea('thigh_right')).toBe('hip');
    for (const r of BODY_REGIONS) expect(CLINICAL_AREAS).toContain(regionToArea(r));
  });
});

describe('red-flag questions', () => {
  it('cover every code once, in contract order, in short plain wording', () => {
    expect(RED_FLAG_QUESTIONS.map((q) => q.code)).toEqual([...RED_FLAG_CODES]);
    for (const q of RED_FLAG_QUESTIONS) {
      expect(q.question.endsWith('?')).toBe(true);
      expect(q.question.length).toBeLessThan(140);
    }
  });
});
