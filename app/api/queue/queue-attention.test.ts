import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { eq } from 'drizzle-orm';
import { checkIns } from '@/db/schema';
import { listQueue, listQueues, type QueueFilter } from '@/db/queries/queue';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { makeClinician, makePatient } from '@/lib/testing/factories/people';
import { makeCase } from '@/lib/testing/factories/queue-case';
import { rehabPlanSchema, checkInSchema } from '@/lib/validation/outcomes';
import { setPlan } from '@/lib/outcomes/set-plan';
import { submitCheckIn } from '@/lib/outcomes/submit-check-in';
import { RED_FLAG_CODES } from '@/lib/triage';
import type { Role } from '@/lib/domain/roles';

// Issue 15: the queue's "needs attention" filter. The session is the only thing faked: guards, queries, the outcome
// services and audit run for real.
type SessionUser = { id: string; email: string; name: string | null; roles: Role[]; timezone: string };
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/config', () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3_600_000).toISOString() } : null),
}));

const { GET } = await import('./route');
const get = (qs: string) => GET(new NextRequest(`http://test/api/queue?${qs}`));

const DAY = 86_400_000;
const NO_FLAGS = Object.fromEntries(RED_FLAG_CODES.map((c) => [c, false]));
const day = (d: Date) => d.toISOString().slice(0, 10);

interface Item {
  id: string;
  urgency: string;
  slaDueAt: string;
  worse?: boolean;
  checkInOverdue?: boolean;
}

