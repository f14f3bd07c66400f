import { describe, expect, it } from 'vitest';
import { calendarDayIn, formatCalendarDate, formatCalendarMonth, formatDateTime, weeksUntil } from './dates';

describe('formatDateTime', () => {
  const at = new Date('2026-11-24T10:42:00Z');

  it('writes the time in the reader’s zone', () => {
    expect(formatDateTime(at, 'Europe/Istanbul')).toBe('24 Nov 2026, 13:42');
    expect(formatDateTime('2026-11-24T10:42:00Z', 'UTC')).toBe('24 Nov 2026, 10:42');
  });

  it('says UTC when no zone is given or the zone is unknown', () => {
    expect(formatDateTime(at)).toBe('24 Nov 2026, 10:42 UTC');
    expect(formatDateTime(at, 'Mars/Olympus')).toBe('24 Nov 2026, 10:42 UTC');
  });
});

describe('calendar dates and months', () => {
  it('writes a day and a month the way formatDateTime writes dates', () => {
    expect(formatCalendarDate('1994-03-12')).toBe('12 Mar 1994');
    expect(formatCalendarMonth('2018-09')).toBe('Sept 2018');
    expect(formatDateTime(new Date('1994-03-12T10:42:00Z'), 'UTC')).toMatch(/^12 Mar 1994/);
  });

  it('names the calendar day an instant falls on in a zone', () => {
    expect(calendarDayIn(Date.parse('2026-11-09T23:30:00Z'), 'Europe/Istanbul')).toBe('2026-11-10');
    expect(calendarDayIn(new Date('2026-11-09T23:30:00Z'))).toBe('2026-11-09');
  });

  it('returns anything that is not a real date unchanged', () => {
    expect(formatCalendarDate('1994-02-30')).toBe('1994-02-30');
    expect(formatCalendarDate('')).toBe('');
    expect(formatCalendarMonth('2018-13')).toBe('2018-13');
  });
});

describe('weeksUntil', () => {
  it('counts whole weeks in calendar days, whatever the time of day', () => {
    expect(weeksUntil('2026-12-29', new Date('2026-11-10T09:00:00Z'))).toBe(7);
    expect(weeksUntil('2026-12-29', new Date('2026-11-10T23:00:00Z'))).toBe(7);
    expect(weeksUntil('2026-01-15', new Date('2025-11-27T18:00:00Z'))).toBe(7);
    expect(weeksUntil('2026-11-16', new Date('2026-11-10T09:00:00Z'))).toBe(0);
  });

  it('counts from today in the given zone', () => {
    // 23:30 UTC on 9 Nov is already 10 Nov in Istanbul: 49 days before 29 Dec there, 50 in UTC.
    expect(weeksUntil('2026-12-28', new Date('2026-11-09T23:30:00Z'), 'Europe/Istanbul')).toBe(6);
    expect(weeksUntil('2026-12-29', new Date('2026-11-09T23:30:00Z'), 'Europe/Istanbul')).toBe(7);
  });

  it('is negative once the date has passed and null for a non-date', () => {
    expect(weeksUntil('2025-11-20', new Date('2025-11-27T18:00:00Z'))).toBe(-1);
    expect(weeksUntil('2026-11-01', new Date('2026-11-10T09:00:00Z'))).toBeLessThan(0);
    expect(weeksUntil('2026-02-30', new Date('2026-01-01T00:00:00Z'))).toBeNull();
  });
});
