import type { MailMessage } from '@/lib/mail';
import { renderMail } from '@/lib/mail/layout';

/*
 * Mail bodies carry no health details (mail is not a secure channel): the reader follows the link and signs in.
 */

export function checkInMail(opts: { to: string; name: string | null; url: string; reminder: boolean }): MailMessage {
  const hello = `Hello ${opts.name ?? 'there'},`;
  const subject = opts.reminder ? 'Reminder: your check-in is waiting' : 'Time for your check-in';
  const { html, text } = renderMail({
    heading: subject,
    paragraphs: opts.reminder
      ? [hello, 'A few days ago we asked how you are doing and have not heard back yet. It takes about two minutes and tells your clinician whether your plan is working.']
      : [hello, 'It is time for a short check-in on your return-to-training plan: your pain, the activities you named, and how you are training. It takes about two minutes.'],
    action: { label: 'Open your check-in', url: opts.url },
  });
  return { to: opts.to, subject, text, html };
}

export function planReadyMail(opts: { to: string; name: string | null; url: string; updated: boolean }): MailMessage {
  const subject = opts.updated ? 'Your return-to-training plan was updated' : 'Your return-to-training plan is ready';
  const { html, text } = renderMail({
    heading: subject,
    paragraphs: [
      `Hello ${opts.name ?? 'there'},`,
      'Your clinician has set out your return-to-training plan: the phases, the exercises, and when to stop and contact us. We will ask you for short check-ins along the way.',
    ],
    action: { label: 'Open your plan', url: opts.url },
  });
  return { to: opts.to, subject, text, html };
}

export function worseCheckInMail(opts: { to: string; caseUrl: string; emergency: boolean }): MailMessage {
  const subject = opts.emergency ? 'EMERGENCY after a check-in: review now' : 'A patient is worse: case back in your queue';
  const { html, text } = renderMail({
    heading: subject,
    paragraphs: [
      opts.emergency
        ? "A patient's check-in answered yes to an emergency question. The case is back in the queue as an emergency."
        : "A patient's check-in shows a clinically important worsening. The case is back in your queue with a 'worse' marker.",
      'Please open the case and review the check-in.',
    ],
    action: { label: 'Open the case', url: opts.caseUrl },
  });
  return { to: opts.to, subject, text, html };
}