describe.each(testDbKinds())('GET /api/queue (%s)', (kind) => {
  const t = useTestDb(kind);
  let clinician: { id: string; email: string | null };

  beforeEach(async () => {
    clinician = await makeClinician(t.db, { areas: ['upper_back'] });
    session.user = { id: clinician.id, email: clinician.email ?? 'c@example.test', name: null, roles: ['clinician'], timezone: 'UTC' };
  });

  it('attention=1 lists open cases whose latest check-in is worse or whose check-in is overdue, with their badges; §4b unchanged without it', async () => {
    const patient = await makePatient(t.db, { timezone: 'UTC' });
    const mk = (o: { status?: 'advice_sent' | 'submitted' | 'in_review'; slaHours: number }) =>
      makeCase(t.db, { patientId: patient.id, status: o.status ?? 'advice_sent', assignedClinicianId: clinician.id, areas: ['upper_back'], slaDueAt: new Date(Date.now() + o.slaHours * 3600_000) });
    const started = new Date(Date.now() - 15 * DAY);
    const plan = rehabPlanSchema.parse({
      startsOn: day(started),
      phases: [{ title: 'Weeks 1–2: pain-free pulling', from: day(started), to: day(new Date(started.getTime() + 13 * DAY)) }],
      exercises: [{ name: 'Band pull-aparts', sets: 3, reps: '15' }],
      stopIf: 'Numbness or weakness.',
    });
    const withPlan = async (caseId: string) => {
      const set = await setPlan(t.db, { id: clinician.id, roles: ['clinician'] }, caseId, plan, { now: () => started });
      if (!set.ok) throw new Error(set.reason);
      return t.db.select().from(checkIns).where(eq(checkIns.caseId, caseId)).orderBy(checkIns.dueAt);
    };
    const answers = (painNow: number) =>
      checkInSchema.parse({ painNow, painWorst: painNow + 1, psfs: [{ activity: 'Bench press', score: 5 }], globalChange: 0, trainingStatus: 'modified', redFlags: NO_FLAGS });

    // An open case with an SLA due long before the others: first in the default order.
    const plain = await mk({ status: 'in_review', slaHours: 1 });
    // Worse: a decided case whose week-2 check-in is much worse than week 1 → reopened by the real service.
    const worse = await mk({ slaHours: 2 });
    const [w1, w2] = await withPlan(worse.id);
    expect((await submitCheckIn(t.db, patient, w1.id, answers(3))).ok).toBe(true);
    const reopened = await submitCheckIn(t.db, patient, w2.id, answers(7));
    expect(reopened).toMatchObject({ ok: true, worse: true, reopened: true });
    // Better again: a worse check-in followed by a better one is no longer "worse" (the latest one counts).
    const recovered = await mk({ status: 'in_review', slaHours: 3 });
    const [r1, r2] = await withPlan(recovered.id);
    await t.db.update(checkIns).set({ submittedAt: new Date(Date.now() - 8 * DAY), painNow: 7, painWorst: 8, psfs: [], globalChange: -5, trainingStatus: 'none', redFlags: NO_FLAGS, worse: true }).where(eq(checkIns.id, r1.id));
    await t.db.update(checkIns).set({ submittedAt: new Date(Date.now() - DAY), painNow: 2, painWorst: 3, psfs: [], globalChange: 3, trainingStatus: 'full', redFlags: NO_FLAGS, worse: false }).where(eq(checkIns.id, r2.id));
    // Overdue: mailed 4 days after it fell due, not answered (its case is open); one mailed but due only 2 days ago is not.
    const overdue = await mk({ status: 'in_review', slaHours: 4 });
    const [o1] = await withPlan(overdue.id);
    await t.db.update(checkIns).set({ dueAt: new Date(Date.now() - 4 * DAY), sentAt: new Date(Date.now() - 4 * DAY) }).where(eq(checkIns.id, o1.id));
    const recent = await mk({ status: 'in_review', slaHours: 5 });
    const [n1] = await withPlan(recent.id);
    await t.db.update(checkIns).set({ dueAt: new Date(Date.now() - 2 * DAY), sentAt: new Date(Date.now() - 2 * DAY) }).where(eq(checkIns.id, n1.id));
    // Unsent and 10 days past due (the mail job has not run): not "overdue" — the patient was never asked.
    const unsent = await mk({ status: 'in_review', slaHours: 6 });
    const [u1] = await withPlan(unsent.id);
    await t.db.update(checkIns).set({ dueAt: new Date(Date.now() - 10 * DAY), sentAt: null }).where(eq(checkIns.id, u1.id));

    const all = (await (await get('assignee=any&status=open&limit=50')).json()) as { items: Item[] };
    // CONTRACTS §4b: same order as before (urgency, then SLA due time), the badges as extra fields.
    // The reopened case has a fresh SLA (a routine one: days), so it sorts after the others of its urgency.
    expect(all.items.map((i) => i.id)).toEqual([plain.id, recovered.id, overdue.id, recent.id, unsent.id, worse.id]);
    expect(all.items.filter((i) => i.worse).map((i) => i.id)).toEqual([worse.id]);
    expect(all.items.filter((i) => i.checkInOverdue).map((i) => i.id)).toEqual([overdue.id]);

    const res = await get('assignee=any&status=open&limit=50&attention=1&counts=1');
    expect(res.status).toBe(200);
    const attention = (await res.json()) as { items: Item[]; counts: { total: number } };
    expect(attention.items.map((i) => i.id)).toEqual([overdue.id, worse.id]);
    expect(attention.items[0]).toMatchObject({ worse: false, checkInOverdue: true });
    expect(attention.items[1]).toMatchObject({ worse: true, checkInOverdue: false });
    expect(attention.counts.total).toBe(2);
    // Keyset pages stay inside the filter.
    const p1 = (await (await get('assignee=any&status=open&limit=1&attention=1')).json()) as { items: Item[]; nextCursor: string };
    const p2 = (await (await get(`assignee=any&status=open&limit=1&attention=1&cursor=${encodeURIComponent(p1.nextCursor)}`)).json()) as { items: Item[]; nextCursor: string | null };
    expect([...p1.items, ...p2.items].map((i) => i.id)).toEqual([overdue.id, worse.id]);
    expect(p2.nextCursor).toBeNull();
    expect((await get('attention=maybe')).status).toBe(400);

    // The queue page reads its list and its "Needs attention" list in one statement (listQueues): each as on its own.
    const open: QueueFilter['status'] = ['submitted', 'in_review'];
    const list: QueueFilter & { scope: 'viewer' } = { viewerId: clinician.id, scope: 'viewer', assignee: 'any', status: open, limit: 3 };
    const needing: QueueFilter & { scope: 'viewer' } = { ...list, attention: true, limit: 1 };
    const [both, alone] = await listQueues(t.db, [list, needing]);
    expect(both).toEqual(await listQueue(t.db, list));
    expect(alone).toEqual(await listQueue(t.db, needing));
    expect(both.items.map((i) => i.id)).toEqual([plain.id, recovered.id, overdue.id]);
    expect(alone.items.map((i) => i.id)).toEqual([overdue.id]);
    expect(alone.nextCursor).not.toBeNull();
  });
});
