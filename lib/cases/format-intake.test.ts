import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatCalendarMonth, formatDateTime } from './format-intake';

describe('dates shown to people (one format, never ISO)', () => {
  it('writes a day and a month the way formatDateTime writes dates', () => {
    expect(formatCalendarDate('1994-03-12')).toBe('12 Mar 1994');
    expect(formatCalendarMonth('2018-09')).toBe('Sept 2018');
    expect(formatDateTime(new Date('1994-03-12T10:42:00Z'), 'UTC')).toMatch(/^12 Mar 1994/);
  });

  it('leaves half-typed or impossible values as they are', () => {
    expect(formatCalendarDate('1994-02-30')).toBe('1994-02-30');
    expect(formatCalendarDate('')).toBe('');
    expect(formatCalendarMonth('2018-13')).toBe('2018-13');
  });
});
