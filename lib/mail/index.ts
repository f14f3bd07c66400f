import 'server-only';
import { getDb, type Db } from '@/db';
import { insertOutboxMessage, listOutboxMessages, type MailAttachment } from '@/db/queries/outbox';
import { mailTransportKind } from '@/lib/env';
import { enqueueJobInTransaction } from '@/lib/jobs';
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

/** Transactions that already carry a delivery job: one per transaction is enough (a submission mails several people). */
const nudged = new WeakSet<Db>();

/**
 * Queues the delivery job in the transaction that wrote the mail: the job exists exactly when the row is committed, so
 * it can neither run before the row is visible nor be lost between the commit and a later enqueue. Inside a savepoint:
 * a queue that cannot take the job (not created yet) never undoes the caller's work — the minute sweep of the delivery
 * job sends the row then.
 */
async function nudgeDelivery(tx: Db): Promise<void> {
  if (nudged.has(tx)) return;
  try {
    await tx.transaction((savepoint) => enqueueJobInTransaction(savepoint, MAIL_DELIVERY_JOB, {}));
    nudged.add(tx);
  } catch (err) {
    log().warn({ err }, 'mail delivery not nudged: the minute sweep will send it');
  }
}

/**
 * Writes the mail to the outbox; nothing here talks to a mail server, so a slow or failed SMTP server neither
 * holds the caller's locks nor undoes its work. Pass `tx` to make the row part of the caller's transaction (it
 * then exists only if the change it announces was committed). With SMTP_URL the row is pending and the delivery
 * job (./deliver), queued in the same transaction, sends it once the transaction commits; in demo mode without SMTP
 * it is kept for /api/dev/outbox and the mailbox page. With no transport at all (not demo mode, no SMTP_URL) the row
 * stays pending until SMTP_URL is set, and an error is logged, so clinical work is not refused because a notification
 * cannot go out yet.
 */
export async function sendMail(message: MailMessage, tx?: Db): Promise<void> {
  const to = message.to.trim().toLowerCase();
  const kind = mailTransportKind();
  const row = { ...message, to, attachments: message.attachments ?? [], status: kind === 'outbox' ? ('kept' as const) : ('pending' as const) };
  const logger = await requestLog();
  if (kind !== 'smtp') {
    await insertOutboxMessage(tx ?? (await getDb()), row);
    if (kind === 'outbox') logger.info({ subject: message.subject, transport: 'outbox' }, 'mail queued in outbox');
    else logger.error({ subject: message.subject, transport: 'none' }, 'mail is not configured (SMTP_URL unset): message kept unsent');
    return;
  }
  const write = async (t: Db) => {
    await insertOutboxMessage(t, row);
    await nudgeDelivery(t);
  };
  if (tx) await write(tx);
  else await (await getDb()).transaction(write);
  logger.info({ subject: message.subject, transport: 'smtp' }, 'mail queued for delivery');
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
