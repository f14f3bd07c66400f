import 'server-only';
import { getDb, type Db } from '@/db';
import { insertOutboxMessage, listOutboxMessages, type MailAttachment } from '@/db/queries/outbox';
import { mailTransportKind } from '@/lib/env';
import { enqueueJob } from '@/lib/jobs';
import { log, requestLog } from '@/lib/log';
import { MAIL_DELIVERY_JOB } from './jobs';

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

const g = globalThis as unknown as { __tcMailNudge?: ReturnType<typeof setTimeout> };

/**
 * Asks the worker to deliver soon, once per burst (a submission mails several people). Not awaited by sendMail:
 * queueing is not part of the caller's transaction, and on PGlite it would wait for that transaction's connection.
 * The delay lets the transaction that wrote the row commit first; if it has not, the minute sweep sends the row.
 */
function nudgeDelivery(delayMs: number): void {
  if (g.__tcMailNudge) return;
  g.__tcMailNudge = setTimeout(() => {
    g.__tcMailNudge = undefined;
    enqueueJob(MAIL_DELIVERY_JOB, {}).catch((err: unknown) => log().warn({ err }, 'mail delivery not nudged: the minute sweep will send it'));
  }, delayMs);
  g.__tcMailNudge.unref?.();
}

/**
 * Writes the mail to the outbox; nothing here talks to a mail server, so a slow or failed SMTP server neither
 * holds the caller's locks nor undoes its work. Pass `tx` to make the row part of the caller's transaction (it
 * then exists only if the change it announces was committed). With SMTP_URL the row is pending and the delivery
 * job (./deliver) sends it; in demo mode without SMTP it is kept for /api/dev/outbox and the mailbox page. With no
 * transport at all (not demo mode, no SMTP_URL) the row stays pending until SMTP_URL is set, and an error is
 * logged, so clinical work is not refused because a notification cannot go out yet.
 */
export async function sendMail(message: MailMessage, tx?: Db): Promise<void> {
  const to = message.to.trim().toLowerCase();
  const kind = mailTransportKind();
  const db = tx ?? (await getDb());
  await insertOutboxMessage(db, { ...message, to, attachments: message.attachments ?? [], status: kind === 'outbox' ? 'kept' : 'pending' });
  const logger = await requestLog();
  if (kind === 'outbox') logger.info({ subject: message.subject, transport: 'outbox' }, 'mail queued in outbox');
  else if (kind === 'none') logger.error({ subject: message.subject, transport: 'none' }, 'mail is not configured (SMTP_URL unset): message kept unsent');
  else {
    logger.info({ subject: message.subject, transport: 'smtp' }, 'mail queued for delivery');
    nudgeDelivery(tx ? 1_000 : 0);
  }
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
