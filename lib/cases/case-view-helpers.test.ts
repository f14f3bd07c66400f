import { describe, expect, it } from 'vitest';
import { extractMriFindings } from '@/lib/triage';
import { RIGHT_SCAPULA_MRI_REPORT } from '@/lib/triage/mri/corpus';
import { mergeSpans } from './highlight';
import { timelinePoints } from './timeline';

describe('MRI highlight spans', () => {
  it('merge findings of one sentence into one span that still names every finding', () => {
    expect(mergeSpans([{ start: 0, end: 10 }, { start: 0, end: 10 }, { start: 5, end: 14 }, { start: 20, end: 25 }], 100)).toEqual([
      { start: 0, end: 14, findings: [0, 1, 2] },
      { start: 20, end: 25, findings: [3] },
    ]);
  });

  it('highlight exactly the forum report sentences that carry findings', () => {
    const findings = extractMriFindings(RIGHT_SCAPULA_MRI_REPORT);
    const spans = mergeSpans(findings, RIGHT_SCAPULA_MRI_REPORT.length);
    const first = RIGHT_SCAPULA_MRI_REPORT.slice(spans[0].start, spans[0].end);
    expect(first).toContain('Modic type 1');
    expect(spans[0].findings.map((i) => findings[i].code).sort()).toEqual(['modic_1', 'vertebral_height_loss']);
    for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end);
  });
});

describe('episode timeline', () => {
  it('draws first episode → settled → recurrence → ongoing, oldest first', () => {
    const points = timelinePoints([
      { startedOn: '2019-10', notes: 'after bench press' },
      { startedOn: '2018-09', resolvedOn: '2018-11' },
    ]);
    expect(points.map((p) => `${p.when} ${p.title}`)).toEqual(['Sept 2018 First episode began', 'Nov 2018 Settled', 'Oct 2019 Recurrence', 'Now Ongoing']);
  });
});
