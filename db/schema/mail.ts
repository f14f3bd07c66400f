import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string; // utf-8 text (e.g. an .ics file)
}

/**
 * pending: waiting for the delivery job (or, with no transport configured, for SMTP_URL to be set);
 * sent: handed to the SMTP server; failed: given up on (rejected for good, or out of attempts);
 * kept: the demo mailbox's copy, never delivered (demo mode without SMTP, and every row older than delivery).
 */
export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'kept';

/**
 * Every mail, written in the transaction of the change it announces. The delivery job (lib/mail/deliver.ts) sends
 * pending rows over SMTP; in demo mode the rows are kept and read through /api/dev/outbox and /dev/mailbox.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status').$type<OutboxStatus>().notNull().default('pending'),
    /** Claims so far, counted when claimed: a sender that crashed mid-send used one too. */
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** The lease of the sender that claimed the row: past it, a crashed sender's claim lapses and another may send. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    /** Who holds the claim: only that sender may mark the row sent or failed. */
    claimToken: uuid('claim_token'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    index('outbox_to_idx').on(t.to, t.createdAt),
    index('outbox_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    check('outbox_messages_status_ck', sql`${t.status} in ('pending', 'sent', 'failed', 'kept')`),
  ],
);
