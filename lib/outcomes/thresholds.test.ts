import { describe, expect, it } from 'vitest';
import { isWorse, psfsMean, trend, worseReasons, type TrendCheckIn } from './thresholds';

const psfs = (...scores: number[]) => scores.map((score, i) => ({ activity: `activity ${i + 1}`, score }));
const at = (week: number, s: Partial<TrendCheckIn>, submitted = true): TrendCheckIn => ({
  dueAt: new Date(Date.UTC(2026, 0, 1 + week * 7)),
  submittedAt: submitted ? new Date(Date.UTC(2026, 0, 1 + week * 7)) : null,
  ...s,
});

describe('isWorse (clinically important worsening)', () => {
  it('pain now up by 2 points is worse; by 1 point is not', () => {
    expect(isWorse({ painNow: 3 }, { painNow: 5 })).toBe(true);
    expect(isWorse({ painNow: 3 }, { painNow: 4 })).toBe(false);
    expect(isWorse({ painNow: 5 }, { painNow: 3 })).toBe(false);
  });

  it('the PSFS mean down by 2 is worse; by 1.67 is not', () => {
    expect(psfsMean(psfs(6, 6, 6))).toBe(6);
    expect(worseReasons({ psfs: psfs(6, 6, 6) }, { psfs: psfs(4, 4, 4) })).toEqual(['psfs_down']);
    expect(isWorse({ psfs: psfs(6, 6, 6) }, { psfs: psfs(4, 5, 4) })).toBe(false);
  });

  it('a global rating of −3 or lower is worse with or without a previous check-in; −2 is not', () => {
    expect(worseReasons(null, { globalChange: -3 })).toEqual(['global_much_worse']);
    expect(isWorse(null, { globalChange: -7 })).toBe(true);
    expect(isWorse(null, { globalChange: -2 })).toBe(false);
  });

  it('without a previous answer, pain and PSFS cannot be compared', () => {
    expect(isWorse(null, { painNow: 10, psfs: psfs(0, 0, 0), globalChange: 0 })).toBe(false);
  });

  it('lists every reason at once', () => {
    expect(worseReasons({ painNow: 2, psfs: psfs(8, 8) }, { painNow: 6, psfs: psfs(3, 3), globalChange: -5 })).toEqual(['pain_up', 'psfs_down', 'global_much_worse']);
  });
});

describe('trend', () => {
  it('is null before any check-in is submitted', () => {
    expect(trend([])).toBeNull();
    expect(trend([at(1, { painNow: 3 }, false)])).toBeNull();
  });

  it('compares the latest submitted check-in with the first, in due order whatever the input order', () => {
    const improving = [at(4, { painNow: 3, psfs: psfs(6, 7, 6), globalChange: 2 }), at(1, { painNow: 6, psfs: psfs(3, 4, 3), globalChange: 0 }), at(2, { painNow: 5 })];
    expect(trend(improving)).toBe('better');
    expect(trend([at(1, { painNow: 3 }), at(2, { painNow: 6 })])).toBe('worse');
    expect(trend([at(1, { painNow: 3, globalChange: 1 }), at(2, { painNow: 4, globalChange: 1 })])).toBe('same');
  });

  it('an unsubmitted later check-in does not count', () => {
    expect(trend([at(1, { painNow: 6 }), at(2, { painNow: 3 }), at(4, { painNow: null }, false)])).toBe('better');
  });

  it('one check-in against the intake baseline; worse wins when the measures disagree', () => {
    expect(trend([at(1, { painNow: 4, globalChange: 0 })], { painNow: 6 })).toBe('better');
    expect(trend([at(1, { painNow: 2, globalChange: -4 })], { painNow: 6 })).toBe('worse');
    expect(trend([at(1, { painNow: 5, globalChange: 3 })])).toBe('better');
  });

  it('with a baseline, pain is compared with the intake and the PSFS with the first check-in', () => {
    const checkIns = [at(1, { painNow: 5, psfs: psfs(6, 6, 6) }), at(2, { painNow: 5, psfs: psfs(3, 3, 3) })];
    expect(trend(checkIns, { painNow: 5 })).toBe('worse');
    expect(trend([at(1, { painNow: 5, psfs: psfs(2, 2, 2) }), at(2, { painNow: 5, psfs: psfs(5, 5, 5) })], { painNow: 5 })).toBe('better');
  });
});
