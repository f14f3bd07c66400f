import { describe, expect, it } from 'vitest';
import { formatSpan, slaState } from './format-queue';

describe('queue formatting', () => {
  it('shows SLA countdowns and breaches plainly', () => {
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(slaState('2026-11-24T13:10:00Z', now)).toEqual({ breached: false, soon: false, text: 'due in 3 h 10 min' });
    expect(slaState('2026-11-24T10:40:00Z', now)).toMatchObject({ breached: false, soon: true });
    expect(slaState('2026-11-24T09:35:00Z', now)).toEqual({ breached: true, soon: false, text: 'overdue by 25 min' });
    expect(formatSpan(3 * 86400_000 + 4 * 3600_000)).toBe('3 d 4 h');
  });
});
