import { describe, expect, it } from 'vitest';
import { ageOn } from './age';

describe('ageOn', () => {
  it('counts whole years, a year more from the birthday itself', () => {
    expect(ageOn('1994-03-12', new Date('2026-03-11T23:59:00Z'))).toBe(31);
    expect(ageOn('1994-03-12', new Date('2026-03-12T00:00:00Z'))).toBe(32);
    expect(ageOn('1994-03-12', new Date('2026-03-12T12:00:00Z'))).toBe(32);
  });

  it('ages someone born on 29 Feb on 1 Mar in a common year and on 29 Feb in a leap year', () => {
    expect(ageOn('2000-02-29', new Date('2001-02-28T12:00:00Z'))).toBe(0);
    expect(ageOn('2000-02-29', new Date('2001-03-01T00:00:00Z'))).toBe(1);
    expect(ageOn('2000-02-29', new Date('2004-02-28T12:00:00Z'))).toBe(3);
    expect(ageOn('2000-02-29', new Date('2004-02-29T00:00:00Z'))).toBe(4);
  });

  it('is 0 on the day of birth and unknown (null) for a birth date after the day asked about', () => {
    expect(ageOn('2026-03-12', new Date('2026-03-12T08:00:00Z'))).toBe(0);
    expect(ageOn('2026-03-13', new Date('2026-03-12T08:00:00Z'))).toBeNull();
    expect(ageOn('2030-01-01', new Date('2026-03-12T08:00:00Z'))).toBeNull();
  });

  it('is unknown (null) for a missing, malformed, impossible or implausible date', () => {
    expect(ageOn(null)).toBeNull();
    expect(ageOn(undefined)).toBeNull();
    expect(ageOn('')).toBeNull();
    expect(ageOn('not a date')).toBeNull();
    expect(ageOn('1994-02-30')).toBeNull();
    expect(ageOn('1890-01-01', new Date('2026-03-12T08:00:00Z'))).toBeNull();
  });
});
