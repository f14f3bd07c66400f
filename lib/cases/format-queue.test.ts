import { describe, expect, it } from 'vitest';
import { ageOn, formatSpan, slaState } from './format-queue';

describe('queue formatting', () => {
  it('computes age on a date, before and after the birthday', () => {
    expect(ageOn('1994-03-12', new Date('2026-03-11T12:00:00Z'))).toBe(31);
    expect(ageOn('1994-03-12', new Date('2026-03-12T12:00:00Z'))).toBe(32);
    expect(ageOn('not a date')).toBeNull();
  });

  it('shows SLA countdowns and breaches plainly', () => {
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(slaState('2026-11-24T13:10:00Z', now)).toEqual({ breached: false, soon: false, text: 'due in 3 h 10 min' });
    expect(slaState('2026-11-24T10:40:00Z', now)).toMatchObject({ breached: false, soon: true });
    expect(slaState('2026-11-24T09:35:00Z', now)).toEqual({ breached: true, soon: false, text: 'overdue by 25 min' });
    expect(formatSpan(3 * 86400_000 + 4 * 3600_000)).toBe('3 d 4 h');
  });
});
