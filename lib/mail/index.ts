import 'server-only';
import { getDb, type Db } from '@/db';
import { insertOutboxMessage, listOutboxMessages, type MailAttachment } from '@/db/queries/outbox';
import { env, mailTransportKind } from '@/lib/env';
import { requestLog } from '@/lib/log';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
}

/** Sign-in cannot work without a way to deliver the link: raised instead of keeping it where nobody reads it. */
export class MailNotConfiguredError extends Error {
  constructor() {
    super('Mail is not configured: set SMTP_URL (or run the demo with npm run demo).');
    this.name = 'MailNotConfiguredError';
  }
}

/**
 * Sends through SMTP when SMTP_URL is set. In demo mode without SMTP the message is kept in the database outbox,
 * where /api/dev/outbox and the mailbox page read it. Pass `tx` to make the outbox row part of the caller's
 * transaction (it then only exists if the change it announces was committed). With no transport at all (not demo
 * mode, no SMTP_URL) the message is kept unsent — no page or route reads it — and an error is logged, so clinical
 * work is not refused because a notification cannot go out.
 */
export async function sendMail(message: MailMessage, tx?: Db): Promise<void> {
  const to = message.to.trim().toLowerCase();
  const kind = mailTransportKind();
  if (kind !== 'smtp') {
    const db = tx ?? (await getDb());
    await insertOutboxMessage(db, { ...message, to, attachments: message.attachments ?? [] });
    if (kind === 'outbox') (await requestLog()).info({ subject: message.subject, transport: 'outbox' }, 'mail queued in outbox');
    else (await requestLog()).error({ subject: message.subject, transport: 'none' }, 'mail is not configured (SMTP_URL unset): message kept unsent');
    return;
  }
  const { createTransport } = await import('nodemailer');
  const transport = createTransport(env().SMTP_URL);
  await transport.sendMail({
    from: env().MAIL_FROM,
    to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    attachments: message.attachments?.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
    })),
  });
  (await requestLog()).info({ subject: message.subject, transport: 'smtp' }, 'mail sent');
}

export interface OutboxItem {
  to: string;
  subject: string;
  text: string;
  html: string;
  createdAt: string;
  attachments: MailAttachment[];
}

/** Newest first. Only meaningful with the outbox transport. */
export async function listOutbox(to: string, limit = 50): Promise<OutboxItem[]> {
  const db = await getDb();
  const rows = await listOutboxMessages(db, to.trim().toLowerCase(), limit);
  return rows.map((r) => ({
    to: r.to,
    subject: r.subject,
    text: r.text,
    html: r.html,
    createdAt: r.createdAt.toISOString(),
    attachments: r.attachments,
  }));
}
