import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { Badge } from '@/components/ui/badge';
import { calendarDayIn, formatCalendarDate, formatDateTime, weeksUntil } from '@/lib/format/dates';
import type { PlanExercise, PlanPhase } from '@/lib/domain/outcomes';
import { checkInPath } from '@/lib/urls';

export interface PlanViewPlan {
  version: number;
  startsOn: string;
  phases: readonly PlanPhase[];
  exercises: readonly PlanExercise[];
  stopIf: string;
  competitionDate: string | null;
}

export interface NextCheckIn {
  id: string;
  dueAt: Date;
  /** Mailed or due: the form takes answers now. */
  open: boolean;
}

/** The plan's "stop and contact us if…" text as a list: one rule a line (a single sentence stays one item). */
function stopRulesOf(stopIf: string): string[] {
  return stopIf
    .split(/\n+/)
    .map((l) => l.replace(/^[\s•*-]+/, '').replace(/^stop and contact us if\s*(you\s)?/i, (_m, you: string | undefined) => (you ? 'you ' : '')).trim())
    .filter(Boolean)
    .map((l) => l.charAt(0).toUpperCase() + l.slice(1));
}

/** "3 × 10–12 · RPE 6": sets × reps (either alone says what it is), then the load notes. */
function exerciseDose(e: PlanExercise): string {
  const volume = e.sets && e.reps ? `${e.sets} × ${e.reps}` : e.sets ? `${e.sets} sets` : e.reps ? `${e.reps} reps` : null;
  return [volume, e.loadNotes ?? null].filter(Boolean).join(' · ');
}

/**
 * A return-to-training plan as the patient reads it (and the clinician sees what the patient sees): the phases as a
 * timeline with today's phase marked, the exercises, what to stop for, the competition and the next check-in.
 */
export function PlanView({
  plan,
  caseId,
  nextCheckIn,
  timeZone,
  now = new Date(),
  audience,
}: {
  plan: PlanViewPlan;
  caseId: string;
  nextCheckIn: NextCheckIn | null;
  timeZone: string;
  now?: Date;
  audience: 'patient' | 'clinician';
}) {
  const today = calendarDayIn(now, timeZone);
  const weeksToMeet = plan.competitionDate ? weeksUntil(plan.competitionDate, now, timeZone) : null;
  const you = audience === 'patient';
  // Staff pages write times in UTC and say so (lib/format/dates formatDateTime without a zone).
  const when = (d: Date) => (you ? formatDateTime(d, timeZone) : formatDateTime(d));
  return (
    <div className="space-y-5">
      <section aria-labelledby={`plan-phases-${caseId}`}>
        <h3 id={`plan-phases-${caseId}`} className="mb-2 font-semibold">
          Phases
        </h3>
        <ol className="space-y-2 border-l-2 border-line pl-4">
          {plan.phases.map((p, i) => {
            const current = p.from <= today && today <= p.to;
            const past = p.to < today;
            return (
              <li
                key={`${p.from}-${i}`}
                aria-current={current ? 'step' : undefined}
                className={cn('relative rounded-lg px-3 py-2', current ? 'border border-brand-600 bg-brand-50' : 'border border-transparent', past && 'text-muted')}
              >
                <span aria-hidden className={cn('absolute -left-[1.4rem] top-3 h-3 w-3 rounded-full border-2', current ? 'border-brand-700 bg-brand-700' : past ? 'border-slate-400 bg-slate-400' : 'border-slate-400 bg-white')} />
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-ink">{p.title}</span>
                  {current && <Badge tone="info">{you ? 'You are here' : 'Current phase'}</Badge>}
                </p>
                <p className="text-sm text-muted">
                  {formatCalendarDate(p.from)} – {formatCalendarDate(p.to)}
                </p>
                {p.notes && <p className="mt-1 whitespace-pre-line text-sm">{p.notes}</p>}
              </li>
            );
          })}
        </ol>
      </section>

      {plan.exercises.length > 0 && (
        <section aria-labelledby={`plan-exercises-${caseId}`}>
          <h3 id={`plan-exercises-${caseId}`} className="mb-2 font-semibold">
            Exercises
          </h3>
          <ul className="divide-y divide-line rounded-lg border border-line">
            {plan.exercises.map((e, i) => (
              <li key={`${e.name}-${i}`} className="px-3 py-2">
                <p className="font-medium">{e.name}</p>
                {exerciseDose(e) && <p className="text-sm text-muted">{exerciseDose(e)}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby={`plan-stop-${caseId}`} className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950">
        <h3 id={`plan-stop-${caseId}`} className="font-semibold">
          {you ? 'Stop and contact us if…' : 'Stop and contact us if… (as the patient reads it)'}
        </h3>
        <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
          {stopRulesOf(plan.stopIf).map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      </section>

      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-medium">Competition</dt>
          <dd>
            {plan.competitionDate ? (
              <>
                {formatCalendarDate(plan.competitionDate)}
                {weeksToMeet !== null && weeksToMeet >= 0 && <span className="text-muted"> · in {weeksToMeet === 0 ? 'under a week' : `${weeksToMeet} week${weeksToMeet === 1 ? '' : 's'}`}</span>}
              </>
            ) : (
              <span className="text-muted">None planned</span>
            )}
          </dd>
        </div>
        <div>
          <dt className="font-medium">Next check-in</dt>
          <dd>
            {!nextCheckIn ? (
              <span className="text-muted">None scheduled</span>
            ) : nextCheckIn.open && you ? (
              <Link href={checkInPath(caseId, nextCheckIn.id)} className="font-medium text-brand-700 underline">
                Fill in your check-in (due {when(nextCheckIn.dueAt)})
              </Link>
            ) : (
              <>
                {nextCheckIn.open ? 'Waiting for the patient since ' : ''}
                {when(nextCheckIn.dueAt)}
                {you && <span className="block text-muted">We email you a link on the day.</span>}
              </>
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
}
