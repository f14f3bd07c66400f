import { describe, expect, it } from 'vitest';
import { ageOn, weeksUntil } from './age';

describe('ageOn', () => {
  it('counts a birthday only once it has passed', () => {
    expect(ageOn('1994-03-12', new Date('2026-03-11T12:00:00Z'))).toBe(31);
    expect(ageOn('1994-03-12', new Date('2026-03-12T00:00:00Z'))).toBe(32);
  });
});

describe('weeksUntil', () => {
  it('gives whole weeks until a date', () => {
    expect(weeksUntil('2026-01-15', new Date('2025-11-27T18:00:00Z'))).toBe(7);
    expect(weeksUntil('2025-11-20', new Date('2025-11-27T18:00:00Z'))).toBe(-1);
  });
});
