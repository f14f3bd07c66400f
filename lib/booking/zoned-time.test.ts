import { describe, expect, it } from 'vitest';
import { addDays, localDateOf, localMinuteOf, offsetMinutes, parseLocalDate, weekdayOf, zonedToUtc } from './zoned-time';

const iso = (ms: number) => new Date(ms).toISOString();

describe('zonedToUtc', () => {
  it('maps 09:00 London to 09:00Z in winter and 08:00Z in summer (DST starts 29 Mar 2026)', () => {
    expect(iso(zonedToUtc({ year: 2026, month: 3, day: 27 }, 9 * 60, 'Europe/London'))).toBe('2026-03-27T09:00:00.000Z');
    expect(iso(zonedToUtc({ year: 2026, month: 3, day: 30 }, 9 * 60, 'Europe/London'))).toBe('2026-03-30T08:00:00.000Z');
  });

  it('maps 09:00 New York across its own DST start (8 Mar 2026), three weeks before Europe', () => {
    expect(iso(zonedToUtc({ year: 2026, month: 3, day: 6 }, 9 * 60, 'America/New_York'))).toBe('2026-03-06T14:00:00.000Z');
    expect(iso(zonedToUtc({ year: 2026, month: 3, day: 9 }, 9 * 60, 'America/New_York'))).toBe('2026-03-09T13:00:00.000Z');
  });

  it('moves a wall time inside the spring-forward gap past the gap (01:30 London on 29 Mar 2026 → 02:30 BST)', () => {
    expect(iso(zonedToUtc({ year: 2026, month: 3, day: 29 }, 90, 'Europe/London'))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('picks the earlier instant for a repeated wall time (01:30 London on 25 Oct 2026 is BST)', () => {
    expect(iso(zonedToUtc({ year: 2026, month: 10, day: 25 }, 90, 'Europe/London'))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('handles half-hour and southern-hemisphere zones', () => {
    expect(iso(zonedToUtc({ year: 2026, month: 6, day: 1 }, 9 * 60, 'Asia/Kolkata'))).toBe('2026-06-01T03:30:00.000Z');
    // Sydney leaves DST on 5 Apr 2026: 09:00 is 22:00Z the day before in March, 23:00Z after.
    expect(iso(zonedToUtc({ year: 2026, month: 4, day: 3 }, 9 * 60, 'Australia/Sydney'))).toBe('2026-04-02T22:00:00.000Z');
    expect(iso(zonedToUtc({ year: 2026, month: 4, day: 6 }, 9 * 60, 'Australia/Sydney'))).toBe('2026-04-05T23:00:00.000Z');
  });

  it('round-trips every quarter hour of a DST-change day', () => {
    for (const tz of ['Europe/London', 'America/New_York', 'Australia/Lord_Howe']) {
      for (let m = 0; m < 1440; m += 15) {
        const date = tz === 'Australia/Lord_Howe' ? { year: 2026, month: 4, day: 5 } : { year: 2026, month: 3, day: tz === 'Europe/London' ? 29 : 8 };
        const t = zonedToUtc(date, m, tz);
        const back = localMinuteOf(t, tz);
        const sameDay = localDateOf(t, tz);
        // Either the exact wall time, or (inside a gap) a later one on the same day.
        expect(sameDay).toEqual(date);
        expect(back).toBeGreaterThanOrEqual(m);
        expect(back - m).toBeLessThanOrEqual(60);
      }
    }
  });
});

describe('local calendar helpers', () => {
  it('gives the local date across the date line', () => {
    const t = Date.parse('2026-01-01T11:00:00Z');
    expect(localDateOf(t, 'Pacific/Kiritimati')).toEqual({ year: 2026, month: 1, day: 2 });
    expect(localDateOf(t, 'Pacific/Pago_Pago')).toEqual({ year: 2026, month: 1, day: 1 });
    expect(offsetMinutes(t, 'Pacific/Kiritimati')).toBe(14 * 60);
  });

  it('adds days over month ends and knows weekdays', () => {
    expect(addDays({ year: 2026, month: 2, day: 28 }, 1)).toEqual({ year: 2026, month: 3, day: 1 });
    expect(weekdayOf({ year: 2026, month: 11, day: 24 })).toBe(2); // a Tuesday
  });

  it('parses only real dates', () => {
    expect(parseLocalDate('2026-02-29')).toBeNull();
    expect(parseLocalDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseLocalDate('26-1-1')).toBeNull();
  });
});
