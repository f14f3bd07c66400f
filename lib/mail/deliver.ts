import 'server-only';
import { getDb } from '@/db';
import { claimOutboxMessages, markOutboxSent, recordOutboxFailure, type ClaimedOutboxMessage } from '@/db/queries/outbox';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

/**
 * A claim outlives any one send: nodemailer gives up on a silent server well before (timeouts below), so a row is
 * only re-claimed when its sender died, never while it is still talking to the server.
 */
const LEASE_MS = 5 * 60_000;
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };
const BATCH = 20;
/** One job run stays bounded; whatever is left is the next run's. */
const MAX_ROUNDS = 50;
/** 30 s doubling to an hour: 25 attempts cover about a day of SMTP outage before a mail is given up (and logged). */
const MAX_ATTEMPTS = 25;

function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export interface DeliveryResult {
  sent: number;
  retrying: number;
  failed: number;
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  message?: string;
}

/** A 5xx about this message or its recipients will not change on retry; a 5xx about login or the server might. */
function isPermanent(err: SmtpError): boolean {
  return (err.code === 'EENVELOPE' || err.code === 'EMESSAGE') && (err.responseCode ?? 0) >= 500;
}

/**
 * Sends the outbox's due rows over SMTP (SMTP_URL), each claimed first so that two workers, or a retry of this
 * job, never send the same row twice. A failed send is retried later with backoff; the row's id is the Message-ID,
 * so in the one case a claim cannot cover (a crash after the server accepted, before the row was marked) the
 * receiving side sees the same message again. Without SMTP_URL it does nothing: rows wait for a transport.
 */
export async function deliverPendingMail(opts: { now?: () => Date } = {}): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return result;
  const clock = opts.now ?? (() => new Date());
  const db = await getDb();
  const { createTransport } = await import('nodemailer');
  const transport = createTransport({ url: SMTP_URL, ...SMTP_TIMEOUTS });
  const send = (m: ClaimedOutboxMessage) =>
    transport.sendMail({
      from: MAIL_FROM,
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html,
      messageId: `<${m.id}@outbox.triage-consult>`,
      attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    });
  try {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const now = clock();
      const batch = await claimOutboxMessages(db, { now, leaseUntil: new Date(now.getTime() + LEASE_MS), limit: BATCH });
      if (batch.length === 0) break;
      for (const m of batch) {
        const token = m.claimToken!;
        try {
          await send(m);
        } catch (caught) {
          const err = caught as SmtpError;
          const giveUp = isPermanent(err) || m.attempts >= MAX_ATTEMPTS;
          const retryAt = giveUp ? null : new Date(clock().getTime() + retryDelayMs(m.attempts));
          await recordOutboxFailure(db, m.id, token, { error: `${err.code ?? 'error'}: ${err.message ?? String(caught)}`, retryAt });
          if (giveUp) {
            result.failed++;
            log().error({ mailId: m.id, subject: m.subject, attempts: m.attempts, code: err.code, responseCode: err.responseCode }, 'mail given up: not delivered');
          } else {
            result.retrying++;
            log().warn({ mailId: m.id, attempts: m.attempts, code: err.code, retryAt }, 'mail not delivered yet: will retry');
          }
          continue;
        }
        result.sent++;
        if (await markOutboxSent(db, m.id, token, clock())) log().info({ mailId: m.id, subject: m.subject, transport: 'smtp' }, 'mail sent');
        else log().error({ mailId: m.id }, 'mail sent after its claim lapsed: another sender may send it again');
      }
    }
  } finally {
    transport.close();
  }
  return result;
}
