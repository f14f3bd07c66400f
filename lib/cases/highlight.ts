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

/** One piece of the report as shown: plain text, a finding span (as mergeSpans gives it), or part of an unread sentence. */
export type ReportPiece =
  | { kind: 'text'; start: number; end: number }
  | ({ kind: 'finding' } & HighlightSpan)
  | { kind: 'unread'; start: number; end: number; /** Index into the unread sentences. */ unread: number };

/**
 * Cuts the report once into plain text, finding spans and unread sentences (CONTRACTS §3 v2 `unreadMri`), in order
 * and without overlap, covering [0, length). The engine never reports a sentence both as a finding and as unread;
 * if ranges ever overlapped, the finding keeps its span and the unread mark covers only the rest, so nothing of an
 * unread sentence goes unmarked and nothing is marked twice.
 */
export function cutReport(
  findings: readonly Pick<MriFinding, 'start' | 'end'>[],
  unread: readonly { start: number; end: number }[],
  length: number,
): ReportPiece[] {
  const marked: ReportPiece[] = mergeSpans(findings, length).map((s) => ({ kind: 'finding', ...s }));
  const spans = marked.slice();
  unread.forEach((u, i) => {
    let from = Math.max(0, u.start);
    const to = Math.min(length, u.end);
    for (const s of spans) {
      if (s.end <= from || s.start >= to) continue;
      if (s.start > from) marked.push({ kind: 'unread', start: from, end: s.start, unread: i });
      from = Math.max(from, s.end);
    }
    if (to > from) marked.push({ kind: 'unread', start: from, end: to, unread: i });
  });
  marked.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: ReportPiece[] = [];
  let at = 0;
  for (const p of marked) {
    // Two unread sentences never overlap in the engine's output; clip defensively so the text is shown once.
    const start = Math.max(p.start, at);
    if (p.end <= start) continue;
    if (start > at) out.push({ kind: 'text', start: at, end: start });
    out.push({ ...p, start });
    at = p.end;
  }
  if (at < length) out.push({ kind: 'text', start: at, end: length });
  return out;
}
