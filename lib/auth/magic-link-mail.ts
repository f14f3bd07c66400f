import 'server-only';
import { mailTransportKind } from '@/lib/env';
import { MailNotConfiguredError, sendMail } from '@/lib/mail';
import { renderMail } from '@/lib/mail/layout';

/** A sign-in link is only useful if it can reach its owner: without SMTP outside demo mode it is refused, not kept. */
export async function sendMagicLink(email: string, url: string): Promise<void> {
  if (mailTransportKind() === 'none') throw new MailNotConfiguredError();
  const { html, text } = renderMail({
    heading: 'Your sign-in link',
    paragraphs: [
      'Use the button below to sign in to Triage & Consult. The link works once and expires in 15 minutes.',
      'If you did not ask for it, you can ignore this email.',
    ],
    action: { label: 'Sign in', url },
  });
  await sendMail({ to: email, subject: 'Sign in to Triage & Consult', html, text });
}
