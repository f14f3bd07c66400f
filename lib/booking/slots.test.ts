import { describe, expect, it } from 'vitest';
import type { WeeklyRule } from '@/lib/domain/availability';
import { computeSlots, isOfferedSlot, workingWindows, type SlotInput } from './slots';

const weekdays = (startMinute: number, endMinute: number): WeeklyRule[] =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute, endMinute }));

const base = (over: Partial<SlotInput> = {}): SlotInput => ({
  timezone: 'Europe/London',
  rules: weekdays(9 * 60, 12 * 60),
  overrides: [],
  busy: [],
  durationMinutes: 45,
  bufferAfterMinutes: 15,
  minNoticeMinutes: 0,
  horizonDays: 365,
  from: Date.parse('2026-03-23T00:00:00Z'),
  to: Date.parse('2026-03-24T00:00:00Z'),
  now: Date.parse('2026-03-01T00:00:00Z'),
  ...over,
});
const starts = (input: SlotInput) => computeSlots(input).map((s) => new Date(s.startsAt).toISOString());

describe('computeSlots', () => {
  it('offers the morning on an hourly grid (45 min + 15 min buffer) ending inside working hours', () => {
    expect(starts(base())).toEqual(['2026-03-23T09:00:00.000Z', '2026-03-23T10:00:00.000Z', '2026-03-23T11:00:00.000Z']);
    const [first] = computeSlots(base());
    expect(first!.endsAt - first!.startsAt).toBe(45 * 60_000);
  });

  it('keeps 09:00 local across the UK DST change: 09:00Z the week before, 08:00Z the week after', () => {
    const after = base({ from: Date.parse('2026-03-30T00:00:00Z'), to: Date.parse('2026-03-31T00:00:00Z') });
    expect(starts(after)).toEqual(['2026-03-30T08:00:00.000Z', '2026-03-30T09:00:00.000Z', '2026-03-30T10:00:00.000Z']);
  });

  it('counts the real length of a Sunday shift that spans the New York spring-forward gap', () => {
    const input = base({
      timezone: 'America/New_York',
      rules: [{ weekday: 0, startMinute: 60, endMinute: 4 * 60 }], // 01:00-04:00 local, only 2 real hours on 8 Mar 2026
      durationMinutes: 60,
      bufferAfterMinutes: 0,
      from: Date.parse('2026-03-08T00:00:00Z'),
      to: Date.parse('2026-03-09T00:00:00Z'),
    });
    expect(starts(input)).toEqual(['2026-03-08T06:00:00.000Z', '2026-03-08T07:00:00.000Z']);
  });

  it('offers the extra hour of an autumn fall-back night shift', () => {
    const input = base({
      rules: [{ weekday: 0, startMinute: 0, endMinute: 3 * 60 }], // 00:00-03:00 local on 25 Oct 2026 = 4 real hours
      durationMinutes: 60,
      bufferAfterMinutes: 0,
      from: Date.parse('2026-10-24T12:00:00Z'),
      to: Date.parse('2026-10-26T00:00:00Z'),
    });
    expect(starts(input)).toEqual([
      '2026-10-24T23:00:00.000Z',
      '2026-10-25T00:00:00.000Z',
      '2026-10-25T01:00:00.000Z',
      '2026-10-25T02:00:00.000Z',
    ]);
  });

  it('removes slots whose consult or buffer would overlap a booking (the booking blocks up to its own buffer end)', () => {
    const busy = [{ start: Date.parse('2026-03-23T10:00:00Z'), end: Date.parse('2026-03-23T11:00:00Z') }];
    expect(starts(base({ busy }))).toEqual(['2026-03-23T09:00:00.000Z', '2026-03-23T11:00:00.000Z']);
    // A 30-minute busy block at 09:50 also takes 09:00 (its buffer would run into it).
    const busy2 = [{ start: Date.parse('2026-03-23T09:50:00Z'), end: Date.parse('2026-03-23T09:55:00Z') }];
    expect(starts(base({ busy: busy2 }))).toEqual(['2026-03-23T10:00:00.000Z', '2026-03-23T11:00:00.000Z']);
  });

  it('applies minimum notice and the booking horizon', () => {
    const now = Date.parse('2026-03-23T08:30:00Z');
    expect(starts(base({ now, minNoticeMinutes: 60 }))).toEqual(['2026-03-23T10:00:00.000Z', '2026-03-23T11:00:00.000Z']);
    const far = base({ now: Date.parse('2026-03-01T00:00:00Z'), horizonDays: 7 });
    expect(starts(far)).toEqual([]);
  });

  it('lets a date override replace the weekly hours, or close the day', () => {
    const special = base({ overrides: [{ date: '2026-03-23', startMinute: 14 * 60, endMinute: 16 * 60 }] });
    expect(starts(special)).toEqual(['2026-03-23T14:00:00.000Z', '2026-03-23T15:00:00.000Z']);
    const closed = base({ overrides: [{ date: '2026-03-23', startMinute: null, endMinute: null }] });
    expect(starts(closed)).toEqual([]);
    // An override on a weekend opens it.
    const saturday = base({
      overrides: [{ date: '2026-03-28', startMinute: 10 * 60, endMinute: 11 * 60 }],
      from: Date.parse('2026-03-28T00:00:00Z'),
      to: Date.parse('2026-03-29T00:00:00Z'),
    });
    expect(starts(saturday)).toEqual(['2026-03-28T10:00:00.000Z']);
  });

  it('treats time off like a booking', () => {
    const busy = [{ start: Date.parse('2026-03-23T00:00:00Z'), end: Date.parse('2026-03-23T10:30:00Z') }];
    expect(starts(base({ busy }))).toEqual(['2026-03-23T11:00:00.000Z']);
  });

  it('uses the local date of the clinician, not UTC: Monday hours in Sydney start on Sunday in UTC', () => {
    const input = base({
      timezone: 'Australia/Sydney',
      rules: [{ weekday: 1, startMinute: 9 * 60, endMinute: 10 * 60 }],
      from: Date.parse('2026-06-14T00:00:00Z'), // Sunday UTC
      to: Date.parse('2026-06-15T00:00:00Z'),
    });
    expect(starts(input)).toEqual(['2026-06-14T23:00:00.000Z']); // Monday 15 June 09:00 AEST
  });

  it('only returns slots starting within [from, to)', () => {
    const input = base({ from: Date.parse('2026-03-23T10:00:00Z'), to: Date.parse('2026-03-23T11:00:00Z') });
    expect(starts(input)).toEqual(['2026-03-23T10:00:00.000Z']);
  });

  it('merges overlapping rules so slots never repeat', () => {
    const input = base({ rules: [...weekdays(9 * 60, 11 * 60), ...weekdays(10 * 60, 12 * 60)] });
    expect(starts(input)).toEqual(['2026-03-23T09:00:00.000Z', '2026-03-23T10:00:00.000Z', '2026-03-23T11:00:00.000Z']);
    expect(workingWindows(input)).toHaveLength(1);
  });

  it('recognises offered slots and refuses times off the grid', () => {
    const { from: _f, to: _t, ...policy } = base();
    expect(isOfferedSlot(policy, Date.parse('2026-03-23T10:00:00Z'))).toBe(true);
    expect(isOfferedSlot(policy, Date.parse('2026-03-23T10:10:00Z'))).toBe(false);
    expect(isOfferedSlot(policy, Date.parse('2026-03-23T13:00:00Z'))).toBe(false);
    const timeOff = [{ start: Date.parse('2026-03-23T09:30:00Z'), end: Date.parse('2026-03-23T10:30:00Z') }];
    expect(isOfferedSlot({ ...policy, busy: timeOff }, Date.parse('2026-03-23T10:00:00Z'))).toBe(false);
  });
});
