import { and, desc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { outboxMessages, type MailAttachment, type OutboxStatus } from '../schema';

export type { MailAttachment };

interface OutboxMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
  /** 'pending' for the delivery job, 'kept' for the demo mailbox. */
  status: Extract<OutboxStatus, 'pending' | 'kept'>;
}

export async function insertOutboxMessage(db: Db, message: OutboxMessage): Promise<void> {
  await db.insert(outboxMessages).values(message);
}

/** One recipient's messages (the address as stored: trimmed, lower case), newest first. */
export async function listOutboxMessages(db: Db, to: string, limit: number) {
  return db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.to, to))
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(limit);
}

/** Pending, due, and not under a live claim: what a sender may take at `now`. */
const claimable = (now: Date) =>
  and(
    eq(outboxMessages.status, 'pending'),
    lte(outboxMessages.nextAttemptAt, now),
    or(isNull(outboxMessages.claimedUntil), lt(outboxMessages.claimedUntil, now)),
  );

/**
 * Claims up to `limit` due rows for one sender until `leaseUntil`, by one conditional UPDATE: two senders never
 * hold the same row (SKIP LOCKED passes over rows another sender is claiming; the WHERE is re-checked on the row),
 * and a claim whose sender crashed lapses at its lease. Each row gets a fresh token; only its holder may settle it.
 */
export async function claimOutboxMessages(db: Db, opts: { now: Date; leaseUntil: Date; limit: number }) {
  const due = db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(claimable(opts.now))
    .orderBy(outboxMessages.nextAttemptAt)
    .limit(opts.limit)
    .for('update', { skipLocked: true });
  return db
    .update(outboxMessages)
    .set({ claimedUntil: opts.leaseUntil, claimToken: sql`gen_random_uuid()`, attempts: sql`${outboxMessages.attempts} + 1` })
    .where(and(inArray(outboxMessages.id, due), claimable(opts.now)))
    .returning();
}

export type ClaimedOutboxMessage = Awaited<ReturnType<typeof claimOutboxMessages>>[number];

const heldBy = (id: string, claimToken: string) => and(eq(outboxMessages.id, id), eq(outboxMessages.claimToken, claimToken));

/** False when the claim was lost (its lease lapsed and another sender took the row). */
export async function markOutboxSent(db: Db, id: string, claimToken: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(outboxMessages)
    .set({ status: 'sent', sentAt: now, claimedUntil: null, claimToken: null, lastError: null })
    .where(heldBy(id, claimToken))
    .returning({ id: outboxMessages.id });
  return rows.length > 0;
}

/** Releases the claim after a failed send: due again at `retryAt`, or given up on when `retryAt` is null. */
export async function recordOutboxFailure(db: Db, id: string, claimToken: string, failure: { error: string; retryAt: Date | null }): Promise<void> {
  await db
    .update(outboxMessages)
    .set({
      status: failure.retryAt ? 'pending' : 'failed',
      ...(failure.retryAt ? { nextAttemptAt: failure.retryAt } : {}),
      claimedUntil: null,
      claimToken: null,
      lastError: failure.error.slice(0, 1000),
    })
    .where(heldBy(id, claimToken));
}
