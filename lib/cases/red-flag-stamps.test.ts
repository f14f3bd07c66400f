import { describe, expect, it } from 'vitest';
import { stampRedFlagAnswers } from './red-flag-stamps';

describe('stampRedFlagAnswers', () => {
  const t1 = new Date('2026-12-01T06:00:00Z');
  const t2 = new Date('2026-12-01T06:05:00Z');
  it('stamps new and changed answers now, keeps the time of unchanged ones, forgets answers taken back', () => {
    const first = stampRedFlagAnswers(null, null, { saddle_numbness: false, night_pain: true, bogus: true }, t1);
    expect(first).toEqual({ saddle_numbness: t1.toISOString(), night_pain: t1.toISOString() });
    const second = stampRedFlagAnswers({ saddle_numbness: false, night_pain: true }, first, { saddle_numbness: true, night_pain: true, weight_loss: false }, t2);
    expect(second).toEqual({ saddle_numbness: t2.toISOString(), night_pain: t1.toISOString(), weight_loss: t2.toISOString() });
    expect(stampRedFlagAnswers({ night_pain: true }, second, {}, t2)).toEqual({});
  });
});
