'use client';

import { Fragment, useMemo } from 'react';
import { cn } from '@/components/ui/cn';
import { mergeSpans } from '@/lib/cases/highlight';
import { explainFinding, extractMriFindings, FINDING_LABELS, type MriFinding } from '@/lib/triage';

interface Segment {
  start: number;
  end: number;
  findings: number[]; // 1-based numbers in the explanation list (one number per group)
  negatedOnly: boolean;
}

/** One explanation per finding code (and whether it was found or ruled out), however often the report names it. */
export interface FindingGroup {
  first: MriFinding;
  count: number;
  levels: string[];
}

function groupFindings(findings: readonly MriFinding[]): { groups: FindingGroup[]; groupOf: number[] } {
  const groups: FindingGroup[] = [];
  const byKey = new Map<string, number>();
  const groupOf = findings.map((f) => {
    const key = `${f.code}:${f.negated}`;
    let g = byKey.get(key);
    if (g === undefined) {
      g = groups.push({ first: f, count: 0, levels: [] }) - 1;
      byKey.set(key, g);
    }
    const group = groups[g]!;
    group.count += 1;
    for (const l of f.levels) if (!group.levels.includes(l)) group.levels.push(l);
    return g;
  });
  return { groups, groupOf };
}

/** The report cut into plain and marked pieces exactly once: each merged span numbered by the groups it explains. */
function segmentsOf(findings: readonly MriFinding[], groupOf: readonly number[], length: number): Segment[] {
  return mergeSpans(findings, length).map((span) => ({
    start: span.start,
    end: span.end,
    findings: [...new Set(span.findings.map((i) => groupOf[i]! + 1))],
    negatedOnly: span.findings.every((i) => findings[i]!.negated),
  }));
}

/**
 * The report as plain text (React escapes it; never dangerouslySetInnerHTML) with each finding's sentence in a
 * <mark>, numbered, and the plain-language explanation of each finding for the patient's age underneath.
 */
export function MriHighlights({
  report,
  age,
  headingLevel = 3,
  storedFindings,
}: {
  report: string;
  age: number | null;
  headingLevel?: 2 | 3;
  /** The findings stored with a submitted assessment; without them the report is read as the patient types. */
  storedFindings?: readonly MriFinding[];
}) {
  const findings = useMemo(() => storedFindings ?? (report.trim() ? extractMriFindings(report) : []), [report, storedFindings]);
  const { groups, groupOf } = useMemo(() => groupFindings(findings), [findings]);
  const segments = useMemo(() => segmentsOf(findings, groupOf, report.length), [findings, groupOf, report.length]);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  if (!report.trim()) return null;

  const pieces: React.ReactNode[] = [];
  let at = 0;
  segments.forEach((s, i) => {
    if (s.start > at) pieces.push(<Fragment key={`t${i}`}>{report.slice(at, s.start)}</Fragment>);
    pieces.push(
      <mark
        key={`m${i}`}
        className={cn('rounded px-0.5 text-ink', s.negatedOnly ? 'bg-slate-100 underline decoration-dotted' : 'bg-amber-100')}
      >
        {report.slice(s.start, s.end)}
        <sup className="ml-0.5 font-semibold text-brand-800">[{s.findings.join(', ')}]</sup>
      </mark>,
    );
    at = s.end;
  });
  if (at < report.length) pieces.push(<Fragment key="tail">{report.slice(at)}</Fragment>);

  const ageKnown = age !== null && Number.isFinite(age);
  return (
    <section aria-labelledby="mri-findings-heading" className="space-y-4 rounded-xl border border-line bg-white p-4">
      <H id="mri-findings-heading" className="text-lg font-semibold">
        What we read in your report
      </H>
      {findings.length === 0 ? (
        <p className="text-muted">We did not recognise any of the findings we explain. A clinician will still read the whole report.</p>
      ) : (
        <>
          <p className="text-sm text-muted">
            Highlighted sentences contain a finding. The numbers point to the explanations below: one for each kind of
            finding, however often the report mentions it.
            {!ageKnown && ' Add your date of birth in “About you” to see how common each finding is at your age.'}
          </p>
          {/* A long report scrolls in its own box, so the explanations stay within reach instead of pages below. */}
          <div
            className="max-h-96 overflow-y-auto whitespace-pre-wrap break-words rounded-lg bg-canvas p-3 text-sm leading-6"
            data-testid="mri-marked-report"
            role="region"
            aria-label="Your report with the findings marked"
            tabIndex={0}
          >
            {pieces}
          </div>
          <ol className="space-y-3" data-testid="mri-explanations">
            {groups.map(({ first: f, count, levels }, i) => {
              const ex = explainFinding({ ...f, levels }, ageKnown ? age! : 40);
              return (
                <li key={`${f.code}-${f.negated}`} className="rounded-lg border border-line p-3">
                  <p className="font-medium">
                    [{i + 1}] {FINDING_LABELS[f.code]}
                    {levels.length > 0 && <span className="font-normal text-muted"> — {levels.join(', ')}</span>}
                    {f.negated && <span className="font-normal text-muted"> — not found</span>}
                    {count > 1 && <span className="font-normal text-muted"> — mentioned {count} times</span>}
                  </p>
                  <p className="mt-1">{stripPrevalence(ex.patient)}</p>
                  {!f.negated && (
                    <p className="mt-1 text-sm text-muted">
                      <span className="font-medium text-ink">How common without pain at your age: </span>
                      {ex.prevalence && f.concern === 'common'
                        ? ageKnown
                          ? `about ${ex.prevalence.percent} in 100 people around ${ex.prevalence.ageBand} with no back pain have this on a scan. It is often a normal part of getting older, not a sign of damage.`
                          : 'add your date of birth in “About you” to see this.'
                        : 'we have no reliable figure for this finding, so a clinician will look at it together with your story.'}
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}

/** The prevalence sentence is shown as its own labelled note (with the patient's own age band), so drop it here. */
function stripPrevalence(text: string): string {
  return text.replace(/ In a large review[^.]*\.( That review[^.]*\.)?( For younger[^.]*\.)?/, '');
}
