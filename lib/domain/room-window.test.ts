import { describe, expect, it } from 'vitest';
import { formatCountdown, roomPhase, roomWindow } from './room-window';

const start = Date.parse('2026-11-24T15:00:00Z');
const end = Date.parse('2026-11-24T15:45:00Z');
const min = 60_000;

describe('room window', () => {
  const w = roomWindow(new Date(start), new Date(end));

  it('opens 10 minutes before the start and closes 30 minutes after the end', () => {
    expect(w.opensAt).toBe(start - 10 * min);
    expect(w.closesAt).toBe(end + 30 * min);
  });

  it('is closed until the opening minute, open from it, and ended from the closing minute', () => {
    expect(roomPhase(w.opensAt - 1, w)).toBe('before');
    expect(roomPhase(w.opensAt, w)).toBe('open');
    expect(roomPhase(start, w)).toBe('open');
    expect(roomPhase(end + 29 * min, w)).toBe('open');
    expect(roomPhase(w.closesAt - 1, w)).toBe('open');
    expect(roomPhase(w.closesAt, w)).toBe('ended');
  });

  it('formats the wait for the countdown', () => {
    expect(formatCountdown(3_900_000)).toBe('1 h 05 min');
    expect(formatCountdown(249_000)).toBe('4 min 09 s');
    expect(formatCountdown(12_000)).toBe('12 s');
    expect(formatCountdown(11_001)).toBe('12 s');
    expect(formatCountdown(-5)).toBe('0 s');
  });
});
