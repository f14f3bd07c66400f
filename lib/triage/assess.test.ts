import { describe, expect, it } from 'vitest';
import { RED_FLAG_CODES, RED_FLAG_QUESTIONS, assessIntake, type RedFlagCode } from '@/lib/triage';
import { LEFT_SCAPULA_CASE, RIGHT_SCAPULA_CASE } from './mri/corpus/forum-seeds';

const EXPECTED_URGENCY: Record<RedFlagCode, 'emergency' | 'urgent'> = {
  saddle_numbness: 'emergency',
  bladder_bowel_change: 'emergency',
  progressive_weakness: 'emergency',
  chest_pain_breathless: 'emergency',
  cancer_history: 'urgent',
  weight_loss: 'urgent',
  fever_unwell: 'urgent',
  night_pain: 'urgent',
  steroid_osteoporosis: 'urgent',
  immunosuppressed: 'urgent',
  major_trauma: 'urgent',
  gait_balance: 'urgent',
};

describe('assessIntake: red flags', () => {
  for (const code of RED_FLAG_CODES) {
    it(`${code} alone → ${EXPECTED_URGENCY[code]}, with a screen reason`, () => {
      const a = assessIntake({ age: 35, redFlags: { [code]: true } });
      expect(a.urgency).toBe(EXPECTED_URGENCY[code]);
      expect(a.reasons).toContainEqual(expect.objectContaining({ code, source: 'screen' }));
    });
  }

  it('takes the highest urgency of several answers', () => {
    expect(assessIntake({ age: 35, redFlags: { night_pain: true, saddle_numbness: true } }).urgency).toBe('emergency');
  });

  it('is routine when every answer is no, and ignores answers that are false', () => {
    const none = Object.fromEntries(RED_FLAG_CODES.map((c) => [c, false]));
    const a = assessIntake({ age: 35, redFlags: none });
    expect(a).toEqual({ urgency: 'routine', reasons: [], mriFindings: [], unreadMri: [] });
  });

  it('matches the urgency the intake form shows for each question', () => {
    for (const q of RED_FLAG_QUESTIONS) expect(q.urgency).toBe(EXPECTED_URGENCY[q.code]);
  });
});

describe('assessIntake: MRI and age', () => {
  it('an urgent-concern MRI finding makes the case urgent', () => {
    const a = assessIntake({ age: 40, redFlags: {}, mriReport: 'Severe canal stenosis at L4-5 with compression of the cauda equina.' });
    expect(a.urgency).toBe('urgent');
    expect(a.reasons).toContainEqual(expect.objectContaining({ code: 'cauda_equina_compression', source: 'mri' }));
  });

  it('a negated urgent finding does not', () => {
    const a = assessIntake({ age: 40, redFlags: {}, mriReport: 'No fracture. No cord compression. No suspicious marrow lesion.' });
    expect(a.urgency).toBe('routine');
    expect(a.reasons).toEqual([]);
    expect(a.mriFindings.every((f) => f.negated)).toBe(true);
  });

  it('lists review findings as reasons but keeps them routine; common findings are not reasons', () => {
    const a = assessIntake({ age: 40, redFlags: {}, mriReport: 'Disc bulge at L4-5 with moderate left foraminal stenosis.' });
    expect(a.urgency).toBe('routine');
    expect(a.reasons.map((r) => r.code)).toEqual(['foraminal_stenosis']);
  });

  it('an emergency screen answer stays an emergency whatever the MRI says', () => {
    const a = assessIntake({ age: 40, redFlags: { bladder_bowel_change: true }, mriReport: 'Normal study. No disc herniation.' });
    expect(a.urgency).toBe('emergency');
  });

  it('reports age under 18 or over 55 as a reason without raising urgency', () => {
    for (const age of [16, 60]) {
      const a = assessIntake({ age, redFlags: {} });
      expect(a.urgency).toBe('routine');
      expect(a.reasons).toEqual([expect.objectContaining({ source: 'age' })]);
    }
    for (const age of [18, 35, 55]) expect(assessIntake({ age, redFlags: {} }).reasons).toEqual([]);
  });

  it('never reassures about Modic type 1 at 50 or under', () => {
    const young = assessIntake({ age: 34, redFlags: {}, mriReport: 'Modic type 1 changes at L4-5.' });
    const reason = young.reasons.find((r) => r.code === 'modic_1');
    expect(reason?.text).toMatch(/infection/i);
    const older = assessIntake({ age: 70, redFlags: {}, mriReport: 'Modic type 1 changes at L4-5.' });
    expect(older.reasons.find((r) => r.code === 'modic_1')?.text).not.toMatch(/mimic/i);
  });

  it('adds combination reasons: cancer history with thoracic pain, night pain or new neurology', () => {
    const a = assessIntake({ age: 62, redFlags: { cancer_history: true, night_pain: true, gait_balance: true }, regions: ['mid_back'] });
    const rules = a.reasons.map((r) => r.rule);
    expect(rules).toEqual(expect.arrayContaining(['cancer_with_neuro', 'cancer_with_night_pain_or_weight_loss', 'cancer_with_thoracic_pain', 'age_over_50_with_tumour_signs', 'age_over_55']));
    expect(a.urgency).toBe('urgent');
  });

  it('flags infection risk and fragility-fracture risk combinations', () => {
    expect(assessIntake({ age: 40, redFlags: { fever_unwell: true, immunosuppressed: true } }).reasons.map((r) => r.rule)).toContain('fever_with_infection_risk');
    expect(assessIntake({ age: 70, redFlags: { steroid_osteoporosis: true } }).reasons.map((r) => r.rule)).toContain('fragility_fracture_risk');
  });
});

describe('assessIntake: the forum seed cases', () => {
  it('left scapula (no MRI, no red flags) is routine with no reasons', () => {
    expect(assessIntake(LEFT_SCAPULA_CASE)).toEqual({ urgency: 'routine', reasons: [], mriFindings: [], unreadMri: [] });
  });

  it('right scapula (Modic 1 and height loss at T5, T7) is routine, with both findings for review', () => {
    const a = assessIntake(RIGHT_SCAPULA_CASE);
    expect(a.urgency).toBe('routine');
    expect(a.reasons.map((r) => [r.code, r.source])).toEqual([
      ['vertebral_height_loss', 'mri'],
      ['modic_1', 'mri'],
    ]);
    expect(a.reasons[0].text).toContain('T5, T7');
  });
});
