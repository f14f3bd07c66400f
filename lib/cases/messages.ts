import 'server-only';
import { getDb, type Db } from '@/db';
import { findThreadCase, insertCaseMessage, listCaseMessages, type ThreadMessage } from '@/db/queries/messages';
import { clinicianScopeOf } from '@/db/queries/case-scope';
import { getUserContact, listLeads } from '@/db/queries/team';
import { audit } from '@/lib/audit';
import { clinicianCasePath, patientCasePath } from '@/lib/urls';
import { sendMail } from '@/lib/mail';
import { renderMail } from '@/lib/mail/layout';
import type { ActorRef } from '@/lib/domain/actor';
import { isUuid } from '@/lib/domain/ids';
import { absoluteUrl } from '@/lib/env';

/**
 * The case as the actor may see it, scoped in the WHERE: a patient their own; an active clinician the cases in their
 * scope (CONTRACTS §4c), and only then as the team (`asTeam`: internal notes, staff authorship). An admin without the
 * clinician role reads no thread. Null means "not found" to the caller, whether the case is missing or out of reach.
 */
async function caseVisibleTo(db: Db, actor: ActorRef, caseId: string) {
  if (!isUuid(caseId)) return null;
  const scope = actor.roles.includes('clinician') ? await clinicianScopeOf(db, actor.id) : null;
  const row = await findThreadCase(db, caseId, actor.id, scope);
  return row ? { ...row, asTeam: row.readableByScope && row.patientId !== actor.id } : null;
}

/** The thread for whoever asks (internal notes only for staff), audited. Null when not theirs to see. */
export async function listThreadForViewer(actor: ActorRef, caseId: string): Promise<ThreadMessage[] | null> {
  const db = await getDb();
  const c = await caseVisibleTo(db, actor, caseId);
  if (!c) return null;
  const messages = await listCaseMessages(db, caseId, { includeInternal: c.asTeam });
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
export async function postCaseMessage(actor: ActorRef, caseId: string, input: { body: string; internal: boolean }): Promise<PostMessageResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const c = await caseVisibleTo(tx, actor, caseId);
    if (!c) return { ok: false, reason: 'not_found' } as const;
    if (input.internal && !c.asTeam) return { ok: false, reason: 'internal_not_allowed' } as const;
    const row = await insertCaseMessage(tx, { caseId, authorId: actor.id, body: input.body, internal: input.internal });
    const fromStaff = c.asTeam;
    if (!input.internal) {
      if (fromStaff) {
        const mail = renderMail({
          heading: 'New message from your rehab team',
          paragraphs: [`${actor.name ?? 'Your clinician'} wrote to you about your case. Sign in to read it and reply.`],
          action: { label: 'Read the message', url: absoluteUrl(patientCasePath(caseId)) },
        });
        await sendMail({ to: c.patientEmail, subject: 'New message from your rehab team', ...mail }, tx);
      } else {
        const recipients = c.assignedClinicianId ? [await getUserContact(tx, c.assignedClinicianId)] : await listLeads(tx);
        for (const r of recipients) {
          if (!r) continue;
          const mail = renderMail({
            heading: 'A patient replied',
            paragraphs: ['A patient wrote a new message in their case thread.'],
            action: { label: 'Open the case', url: absoluteUrl(clinicianCasePath(caseId)) },
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
