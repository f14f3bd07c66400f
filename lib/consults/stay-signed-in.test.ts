import { describe, expect, it } from 'vitest';
import { isInAwakeWindow, staySignedInWindows } from './stay-signed-in';

const now = Date.parse('2026-05-10T10:00:00Z');
const M = 60_000;
const consult = (status: string, startsInMin: number) => ({ status, startsAt: new Date(now + startsInMin * M), endsAt: new Date(now + (startsInMin + 45) * M) });

describe("a clinician's idle sign-out waits around a consult they are about to join", () => {
  it('from 15 minutes before a confirmed consult until its room closes (30 minutes after the end)', () => {
    const windows = staySignedInWindows([consult('confirmed', 20)], now);
    expect(windows).toEqual([{ from: now + 5 * M, until: now + 95 * M }]);
    expect(isInAwakeWindow(windows, now)).toBe(false);
    expect(isInAwakeWindow(windows, now + 5 * M)).toBe(true);
    expect(isInAwakeWindow(windows, now + 94 * M)).toBe(true);
    expect(isInAwakeWindow(windows, now + 95 * M)).toBe(false);
  });

  it('ignores holds, cancelled and finished consults', () => {
    expect(staySignedInWindows([consult('pending_payment', 10), consult('cancelled', 10), consult('confirmed', -200)], now)).toEqual([]);
  });
});
