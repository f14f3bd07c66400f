import 'server-only';
import { getDb } from '@/db';
import { insertCaseEvent, reassignCaseRow, type ClaimOutcome } from '@/db/queries/cases';
import { getUserContact, isActiveClinician } from '@/db/queries/team';
import { caseReadable, clinicianScopeOf } from '@/db/queries/case-scope';
import { audit } from '@/lib/audit';
import { clinicianCasePath } from '@/lib/urls';
import { sendMail } from '@/lib/mail';
import { renderMail } from '@/lib/mail/layout';
import type { ActorRef } from '@/lib/domain/actor';
import { isUuid } from '@/lib/domain/ids';
import { absoluteUrl } from '@/lib/env';

export type ReassignResult = ClaimOutcome | { ok: false; reason: 'invalid_colleague' | 'not_allowed'; assignedClinicianId: string | null; assigneeName: null; patientId: null };

/**
 * Hands an open case to an active colleague with a reason. The assignee may hand over their own case; an admin
 * (the lead) may move any open case, but only from the holder the page showed them (`expectedAssigneeId`).
 */
export async function reassignCase(
  actor: ActorRef,
  caseId: string,
  input: { clinicianId: string; reason: string; expectedAssigneeId?: string | null },
): Promise<ReassignResult> {
  if (!isUuid(caseId)) return { ok: false, reason: 'not_found', assignedClinicianId: null, assigneeName: null, patientId: null };
  const db = await getDb();
  // Only a case the actor may read (CONTRACTS §4c) can be handed over by them; anything else is "not found".
  if (!(await caseReadable(db, await clinicianScopeOf(db, actor.id), caseId))) {
    return { ok: false, reason: 'not_found', assignedClinicianId: null, assigneeName: null, patientId: null };
  }
  if (!(await isActiveClinician(db, input.clinicianId))) {
    return { ok: false, reason: 'invalid_colleague', assignedClinicianId: null, assigneeName: null, patientId: null };
  }
  const isAdmin = actor.roles.includes('admin');
  const expected = isAdmin && input.expectedAssigneeId !== undefined ? input.expectedAssigneeId : actor.id;
  return db.transaction(async (tx) => {
    const r = await reassignCaseRow(tx, caseId, expected, input.clinicianId);
    if (r.reason === 'not_found') return r;
    if (r.ok) {
      await insertCaseEvent(tx, { caseId, actorId: actor.id, kind: 'reassigned', payload: { from: expected, to: input.clinicianId, reason: input.reason } });
      const to = await getUserContact(tx, input.clinicianId);
      if (to && to.id !== actor.id) {
        const mail = renderMail({
          heading: 'A case was handed to you',
          paragraphs: [`${actor.name ?? 'A colleague'} handed a case to you.`, `Their reason: ${input.reason}`],
          action: { label: 'Open the case', url: absoluteUrl(clinicianCasePath(caseId)) },
        });
        await sendMail({ to: to.email, subject: 'A case was handed to you', ...mail }, tx);
      }
    }
    await audit(
      {
        actor,
        action: 'case.reassign',
        resourceType: 'case',
        resourceId: caseId,
        patientId: r.patientId,
        outcome: r.ok ? 'allowed' : 'denied',
        details: { to: input.clinicianId, reason: input.reason, ...(r.ok ? {} : { refused: r.reason, heldBy: r.assignedClinicianId }) },
      },
      tx,
    );
    return r;
  });
}
