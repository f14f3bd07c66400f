import { describe, expect, it } from 'vitest';
import { assessIntake } from '@/lib/triage';
import { cutReport, type ReportPiece } from './highlight';

const text = (report: string, pieces: ReportPiece[]) => pieces.map((p) => `${p.kind}:${report.slice(p.start, p.end)}`);

describe('cutReport', () => {
  it('marks the engine’s unread sentences apart from its findings, covering the report once', () => {
    const report = 'L4-L5: mild disc bulge. A small Tarlov cyst is noted at S2. The conus ends at L1.';
    const a = assessIntake({ age: 40, redFlags: {}, mriReport: report });
    expect(a.unreadMri.map((u) => u.evidence)).toContain('A small Tarlov cyst is noted at S2.');
    const pieces = cutReport(a.mriFindings, a.unreadMri, report.length);
    expect(pieces.map((p) => report.slice(p.start, p.end)).join('')).toBe(report);
    expect(text(report, pieces)).toContain('unread:A small Tarlov cyst is noted at S2.');
    expect(text(report, pieces)).toContain('finding:L4-L5: mild disc bulge.');
  });

  it('never marks text twice: an unread range overlapping a finding keeps only the part outside it', () => {
    const report = 'aaaa bbbb cccc dddd';
    const pieces = cutReport([{ start: 5, end: 9 }], [{ start: 0, end: 14 }, { start: 12, end: 19 }], report.length);
    expect(text(report, pieces)).toEqual(['unread:aaaa ', 'finding:bbbb', 'unread: cccc', 'unread: dddd']);
    expect(pieces.filter((p) => p.kind === 'unread').map((p) => (p.kind === 'unread' ? p.unread : -1))).toEqual([0, 0, 1]);
  });

  it('clamps ranges to the report', () => {
    const pieces = cutReport([], [{ start: -3, end: 99 }], 5);
    expect(pieces).toEqual([{ kind: 'unread', start: 0, end: 5, unread: 0 }]);
  });
});
