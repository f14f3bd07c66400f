import { explainFinding, FINDING_LABELS, type MriFinding, type UnreadMriSentence } from '@/lib/triage';
import { cn } from '@/components/ui/cn';
import { cutReport } from '@/lib/cases/highlight';

const CONCERN_RANK = { common: 0, review: 1, urgent: 2 } as const;
const MARK: Record<'common' | 'review' | 'urgent' | 'negated', string> = {
  urgent: 'bg-red-100 text-red-950 ring-1 ring-red-400',
  review: 'bg-amber-100 text-amber-950 ring-1 ring-amber-400',
  common: 'bg-sky-100 text-sky-950 ring-1 ring-sky-300',
  negated: 'bg-slate-100 text-slate-800 ring-1 ring-slate-300',
};
/** Unread sentences: a dashed outline and a written label, so they differ from findings by more than colour. */
const UNREAD_MARK = 'bg-violet-50 text-violet-950 outline-dashed outline-2 outline-offset-1 outline-violet-700';
const UNREAD_LABEL = 'Not read by the system — read it yourself';
const CONCERN_TEXT = { urgent: 'Urgent', review: 'Needs review', common: 'Common' } as const;

function spanTone(findings: MriFinding[]): keyof typeof MARK {
  const live = findings.filter((f) => !f.negated);
  if (live.length === 0) return 'negated';
  return live.reduce((a, f) => (CONCERN_RANK[f.concern] > CONCERN_RANK[a] ? f.concern : a), 'common' as MriFinding['concern']);
}

const sentences = (n: number) => `${n} sentence${n === 1 ? '' : 's'}`;

/**
 * The MRI report exactly as the patient pasted it, with every finding's sentence highlighted (colour by concern,
 * numbered to the list below), and per finding the clinician note and how common it is in people without pain at
 * the patient's age (explainFinding, Brinjikji 2015). Sentences the engine could not read (CONTRACTS §3 v2
 * `unreadMri`) are counted above the report and labelled in it: the reviewer reads them; they never pass as normal.
 * Possible findings ("query", "cannot be excluded") are labelled possible, never confirmed or ruled out.
 */
export function MriReportView({ report, findings, unread, age }: { report: string; findings: MriFinding[]; unread: readonly UnreadMriSentence[]; age: number | null }) {
  const parts = cutReport(findings, unread, report.length).map((p, k) => {
    const text = report.slice(p.start, p.end);
    if (p.kind === 'text') return text;
    if (p.kind === 'unread') {
      return (
        // On a phone the sentence gets its own box with the label on top: inline, the label wrapped over three lines.
        <mark key={k} className={cn('my-1 block rounded px-2 py-1 sm:my-0 sm:inline sm:px-0.5 sm:py-0 sm:[box-decoration-break:clone]', UNREAD_MARK)} data-testid="mri-unread">
          <span className="mb-0.5 block w-fit rounded bg-violet-800 px-1 text-xs font-semibold text-white sm:mb-0 sm:mr-1 sm:inline sm:[box-decoration-break:clone]">{UNREAD_LABEL}:</span>
          {text}
        </mark>
      );
    }
    const fs = p.findings.map((i) => findings[i]);
    const possible = fs.some((f) => f.uncertain === true && !f.negated);
    return (
      <mark key={k} className={cn('rounded px-0.5', MARK[spanTone(fs)])} data-testid="mri-highlight">
        {text}
        <sup className="ml-0.5 whitespace-nowrap text-xs font-semibold">
          [{p.findings.map((i) => i + 1).join(',')}
          {possible ? ' possible' : ''}]
        </sup>
      </mark>
    );
  });

  return (
    <div className="space-y-4">
      {unread.length > 0 && (
        <p className={cn('rounded-lg px-3 py-2 text-sm font-medium', UNREAD_MARK)} data-testid="mri-unread-summary">
          <span aria-hidden>⚠ </span>
          {sentences(unread.length)} not read by the system. Read {unread.length === 1 ? 'it' : 'them'} yourself: {unread.length === 1 ? 'it is' : 'they are'} labelled
          “Not read by the system” in the report below. Until you have, the findings listed here are not the whole report.
        </p>
      )}
      <p className="flex flex-wrap gap-2 text-xs" aria-label="Highlight colours">
        <span className={cn('rounded px-1.5 py-0.5', MARK.urgent)}>Urgent finding</span>
        <span className={cn('rounded px-1.5 py-0.5', MARK.review)}>Needs review</span>
        <span className={cn('rounded px-1.5 py-0.5', MARK.common)}>Common finding</span>
        <span className={cn('rounded px-1.5 py-0.5', MARK.negated)}>Stated absent</span>
        {unread.length > 0 && <span className={cn('rounded px-1.5 py-0.5', UNREAD_MARK)}>Not read by the system</span>}
      </p>
      <blockquote className="whitespace-pre-wrap break-words rounded-lg border border-line bg-canvas p-3 text-sm leading-7" data-testid="mri-report">
        {parts}
      </blockquote>
      {findings.length === 0 ? (
        <p className="text-sm text-muted">
          No findings were recognised in this report. Read it in full above.
        </p>
      ) : (
        <ol className="space-y-3" aria-label="MRI findings">
          {findings.map((f, i) => {
            const ex = age !== null ? explainFinding(f, age) : explainFinding(f, 40);
            const tone = f.negated ? 'negated' : f.concern;
            const possible = f.uncertain === true && !f.negated;
            return (
              <li key={i} className="rounded-lg border border-line p-3" data-testid="mri-finding">
                <p className="flex flex-wrap items-center gap-2 font-semibold">
                  <span>
                    {i + 1}. {FINDING_LABELS[f.code]}
                    {f.levels.length ? ` (${f.levels.join(', ')})` : ''}
                  </span>
                  <span className={cn('rounded-full px-2 py-0.5 text-xs', MARK[tone])}>{f.negated ? 'Stated absent' : CONCERN_TEXT[f.concern]}</span>
                  {possible && (
                    <span className="rounded-md border border-dashed border-slate-500 px-2 py-0.5 text-xs" data-testid="mri-finding-possible">
                      Possible — not confirmed, not ruled out
                    </span>
                  )}
                </p>
                <p className="mt-1 text-sm">{ex.clinician}</p>
                {ex.prevalence && !f.negated && (
                  <div className="mt-2 text-sm">
                    <p>
                      In people without pain ({ex.prevalence.ageBand}): <strong>{ex.prevalence.percent} %</strong>
                      {ex.prevalence.uncertain ? ' (secondary source; verify)' : ''}
                    </p>
                    <div className="mt-1 h-2 w-full max-w-xs rounded-full bg-slate-200" aria-hidden>
                      <div className="h-2 rounded-full bg-brand-600" style={{ width: `${Math.min(100, ex.prevalence.percent)}%` }} />
                    </div>
                  </div>
                )}
                {age === null && <p className="mt-1 text-xs text-muted">Age unknown: prevalence shown for age 40.</p>}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
