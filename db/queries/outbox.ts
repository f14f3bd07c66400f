import { desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { outboxMessages, type MailAttachment } from '../schema';

export type { MailAttachment };

interface OutboxMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
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
