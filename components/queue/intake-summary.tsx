import { Card, TitledSection } from '@/components/ui/card';
import { BODY_REGION_LABELS, isBodyRegion, MOVEMENT_LABELS, type MriFinding, type Movement, type UnreadMriSentence } from '@/lib/triage';
import type { IntakeSubmission } from '@/lib/validation/intake';
import { formatCalendarDate, formatCalendarMonth, weeksUntil } from '@/lib/format/dates';
import { EpisodeTimeline } from './episode-timeline';
import { MriReportView } from './mri-report-view';
import { MriUploadView, type MriUploadForView } from './mri-upload-view';

const PRIOR_CARE_LABELS: Record<string, string> = {
  physician: 'Doctor',
  specialist: 'Specialist',
  physiotherapist: 'Physiotherapist',
  chiropractor: 'Chiropractor',
  imaging: 'Imaging',
  other: 'Other',
};

function Section({ title, children, id }: { title: string; children: React.ReactNode; id: string }) {
  return (
    <Card>
      <TitledSection id={id} title={title}>
        {children}
      </TitledSection>
    </Card>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-0.5 py-1.5 sm:grid-cols-3 sm:gap-3">
      <dt className="text-sm font-medium text-muted">{label}</dt>
      <dd className="text-sm sm:col-span-2">{children}</dd>
    </div>
  );
}

type Complaint = IntakeSubmission['complaint'] | undefined;
type Training = IntakeSubmission['training'];

function StorySection({ complaint: c }: { complaint: Complaint }) {
  return (
    <Section title="In their own words" id="sec-story">
      <blockquote className="whitespace-pre-wrap border-l-4 border-brand-600 bg-canvas px-4 py-3 text-base leading-relaxed" data-testid="patient-summary">
        {c?.summary}
      </blockquote>
      <dl className="mt-3 divide-y divide-line">
        <Row label="Started">
          {c?.onsetType === 'sudden' ? 'Suddenly' : c?.onsetType === 'gradual' ? 'Gradually' : 'Not sure'}
          {c?.onsetDate ? `, ${formatCalendarDate(c.onsetDate)}` : ''}
          {c?.mechanism ? ` — ${c.mechanism}` : ''}
        </Row>
        <Row label="Pain">
          now {c?.painNow}/10, worst {c?.painWorst}/10
        </Row>
        <Row label="Worse with">{c?.aggravating?.length ? c.aggravating.map((m) => MOVEMENT_LABELS[m as Movement] ?? m).join(', ') : 'Nothing listed'}</Row>
        {c?.easing && <Row label="Eases with">{c.easing}</Row>}
        {c?.morningStiffness !== undefined && <Row label="Morning stiffness">{c.morningStiffness ? 'Yes' : 'No'}</Row>}
      </dl>
    </Section>
  );
}

function PriorCareSection({ submission: s }: { submission: IntakeSubmission }) {
  return (
    <Section title="Prior care and medications" id="sec-care">
      {s.priorCare?.length ? (
        <ul className="space-y-2 text-sm">
          {s.priorCare.map((p, i) => (
            <li key={i}>
              <strong>{PRIOR_CARE_LABELS[p.kind] ?? p.kind}</strong>
              {p.date ? ` (${formatCalendarMonth(p.date)})` : ''}
              {p.notes ? `: ${p.notes}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">No prior care reported.</p>
      )}
      <h3 className="mb-2 mt-4 font-semibold">Medications</h3>
      {s.medications?.length ? (
        <ul className="space-y-1 text-sm">
          {s.medications.map((m, i) => (
            <li key={i}>
              <strong>{m.name}</strong>
              {m.notes ? `: ${m.notes}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">None reported.</p>
      )}
    </Section>
  );
}

function TrainingSection({ training: t, now }: { training: Training; now: number }) {
  const weeks = t?.nextCompetitionDate ? weeksUntil(t.nextCompetitionDate, new Date(now)) : null;
  return (
    <Section title="Training and goals" id="sec-training">
      {t ? (
        <dl className="divide-y divide-line">
          {t.sport && <Row label="Sport">{t.sport}</Row>}
          {t.yearsTraining !== undefined && <Row label="Years training">{t.yearsTraining}</Row>}
          {t.typicalRpe !== undefined && <Row label="Typical RPE">{t.typicalRpe}</Row>}
          {t.affectedLifts?.length ? <Row label="Lifts affected">{t.affectedLifts.join(', ')}</Row> : null}
          {t.nextCompetitionDate && (
            <Row label="Next competition">
              <span data-testid="competition">
                {formatCalendarDate(t.nextCompetitionDate)} —{' '}
                <strong>{weeks !== null && weeks >= 0 ? `${weeks} week${weeks === 1 ? '' : 's'} away` : 'already past'}</strong>
              </span>
            </Row>
          )}
          {t.goals && <Row label="Goals">{t.goals}</Row>}
        </dl>
      ) : (
        <p className="text-sm text-muted">No training details given.</p>
      )}
    </Section>
  );
}

/** The patient's intake, read-only, in the order a reviewer reads it. */
export function IntakeSummary({
  submission,
  findings,
  unread,
  age,
  now,
  regions,
  mriUpload,
}: {
  /** The uploaded report file and the text read from it, when the patient uploaded one. */
  mriUpload?: MriUploadForView | null;
  submission: Record<string, unknown>;
  findings: MriFinding[];
  unread: readonly UnreadMriSentence[];
  age: number | null;
  now: number;
  regions: string[];
}) {
  const s = submission as unknown as IntakeSubmission;
  const c = s.complaint;
  const t = s.training;
  const marked = (c?.regions?.length ? c.regions : regions) as string[];
  return (
    <>
      <StorySection complaint={c} />

      <Section title="Where it hurts" id="sec-body">
        <ul className="flex flex-wrap gap-2" aria-label="Marked body regions" data-testid="body-regions">
          {marked.map((r, i) => (
            <li key={r} className="rounded-full border border-brand-600 bg-brand-50 px-3 py-1 text-sm font-medium text-brand-800">
              {isBodyRegion(r) ? BODY_REGION_LABELS[r] : r}
              {i === 0 && marked.length > 1 ? ' (main)' : ''}
            </li>
          ))}
        </ul>
      </Section>

      <Section title="MRI report" id="sec-mri">
        {mriUpload && (
          <div className="mb-4 border-b border-line pb-4">
            <MriUploadView upload={mriUpload} />
          </div>
        )}
        {s.imaging?.mriReport ? (
          <MriReportView report={s.imaging.mriReport} findings={findings} unread={unread} age={age} />
        ) : (
          <p className="text-sm text-muted">No MRI report was given.</p>
        )}
      </Section>

      <Section title="Episode timeline" id="sec-episodes">
        <EpisodeTimeline episodes={s.episodes ?? []} onsetDate={c?.onsetDate} />
      </Section>

      <PriorCareSection submission={s} />

      <TrainingSection training={t} now={now} />
    </>
  );
}
