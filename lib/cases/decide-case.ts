import 'server-only';
import { getDb } from '@/db';
import { advanceCaseStatus, getCaseForStaff, getCaseStatus, insertCaseEvent } from '@/db/queries/cases';
import { anyCase, caseReadableBy, clinicianScopeOf } from '@/db/queries/case-scope';
import { insertCaseMessage } from '@/db/queries/messages';
import { audit } from '@/lib/audit';
import { bookConsultPath, patientCasePath } from '@/lib/urls';
import { sendMail } from '@/lib/mail';
import { renderMail } from '@/lib/mail/layout';
import type { DecisionInput } from '@/lib/validation/queue';
import { STATUS_LABELS, statusesAllowedBefore, type CaseStatus } from '@/lib/domain/case';
import type { ActorRef } from '@/lib/domain/actor';
import { isUuid } from '@/lib/domain/ids';
import { absoluteUrl } from '@/lib/env';

const DECISION_STATUS: Record<DecisionInput['kind'], CaseStatus> = {
  advice: 'advice_sent',
  consult: 'consult_recommended',
  referral: 'referred',
};

const REFERRAL_WORDS: Record<'emergency' | 'urgent' | 'routine', string> = {
  emergency: 'today, at an emergency department (call your local emergency number if you cannot get there safely)',
  urgent: 'within the next day or two, by your doctor (GP) or an urgent care clinic',
  routine: 'in the coming weeks, by your doctor (GP)',
};

/** The text the patient reads in their thread for a decision. */
function patientTextOf(caseId: string, d: DecisionInput): string {
  if (d.kind === 'advice') return d.message;
  if (d.kind === 'consult') return `${d.message}\n\nBook your video consult here: ${absoluteUrl(bookConsultPath(caseId))}`;
  return `We recommend that you are seen by medical care ${REFERRAL_WORDS[d.referralUrgency]}.\n\nWhy: ${d.reason}`;
}

export type DecideResult =
  | { ok: true; status: CaseStatus; eventId: number }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'status_conflict'; status: CaseStatus; assignedClinicianId: string | null; assigneeName: string | null };

/**
 * Records a decision: the status moves forward (the UPDATE's WHERE refuses anything else), a case_events row keeps
 * who/when/what, the patient reads it in their thread, and gets an email — all in one transaction.
 */
export async function decideCase(actor: ActorRef, caseId: string, d: DecisionInput): Promise<DecideResult> {
  if (!isUuid(caseId)) return { ok: false, reason: 'not_found' };
  const db = await getDb();
  const to = DECISION_STATUS[d.kind];
  const scope = await clinicianScopeOf(db, actor.id);
  return db.transaction(async (tx) => {
    const moved = await advanceCaseStatus(tx, caseId, actor.id, to, statusesAllowedBefore(to, { allowSame: true }));
    // A refused decision says why only to a clinician who may read the case; to anyone else it does not exist.
    const c = await getCaseForStaff(tx, caseId, moved ? anyCase() : caseReadableBy(scope));
    if (!c) return { ok: false, reason: 'not_found' } as const;
    if (!moved) {
      await audit(
        { actor, action: 'case.decide', resourceType: 'case', resourceId: caseId, patientId: c.patientId, outcome: 'denied', details: { kind: d.kind, status: c.status, heldBy: c.assignedClinicianId } },
        tx,
      );
      return { ok: false, reason: 'status_conflict', status: c.status, assignedClinicianId: c.assignedClinicianId, assigneeName: c.assigneeName } as const;
    }
    const payload: Record<string, unknown> =
      d.kind === 'advice'
        ? { message: d.message, templateId: d.templateId ?? null }
        : d.kind === 'consult'
          ? { message: d.message, bookingPath: bookConsultPath(caseId) }
          : { reason: d.reason, referralUrgency: d.referralUrgency };
    const event = await insertCaseEvent(tx, { caseId, actorId: actor.id, kind: `decision.${d.kind}`, fromStatus: moved.fromStatus, toStatus: to, payload });
    await insertCaseMessage(tx, { caseId, authorId: actor.id, body: patientTextOf(caseId, d), internal: false });
    // The mail says there is an answer and where to read it; the clinical content stays behind sign-in.
    const subject =
      d.kind === 'advice'
        ? 'Your rehab team has sent you advice'
        : d.kind === 'consult'
          ? 'Your rehab team recommends a video consult'
          : 'Your rehab team recommends medical care';
    const paragraphs = [`${actor.name ?? 'Your clinician'} has reviewed your case and replied. Sign in to read it on your case page.`];
    if (d.kind === 'referral') paragraphs.push(`Please arrange to be seen ${REFERRAL_WORDS[d.referralUrgency]}.`);
    if (d.kind === 'consult') paragraphs.push('You can choose a time that suits you from the booking page.');
    const mail = renderMail({
      heading: subject,
      paragraphs,
      action: d.kind === 'consult' ? { label: 'Book a video consult', url: absoluteUrl(bookConsultPath(caseId)) } : { label: 'Read the reply', url: absoluteUrl(patientCasePath(caseId)) },
    });
    await sendMail({ to: c.patientEmail, subject, ...mail }, tx);
    await audit(
      { actor, action: 'case.decide', resourceType: 'case', resourceId: caseId, patientId: c.patientId, details: { kind: d.kind, from: moved.fromStatus, to } },
      tx,
    );
    return { ok: true, status: to, eventId: event.id } as const;
  });
}

/** For error messages: what a refused decision ran into. */
export function describeConflict(r: Extract<DecideResult, { reason: 'status_conflict' }>, actorId: string): string {
  if (r.assignedClinicianId && r.assignedClinicianId !== actorId) return `${r.assigneeName ?? 'A colleague'} holds this case; only they can decide on it.`;
  return `This case is already "${STATUS_LABELS[r.status]}", and a case never moves back. Send a message instead.`;
}

/** Closes a decided case (terminal). Same forward-only rule. */
export async function closeCase(actor: ActorRef, caseId: string): Promise<boolean> {
  if (!isUuid(caseId)) return false;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const moved = await advanceCaseStatus(tx, caseId, actor.id, 'closed', ['advice_sent', 'consult_recommended', 'referred']);
    if (!moved) return false;
    await insertCaseEvent(tx, { caseId, actorId: actor.id, kind: 'closed', fromStatus: moved.fromStatus, toStatus: 'closed' });
    await audit({ actor, action: 'case.close', resourceType: 'case', resourceId: caseId, patientId: moved.patientId }, tx);
    return (await getCaseStatus(tx, caseId)) === 'closed';
  });
}
