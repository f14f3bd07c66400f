import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db';
import { insertCaseMessage, listCaseMessages, type ThreadMessage } from '@/db/queries/messages';
import { getUserContact, listLeads } from '@/db/queries/team';
import { cases, users } from '@/db/schema';
import { audit } from '@/lib/audit';
import { appUrl } from '@/lib/env';
import { sendMail } from '@/lib/mail';
import { renderMail } from '@/lib/mail/layout';
import { isCaseId, type Actor } from './types';

const isStaff = (a: Actor) => a.roles.includes('clinician') || a.roles.includes('admin');

/**
 * The case as the actor may see it: staff see every case, a patient only their own (scoped in the WHERE).
 * Null means "not found" to the caller, whether the case is missing or someone else's.
 */
async function caseVisibleTo(db: Db, actor: Actor, caseId: string) {
  if (!isCaseId(caseId)) return null;
  const [row] = await db
    .select({ id: cases.id, patientId: cases.patientId, assignedClinicianId: cases.assignedClinicianId, patientEmail: users.email })
    .from(cases)
    .innerJoin(users, eq(users.id, cases.patientId))
    .where(isStaff(actor) ? eq(cases.id, caseId) : and(eq(cases.id, caseId), eq(cases.patientId, actor.id)));
  return row ?? null;
}

/** The thread for whoever asks (internal notes only for staff), audited. Null when not theirs to see. */
export async function listThreadForViewer(actor: Actor, caseId: string): Promise<ThreadMessage[] | null> {
  const db = await getDb();
  const c = await caseVisibleTo(db, actor, caseId);
  if (!c) return null;
  const messages = await listCaseMessages(db, caseId, { includeInternal: isStaff(actor) });
  await audit({ actor, action: 'case.messages.view', resourceType: 'case', resourceId: caseId, patientId: c.patientId, details: { count: messages.length } });
  return messages;
}

export type PostMessageResult =
  | { ok: true; message: ThreadMessage }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'internal_not_allowed' };

/**
 * A message in the case thread, from the patient (own case only) or the team; staff may write internal notes that
 * the patient never sees. The other side is emailed (internal notes email nobody).
 */
export async function postCaseMessage(actor: Actor, caseId: string, input: { body: string; internal: boolean }): Promise<PostMessageResult> {
  if (input.internal && !isStaff(actor)) return { ok: false, reason: 'internal_not_allowed' };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const c = await caseVisibleTo(tx, actor, caseId);
    if (!c) return { ok: false, reason: 'not_found' } as const;
    const row = await insertCaseMessage(tx, { caseId, authorId: actor.id, body: input.body, internal: input.internal });
    const fromStaff = isStaff(actor) && actor.id !== c.patientId;
    if (!input.internal) {
      if (fromStaff) {
        const mail = renderMail({
          heading: 'New message from your rehab team',
          paragraphs: [`${actor.name ?? 'Your clinician'} wrote to you about your case. Sign in to read it and reply.`],
          action: { label: 'Read the message', url: `${appUrl()}/cases/${caseId}` },
        });
        await sendMail({ to: c.patientEmail, subject: 'New message from your rehab team', ...mail }, tx);
      } else {
        const recipients = c.assignedClinicianId ? [await getUserContact(tx, c.assignedClinicianId)] : await listLeads(tx);
        for (const r of recipients) {
          if (!r) continue;
          const mail = renderMail({
            heading: 'A patient replied',
            paragraphs: ['A patient wrote a new message in their case thread.'],
            action: { label: 'Open the case', url: `${appUrl()}/queue/cases/${caseId}` },
          });
          await sendMail({ to: r.email, subject: 'A patient replied', ...mail }, tx);
        }
      }
    }
    await audit(
      { actor, action: input.internal ? 'case.note.create' : 'case.message.create', resourceType: 'case', resourceId: caseId, patientId: c.patientId, details: { messageId: row.id } },
      tx,
    );
    return {
      ok: true,
      message: { id: row.id, body: row.body, internal: row.internal, createdAt: row.createdAt, authorId: actor.id, authorName: actor.name ?? null, authorIsStaff: fromStaff },
    } as const;
  });
}
