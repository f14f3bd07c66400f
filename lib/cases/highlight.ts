import type { MriFinding } from '@/lib/triage';

export interface HighlightSpan {
  start: number;
  end: number;
  /** Indexes into the findings array of every finding whose evidence lies in this span. */
  findings: number[];
}

/**
 * Merges the findings' evidence ranges into sorted, non-overlapping spans (one sentence often carries several
 * findings: "Slight loss of height and Modic type 1 changes at T5 and T7"), clamped to the report. The patient's
 * preview (components/intake/mri-highlights) and the clinician's view (components/queue/mri-report-view) both cut the
 * report with it, so they mark the same sentences.
 */
export function mergeSpans(findings: readonly Pick<MriFinding, 'start' | 'end'>[], length: number): HighlightSpan[] {
  const ranges = findings
    .map((f, i) => ({ start: Math.max(0, f.start), end: Math.min(length, f.end), i }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: HighlightSpan[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r.start < last.end) {
      last.end = Math.max(last.end, r.end);
      last.findings.push(r.i);
    } else out.push({ start: r.start, end: r.end, findings: [r.i] });
  }
  return out;
}
