import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db';
import { claimCheckInReminder, claimCheckInSend, getCheckInMailView, listCheckInsDueReminder, listCheckInsDueToSend } from '@/db/queries/outcomes';
import { defineJob } from '@/lib/jobs/registry';
import { sendMail } from '@/lib/mail';
import { absoluteUrl } from '@/lib/env';
import { log } from '@/lib/log';
import { checkInPath } from '@/lib/urls';
import { checkInMail } from './mails';

/** A check-in still unanswered this long after its mail is reminded, once. */
const CHECK_IN_REMINDER_AFTER_MS = 3 * 86_400_000;

/**
 * Mails each check-in that has fallen due, once. Each one is claimed by a conditional update (sent_at IS NULL) in its
 * own transaction together with its mail (an outbox row), so a retry or a second worker running at the same moment
 * never sends one twice, and a failed mail un-claims it with the rollback.
 */
export async function sendDueCheckIns(now = new Date()): Promise<number> {
  const db = await getDb();
  let sent = 0;
  for (const id of await listCheckInsDueToSend(db, now)) {
    const done = await db.transaction(async (tx) => {
      if (!(await claimCheckInSend(tx, id, now))) return false;
      const view = await getCheckInMailView(tx, id);
      if (view) await sendMail(checkInMail({ to: view.email, name: view.name, url: absoluteUrl(checkInPath(view.caseId, view.id)), reminder: false }), tx);
      return true;
    });
    if (done) sent++;
  }
  if (sent > 0) log().info({ count: sent }, 'check-in mails sent');
  return sent;
}

/** Reminds each check-in mailed more than three days ago and still unanswered, once (claimed like the first mail). */
export async function remindMissedCheckIns(now = new Date()): Promise<number> {
  const db = await getDb();
  let sent = 0;
  for (const id of await listCheckInsDueReminder(db, new Date(now.getTime() - CHECK_IN_REMINDER_AFTER_MS))) {
    const done = await db.transaction(async (tx) => {
      if (!(await claimCheckInReminder(tx, id, now))) return false;
      const view = await getCheckInMailView(tx, id);
      if (view) await sendMail(checkInMail({ to: view.email, name: view.name, url: absoluteUrl(checkInPath(view.caseId, view.id)), reminder: true }), tx);
      return true;
    });
    if (done) sent++;
  }
  if (sent > 0) log().info({ count: sent }, 'check-in reminders sent');
  return sent;
}

const sendCheckInsJob = defineJob({
  name: 'outcomes.send-check-ins',
  schema: z.object({}).passthrough(),
  cron: '*/5 * * * *',
  handler: async () => {
    await sendDueCheckIns();
  },
});

const remindCheckInsJob = defineJob({
  name: 'outcomes.remind-check-ins',
  schema: z.object({}).passthrough(),
  cron: '17 * * * *',
  handler: async () => {
    await remindMissedCheckIns();
  },
});

export const OUTCOME_JOBS = [sendCheckInsJob, remindCheckInsJob];
