import { ButtonLink } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { formatInZone, formatTime } from '@/lib/booking/format';
import type { NextStep } from '@/lib/cases/next-step';
import { URGENCY_GUIDANCE } from '@/lib/triage';
import { ROOM_OPENS_MINUTES_BEFORE } from '@/lib/domain/room-window';
import type { Urgency } from '@/lib/domain/case';
import { bookConsultPath, bookingPagePath, consultRoomPath } from '@/lib/urls';

const SAFETY_NET =
  'If things get worse — new numbness, weakness, or problems with your bladder or bowels — call your emergency number or go to an emergency department now.';

/** The top of a patient's case page: what happens now and the one action that moves it on. */
export function CaseNextStep({ step, caseId, urgency, timeZone, reviewDueAt }: { step: NextStep; caseId: string; urgency: Urgency; timeZone: string; reviewDueAt: Date }) {
  const content = describe(step, caseId, urgency, timeZone, reviewDueAt);
  return (
    <section
      aria-labelledby="next-step-heading"
      data-testid="next-step"
      data-step={step.kind}
      data-urgency={urgency}
      className={cn('rounded-xl p-4 sm:p-5', urgency === 'urgent' && step.kind === 'waiting' ? 'border-2 border-amber-600 bg-amber-50' : 'border border-brand-100 bg-brand-50')}
    >
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-800">Next step</p>
      <h2 id="next-step-heading" className="mt-1 text-lg font-semibold">
        {content.title}
      </h2>
      <p className="mt-1">{content.body}</p>
      {content.action && (
        <div className="mt-3 flex flex-col gap-2 sm:flex-row">
          <ButtonLink href={content.action.href}>{content.action.label}</ButtonLink>
          {content.secondary && (
            <ButtonLink href={content.secondary.href} variant="secondary">
              {content.secondary.label}
            </ButtonLink>
          )}
        </div>
      )}
      {step.kind !== 'closed' && urgency !== 'emergency' && <p className="mt-3 text-sm text-muted">{SAFETY_NET}</p>}
    </section>
  );
}

interface Link {
  label: string;
  href: string;
}

function describe(step: NextStep, caseId: string, urgency: Urgency, tz: string, reviewDueAt: Date): { title: string; body: string; action?: Link; secondary?: Link } {
  switch (step.kind) {
    case 'waiting': {
      const g = URGENCY_GUIDANCE[urgency];
      // The review time is the case's own SLA (the lead can change SLAs), not a fixed "24 hours".
      if (!step.reviewing && urgency === 'urgent') {
        return { title: g.title, body: `Some of your answers need a closer look. A clinician aims to review your case by ${formatInZone(reviewDueAt, tz)}.` };
      }
      if (!step.reviewing) return { title: g.title, body: g.body };
      return { title: 'A clinician is reading your case', body: 'They will send advice, suggest a video consult, or refer you. We email you as soon as they reply.' };
    }
    case 'book':
      return {
        title: 'Book your video consult',
        body: 'The team recommends a video consult for your case. Choose a time that suits you; the clinician reads your story before you meet.',
        action: { label: 'Book a consult', href: bookConsultPath(caseId) },
      };
    case 'finish_payment':
      return {
        title: 'Finish paying to confirm your consult',
        body: `We are holding your time until ${formatTime(step.holdExpiresAt.getTime(), tz)}. It is not booked until you pay.`,
        action: { label: 'See your booking', href: bookingPagePath(step.bookingId) },
      };
    case 'join':
      return step.roomOpen
        ? {
            title: 'Your video consult is starting',
            body: `The room is open now (start: ${formatInZone(step.startsAt, tz)}).`,
            action: { label: 'Join the video room', href: consultRoomPath(step.bookingId) },
            secondary: { label: 'See your booking', href: bookingPagePath(step.bookingId) },
          }
        : {
            title: 'Your video consult is booked',
            body: `${formatInZone(step.startsAt, tz, { dateStyle: 'full' })}. The room opens ${ROOM_OPENS_MINUTES_BEFORE} minutes before the start; the link is also in your confirmation email.`,
            action: { label: 'See your booking', href: bookingPagePath(step.bookingId) },
            secondary: { label: 'Video room', href: consultRoomPath(step.bookingId) },
          };
    case 'consult_done':
      return {
        title: 'Your consult has taken place',
        body: 'Your clinician’s summary and any messages from the team are below. Write to them here if anything is unclear.',
        action: { label: 'See your booking', href: bookingPagePath(step.bookingId) },
      };
    case 'read_advice':
      return { title: 'Read the team’s advice', body: 'Your clinician has sent you advice. It is in the messages below; you can reply there.', action: { label: 'Read the advice', href: '#messages-heading' } };
    case 'follow_referral':
      return {
        title: 'Get seen by medical care',
        body: 'The team recommends that a doctor sees you. Their message below says why and how soon.',
        action: { label: 'Read why', href: '#messages-heading' },
      };
    case 'closed':
      return { title: 'This case is closed', body: 'If the pain comes back or something new starts, tell us about it in a new intake.', action: { label: 'Tell us about new pain', href: '/intake' } };
  }
}
