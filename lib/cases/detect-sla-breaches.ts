import type { Db } from '@/db/client';
import { insertCaseEvent, markSlaBreaches } from '@/db/queries/cases';
import { getUserContact, listLeads } from '@/db/queries/team';
import { clinicianCasePath } from '@/lib/urls';
import { sendMail } from '@/lib/mail';
import { renderMail } from '@/lib/mail/layout';
import { URGENCY_LABELS } from '@/lib/domain/case';
import { absoluteUrl } from '@/lib/env';

/**
 * Finds open cases past their SLA due time that were not alerted yet, marks them (breach_alerted_at) and emails
 * the assignee and the lead(s) — once per breach: the UPDATE … WHERE breach_alerted_at IS NULL … RETURNING takes
 * each breach exactly once, even when two workers run at the same moment, and the mails commit with it.
 */
export async function detectSlaBreaches(db: Db, now: Date = new Date()): Promise<{ alerted: number; mails: number }> {
  return db.transaction(async (tx) => {
    const breached = await markSlaBreaches(tx, now);
    if (breached.length === 0) return { alerted: 0, mails: 0 };
    const leads = await listLeads(tx);
    let mails = 0;
    for (const b of breached) {
      await insertCaseEvent(tx, { caseId: b.id, actorId: null, kind: 'sla.breached', payload: { slaDueAt: b.slaDueAt.toISOString() } });
      const recipients = new Map<string, string>();
      if (b.assignedClinicianId) {
        const a = await getUserContact(tx, b.assignedClinicianId);
        if (a) recipients.set(a.email, a.name ?? a.email);
      }
      for (const l of leads) recipients.set(l.email, l.name ?? l.email);
      const overdueMin = Math.max(1, Math.round((now.getTime() - b.slaDueAt.getTime()) / 60000));
      for (const email of recipients.keys()) {
        const subject = `SLA breached: ${URGENCY_LABELS[b.urgency].toLowerCase()} case waiting`;
        const mail = renderMail({
          heading: subject,
          paragraphs: [
            `A ${URGENCY_LABELS[b.urgency].toLowerCase()} case passed its response time ${overdueMin} minute${overdueMin === 1 ? '' : 's'} ago and has no decision yet.`,
            b.assignedClinicianId ? 'It is assigned; please check with the assignee or take it over.' : 'Nobody has claimed it yet.',
          ],
          action: { label: 'Open the case', url: absoluteUrl(clinicianCasePath(b.id)) },
        });
        await sendMail({ to: email, subject, ...mail }, tx);
        mails++;
      }
    }
    return { alerted: breached.length, mails };
  });
}
