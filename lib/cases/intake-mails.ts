import type { MailMessage } from '@/lib/mail';
import { renderMail } from '@/lib/mail/layout';
import { EMERGENCY_GUIDANCE, URGENCY_GUIDANCE } from '@/lib/triage';
import { AREA_LABELS, type ClinicalArea } from '@/lib/domain/areas';
import type { Urgency } from '@/lib/domain/case';

/*
 * Mail bodies carry no health details beyond urgency and body area: mail is not a secure channel. The reader
 * follows the link and signs in to see the case.
 */

const URGENCY_WORD: Record<Urgency, string> = { emergency: 'EMERGENCY', urgent: 'Urgent', routine: 'Routine' };

function areasText(areas: readonly ClinicalArea[]): string {
  return areas.map((a) => AREA_LABELS[a]).join(', ') || 'unspecified area';
}

export function patientConfirmationMail(opts: { to: string; name: string; caseUrl: string; urgency: Urgency; onCallAlerted?: number }): MailMessage {
  const guidance = URGENCY_GUIDANCE[opts.urgency];
  const paragraphs =
    opts.urgency === 'emergency'
      ? [
          EMERGENCY_GUIDANCE.body,
          opts.onCallAlerted
            ? `Hello ${opts.name}, we received your case and our on-call clinician has been alerted.`
            : `Hello ${opts.name}, we received your case. It is at the top of our queue, but no on-call clinician could be alerted at this moment: do not wait for us.`,
        ]
      : [`Hello ${opts.name}, we received your case.`, guidance.body, 'You can follow your case and read the team’s reply on your case page.'];
  const { html, text } = renderMail({
    heading: opts.urgency === 'emergency' ? EMERGENCY_GUIDANCE.title : 'We received your case',
    paragraphs,
    action: { label: 'Open your case', url: opts.caseUrl },
  });
  return {
    to: opts.to,
    subject: opts.urgency === 'emergency' ? `${EMERGENCY_GUIDANCE.title}: we received your case` : 'We received your case',
    text,
    html,
  };
}

export function clinicianAssignedMail(opts: { to: string; caseUrl: string; urgency: Urgency; areas: readonly ClinicalArea[] }): MailMessage {
  const { html, text } = renderMail({
    heading: `New ${URGENCY_WORD[opts.urgency].toLowerCase()} case assigned to you`,
    paragraphs: [`A new case (${areasText(opts.areas)}) was routed to you. Open it to review the intake and the triage result.`],
    action: { label: 'Review the case', url: opts.caseUrl },
  });
  return { to: opts.to, subject: `New ${URGENCY_WORD[opts.urgency].toLowerCase()} case assigned to you`, text, html };
}

export function poolCaseMail(opts: { to: string; caseUrl: string; urgency: Urgency; areas: readonly ClinicalArea[] }): MailMessage {
  const { html, text } = renderMail({
    heading: `New ${URGENCY_WORD[opts.urgency].toLowerCase()} case in the pool`,
    paragraphs: [
      `A new case (${areasText(opts.areas)}) could not be routed to one clinician and is waiting in the shared pool. ` +
        'You cover this area: claim it if you have room.',
    ],
    action: { label: 'Open the case', url: opts.caseUrl },
  });
  return { to: opts.to, subject: `New ${URGENCY_WORD[opts.urgency].toLowerCase()} case in the pool`, text, html };
}

/** How to reach the patient, for the on-call alert: contact details are what the on-call clinician needs at once. */
export interface PatientContact {
  name: string;
  phone: string;
  /** The patient's answer to "may we phone you?" (null: not asked). */
  mayCall: boolean | null;
  email: string;
}

function contactLines(c: PatientContact): string[] {
  return [
    `Patient: ${c.name}`,
    `Phone: ${c.phone} — ${c.mayCall === false ? 'the patient asked NOT to be phoned; use email unless life is at risk' : c.mayCall ? 'the patient agreed to be phoned' : 'the patient was not asked whether we may phone'}`,
    `Email: ${c.email}`,
  ];
}

export function emergencyAlertMail(opts: { to: string; caseUrl: string; areas: readonly ClinicalArea[]; contact?: PatientContact; incomplete?: boolean }): MailMessage {
  const { html, text } = renderMail({
    heading: opts.incomplete ? 'EMERGENCY (intake not finished): contact the patient now' : 'EMERGENCY case: review now',
    paragraphs: [
      opts.incomplete
        ? "A patient answered yes to an emergency question on the intake's safety screen. They have not finished the intake; the case holds their contact details and safety answers so far. The patient was told to call emergency services or go to A&E now."
        : `A patient's safety screen shows emergency signs (${areasText(opts.areas)}). The patient was told to seek emergency care now.`,
      ...(opts.contact ? contactLines(opts.contact) : []),
      'Please contact the patient and review the case at once.',
    ],
    action: { label: 'Open the case now', url: opts.caseUrl },
  });
  return { to: opts.to, subject: opts.incomplete ? 'EMERGENCY (intake not finished): contact the patient now' : 'EMERGENCY case: review now', text, html };
}
