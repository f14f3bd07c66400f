'use client';

import { Fragment, useMemo } from 'react';
import { cn } from '@/components/ui/cn';
import { cutReport } from '@/lib/cases/highlight';
import { assessIntake, explainFinding, FINDING_LABELS, type MriFinding, type UnreadMriSentence } from '@/lib/triage';

/** One explanation per finding code (found, possible or ruled out), however often the report names it. */
export interface FindingGroup {
  first: MriFinding;
  count: number;
  levels: string[];
}

function groupFindings(findings: readonly MriFinding[]): { groups: FindingGroup[]; groupOf: number[] } {
  const groups: FindingGroup[] = [];
  const byKey = new Map<string, number>();
  const groupOf = findings.map((f) => {
    // A possible finding is explained as possible, so it never shares an explanation with a stated one.
    const key = `${f.code}:${f.negated}:${f.uncertain === true}`;
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

/** While the patient types there is no stored assessment: the engine reads the report here, as it will on submit. */
function readReport(report: string): { findings: MriFinding[]; unread: UnreadMriSentence[] } {
  if (!report.trim()) return { findings: [], unread: [] };
  const a = assessIntake({ age: Number.NaN, redFlags: {}, mriReport: report });
  return { findings: a.mriFindings, unread: a.unreadMri };
}

const UNREAD_LABEL = 'Not read automatically — a clinician will read it';

/**
 * The report as plain text (React escapes it; never dangerouslySetInnerHTML) with each finding's sentence in a
 * <mark>, numbered, and the plain-language explanation of each finding for the patient's age underneath.
 * Sentences the engine could not read (CONTRACTS §3 v2 `unreadMri`) are labelled, counted at the top, and while any
 * exists nothing on this panel reassures: we cannot say a scan is fine when part of it has not been read.
 */
export function MriHighlights({
  report,
  age,
  headingLevel = 3,
  storedFindings,
  storedUnread,
}: {
  report: string;
  age: number | null;
  headingLevel?: 2 | 3;
  /** The findings stored with a submitted assessment; without them the report is read as the patient types. */
  storedFindings?: readonly MriFinding[];
  /** The unread sentences stored with that assessment ([] for assessments made before they were stored). */
  storedUnread?: readonly UnreadMriSentence[];
}) {
  const { findings, unread } = useMemo(
    () => (storedFindings ? { findings: storedFindings, unread: storedUnread ?? [] } : readReport(report)),
    [report, storedFindings, storedUnread],
  );
  const { groups, groupOf } = useMemo(() => groupFindings(findings), [findings]);
  const pieces = useMemo(() => cutReport(findings, unread, report.length), [findings, unread, report.length]);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  if (!report.trim()) return null;

  const marked = pieces.map((p, i) => {
    const text = report.slice(p.start, p.end);
    if (p.kind === 'text') return <Fragment key={i}>{text}</Fragment>;
    if (p.kind === 'unread') {
      return (
        // On a phone the sentence gets its own box with the label on top: inline, the label wrapped over three lines.
        <mark
          key={i}
          className="my-1 block rounded bg-violet-50 px-2 py-1 text-violet-950 outline-dashed outline-2 outline-offset-1 outline-violet-700 sm:my-0 sm:inline sm:px-0.5 sm:py-0 sm:[box-decoration-break:clone]"
          data-testid="mri-unread"
        >
          <span className="mb-0.5 block w-fit rounded bg-violet-800 px-1 text-xs font-semibold text-white sm:mb-0 sm:mr-1 sm:inline sm:[box-decoration-break:clone]">{UNREAD_LABEL}:</span>
          {text}
        </mark>
      );
    }
    const numbers = [...new Set(p.findings.map((f) => groupOf[f]! + 1))];
    const negatedOnly = p.findings.every((f) => findings[f]!.negated);
    return (
      <mark key={i} className={cn('rounded px-0.5 text-ink', negatedOnly ? 'bg-slate-100 underline decoration-dotted' : 'bg-amber-100')}>
        {text}
        <sup className="ml-0.5 whitespace-nowrap font-semibold text-brand-800">[{numbers.join(', ')}]</sup>
      </mark>
    );
  });

  const ageKnown = age !== null && Number.isFinite(age);
  const unreadCount = unread.length;
  return (
    <section aria-labelledby="mri-findings-heading" className="space-y-4 rounded-xl border border-line bg-white p-4">
      <H id="mri-findings-heading" className="text-lg font-semibold">
        What we read in your report
      </H>
      {unreadCount > 0 && (
        <p className="rounded-lg bg-violet-50 px-3 py-2 text-violet-950 outline-dashed outline-2 outline-violet-700" data-testid="mri-unread-notice">
          <strong>We could not read part of your report automatically</strong> ({unreadCount} sentence{unreadCount === 1 ? '' : 's'}, marked
          below). A clinician will read {unreadCount === 1 ? 'it' : 'them'}. Until then, we cannot tell you what your scan means as a whole, so
          please do not take this page to mean that your scan is normal.
        </p>
      )}
      {findings.length === 0 && <p className="text-muted">We did not recognise any of the findings we explain. A clinician will still read the whole report.</p>}
      {(findings.length > 0 || unreadCount > 0) && (
        <>
          {findings.length > 0 && (
            <p className="text-sm text-muted">
              Highlighted sentences contain a finding. The numbers point to the explanations below: one for each kind of
              finding, however often the report mentions it.
              {!ageKnown && ' Add your date of birth in “About you” to see how common each finding is at your age.'}
            </p>
          )}
          {/* A long report scrolls in its own box, so the explanations stay within reach instead of pages below. */}
          <div
            className="max-h-96 overflow-y-auto whitespace-pre-wrap break-words rounded-lg bg-canvas p-3 text-sm leading-7"
            data-testid="mri-marked-report"
            role="region"
            aria-label="Your report with the findings marked"
            tabIndex={0}
          >
            {marked}
          </div>
          {findings.length > 0 && (
            <ol className="space-y-3" data-testid="mri-explanations">
              {groups.map(({ first: f, count, levels }, i) => {
                const ex = explainFinding({ ...f, levels }, ageKnown ? age! : 40, { unreadSentences: unreadCount });
                const possible = f.uncertain === true && !f.negated;
                return (
                  <li key={`${f.code}-${f.negated}-${possible}`} className="rounded-lg border border-line p-3">
                    <p className="font-medium">
                      [{i + 1}] {FINDING_LABELS[f.code]}
                      {levels.length > 0 && <span className="font-normal text-muted"> — {levels.join(', ')}</span>}
                      {f.negated && <span className="font-normal text-muted"> — not found</span>}
                      {possible && <span className="font-normal text-muted"> — possible, not certain</span>}
                      {count > 1 && <span className="font-normal text-muted"> — mentioned {count} times</span>}
                    </p>
                    <p className="mt-1">{stripPrevalence(ex.patient)}</p>
                    {!f.negated && (
                      <p className="mt-1 text-sm text-muted">
                        <span className="font-medium text-ink">How common without pain at your age: </span>
                        {ex.prevalence && f.concern === 'common'
                          ? ageKnown
                            ? `about ${ex.prevalence.percent} in 100 people around ${ex.prevalence.ageBand} with no back pain have this on a scan.${
                                unreadCount > 0 ? '' : ' It is often a normal part of getting older, not a sign of damage.'
                              }`
                            : 'add your date of birth in “About you” to see this.'
                          : 'we have no reliable figure for this finding, so a clinician will look at it together with your story.'}
                      </p>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

/** The prevalence sentence is shown as its own labelled note (with the patient's own age band), so drop it here. */
function stripPrevalence(text: string): string {
  return text.replace(/ In a large review[^.]*\.( That review[^.]*\.)?( For younger[^.]*\.)?/, '');
}
