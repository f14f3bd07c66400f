import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { listQueue, queueCounts } from '@/db/queries/queue';
import { auditEvents, caseEvents, cases, outboxMessages } from '@/db/schema';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { advanceCaseStatus } from '@/db/queries/cases';
import { decodeQueueCursor } from '@/db/queries/queue-cursor';
import { statusesAllowedBefore } from '@/lib/domain/case';
import { claimCase, releaseCase } from './claim-case';
import { reassignCase } from './reassign-case';
import { closeCase, decideCase } from './decide-case';
import { listThreadForViewer, postCaseMessage } from './messages';
import { viewCaseForStaff } from './view-case';
import { detectSlaBreaches } from './detect-sla-breaches';
import { makeCase } from '@/lib/testing/factories/queue-case';
import { makeClinician, makePatient } from '@/lib/testing/factories/people';
import type { ActorRef } from '@/lib/domain/actor';
import { CLINICAL_AREAS } from '@/lib/domain/areas';

const actorOf = (u: { id: string; roles: string[]; name: string | null }): ActorRef => ({ id: u.id, roles: u.roles as ActorRef["roles"], name: u.name });
const minutes = (n: number) => n * 60_000;
/** A clinician who covers every area and is on call: these tests are about ordering and filters, not scope. */
const wholeTeam = (userId: string) => ({ viewerId: userId, scope: { userId, areas: [...CLINICAL_AREAS], onCall: true } });

describe.each(testDbKinds())('queue on %s', (kind) => {
  const t = useTestDb(kind);

  async function auditRows(action: string, resourceId?: string) {
    return t.db
      .select()
      .from(auditEvents)
      .where(resourceId ? and(eq(auditEvents.action, action), eq(auditEvents.resourceId, resourceId)) : eq(auditEvents.action, action));
  }

  it('orders by urgency then SLA due time and pages by keyset without gaps or repeats', async () => {
    const p = await makePatient(t.db);
    const base = Date.parse('2026-11-20T08:00:00Z');
    const created = [];
    // Same due time on purpose for two urgent cases: the id breaks the tie.
    for (const [urgency, dueMin] of [['routine', 10], ['urgent', 50], ['emergency', 90], ['urgent', 20], ['routine', 5], ['urgent', 20], ['emergency', 30]] as const) {
      created.push(await makeCase(t.db, { patientId: p.id, urgency, slaDueAt: new Date(base + minutes(dueMin)) }));
    }
    const seen: { urgency: string; due: number; id: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listQueue(t.db, { ...wholeTeam('x'), assignee: 'any', limit: 2, cursor: cursor ? decodeQueueCursor(cursor) : null });
      seen.push(...page.items.map((i) => ({ urgency: i.urgency, due: i.slaDueAt.getTime(), id: i.id })));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(new Set(seen.map((s) => s.id)).size).toBe(created.length);
    expect(seen.map((s) => s.urgency)).toEqual(['emergency', 'emergency', 'urgent', 'urgent', 'urgent', 'routine', 'routine']);
    const rank = { emergency: 0, urgent: 1, routine: 2 } as Record<string, number>;
    for (let i = 1; i < seen.length; i++) {
      const a = seen[i - 1];
      const b = seen[i];
      expect(rank[a.urgency] < rank[b.urgency] || (a.urgency === b.urgency && (a.due < b.due || (a.due === b.due && a.id < b.id)))).toBe(true);
    }
  });

  it('filters by assignee, urgency, status and area and counts per status and urgency', async () => {
    const p = await makePatient(t.db, { name: 'Deniz', dateOfBirth: '1994-03-12' });
    const me = await makeClinician(t.db, { name: 'Sam' });
    const other = await makeClinician(t.db, { name: 'Priya' });
    await makeCase(t.db, { patientId: p.id, urgency: 'urgent', assignedClinicianId: me.id, status: 'in_review', reasons: [{ code: 'night_pain', source: 'screen', text: 'Constant night pain' }] });
    await makeCase(t.db, { patientId: p.id, urgency: 'routine', assignedClinicianId: other.id, status: 'in_review', areas: ['knee'], regions: ['knee_left'] });
    await makeCase(t.db, {
      patientId: p.id,
      urgency: 'routine',
      mriFindings: [{ code: 'modic_1', levels: ['T5'], negated: false, concern: 'review', evidence: 'Modic type 1 at T5', start: 0, end: 18 }],
    });
    await makeCase(t.db, { patientId: p.id, urgency: 'emergency', status: 'referred', assignedClinicianId: other.id });

    const mine = await listQueue(t.db, { ...wholeTeam(me.id), assignee: 'me', limit: 50 });
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ assigneeName: 'Sam', patientName: 'Deniz', redFlag: true, mriConcern: null });
    expect(mine.items[0].reasons[0].text).toBe('Constant night pain');

    const pool = await listQueue(t.db, { ...wholeTeam(me.id), assignee: 'none', limit: 50 });
    expect(pool.items).toHaveLength(1);
    expect(pool.items[0]).toMatchObject({ assignedClinicianId: null, mriConcern: 'review', redFlag: false });

    expect((await listQueue(t.db, { ...wholeTeam(me.id), assignee: 'any', area: 'knee', limit: 50 })).items).toHaveLength(1);
    expect((await listQueue(t.db, { ...wholeTeam(me.id), assignee: 'any', urgency: 'emergency', limit: 50 })).items).toHaveLength(1);
    const open = await listQueue(t.db, { ...wholeTeam(me.id), assignee: 'any', status: ['submitted', 'in_review'], limit: 50 });
    expect(open.items.map((i) => i.status).sort()).toEqual(['in_review', 'in_review', 'submitted']);

    const counts = await queueCounts(t.db, { ...wholeTeam(me.id), assignee: 'any', status: ['submitted', 'in_review'] });
    // Decided statuses are counted only when chosen (the history is most of the table): open chosen → referred not counted.
    expect(counts.byStatus).toMatchObject({ submitted: 1, in_review: 2, referred: null });
    expect((await queueCounts(t.db, { ...wholeTeam(me.id), assignee: 'any', status: ['referred'] })).byStatus).toMatchObject({ submitted: 1, in_review: 2, referred: 1, closed: null });
    expect((await queueCounts(t.db, { ...wholeTeam(me.id), assignee: 'any' })).byStatus).toMatchObject({ submitted: 1, in_review: 2, referred: 1 });
    expect(counts.byUrgency).toEqual({ emergency: 0, urgent: 1, routine: 2 });
    expect(counts.total).toBe(3);
  });

  it('20 clinicians claiming the same case at once: exactly one wins, the others learn who', async () => {
    const p = await makePatient(t.db);
    const c = await makeCase(t.db, { patientId: p.id, urgency: 'urgent' });
    const team = [];
    for (let i = 0; i < 20; i++) team.push(await makeClinician(t.db, { name: `Clinician ${i}` }));
    const results = await Promise.all(team.map((u) => claimCase(actorOf(u), c.id)));
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const winnerId = winners[0].assignedClinicianId;
    for (const r of results.filter((x) => !x.ok)) {
      expect(r).toMatchObject({ reason: 'already_claimed', assignedClinicianId: winnerId });
      expect(r.assigneeName).toMatch(/^Clinician \d+$/);
    }
    const [row] = await t.db.select().from(cases).where(eq(cases.id, c.id));
    expect(row.assignedClinicianId).toBe(winnerId);
    expect(row.status).toBe('in_review');
    expect(await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.kind, 'claimed')))).toHaveLength(1);
    const claims = await auditRows('case.claim', c.id);
    expect(claims.filter((a) => a.outcome === 'allowed')).toHaveLength(1);
    expect(claims.filter((a) => a.outcome === 'denied')).toHaveLength(19);
  });

  it('release is for the assignee only and returns the case to the pool; reassign records the reason', async () => {
    const p = await makePatient(t.db);
    const a = await makeClinician(t.db, { name: 'Ann' });
    const b = await makeClinician(t.db, { name: 'Ben' });
    const c = await makeCase(t.db, { patientId: p.id });
    expect((await claimCase(actorOf(a), c.id)).ok).toBe(true);
    expect(await releaseCase(actorOf(b), c.id)).toMatchObject({ ok: false, reason: 'already_claimed', assigneeName: 'Ann' });
    expect((await releaseCase(actorOf(a), c.id)).ok).toBe(true);
    const [pooled] = await t.db.select().from(cases).where(eq(cases.id, c.id));
    expect(pooled).toMatchObject({ assignedClinicianId: null, status: 'in_review' });

    expect((await claimCase(actorOf(a), c.id)).ok).toBe(true);
    expect(await reassignCase(actorOf(b), c.id, { clinicianId: b.id, reason: 'Taking it over' })).toMatchObject({ ok: false });
    const moved = await reassignCase(actorOf(a), c.id, { clinicianId: b.id, reason: 'Ben covers thoracic cases this week' });
    expect(moved).toMatchObject({ ok: true, assignedClinicianId: b.id });
    const [ev] = await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.kind, 'reassigned')));
    expect(ev.payload).toMatchObject({ from: a.id, to: b.id, reason: 'Ben covers thoracic cases this week' });
    expect(await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, b.email))).toHaveLength(1);
    expect(await auditRows('case.release', c.id)).toHaveLength(2);
    expect((await auditRows('case.reassign', c.id)).map((r) => r.outcome).sort()).toEqual(['allowed', 'denied']);
  });

  it('a status only moves forward: advice after a referral is refused and changes nothing', async () => {
    const p = await makePatient(t.db, { email: `p-${Date.now()}@example.test` });
    const a = await makeClinician(t.db, { name: 'Ann' });
    const b = await makeClinician(t.db, { name: 'Ben' });
    const c = await makeCase(t.db, { patientId: p.id, urgency: 'urgent' });
    await claimCase(actorOf(a), c.id);

    const byOther = await decideCase(actorOf(b), c.id, { kind: 'advice', message: 'Keep moving within what you can tolerate, walk daily.' });
    expect(byOther).toMatchObject({ ok: false, reason: 'status_conflict', assigneeName: 'Ann' });

    const referral = await decideCase(actorOf(a), c.id, { kind: 'referral', referralUrgency: 'urgent', reason: 'Night pain with a history of cancer needs a doctor.' });
    expect(referral).toMatchObject({ ok: true, status: 'referred' });
    const advice = await decideCase(actorOf(a), c.id, { kind: 'advice', message: 'Keep moving within what you can tolerate, walk daily.' });
    expect(advice).toMatchObject({ ok: false, reason: 'status_conflict', status: 'referred' });
    // The guarded UPDATE itself refuses to move it back, whoever calls it.
    expect(await advanceCaseStatus(t.db, c.id, a.id, 'advice_sent', statusesAllowedBefore('advice_sent', { allowSame: true }))).toBeNull();
    const [row] = await t.db.select().from(cases).where(eq(cases.id, c.id));
    expect(row.status).toBe('referred');

    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id));
    const decision = events.find((e) => e.kind === 'decision.referral');
    expect(decision).toMatchObject({ actorId: a.id, fromStatus: 'in_review', toStatus: 'referred' });
    expect(events.filter((e) => e.kind.startsWith('decision.'))).toHaveLength(1);
    const mails = await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, p.email));
    expect(mails.map((m) => m.subject)).toEqual(['Your rehab team recommends medical care']);
    expect((await auditRows('case.decide', c.id)).map((r) => r.outcome).sort()).toEqual(['allowed', 'denied', 'denied']);
  });

  it('advice then a consult recommendation move forward; the patient reads both, with the booking link', async () => {
    const p = await makePatient(t.db);
    const a = await makeClinician(t.db, { name: 'Ann' });
    const c = await makeCase(t.db, { patientId: p.id });
    expect(await decideCase(actorOf(a), c.id, { kind: 'advice', message: 'Hi Deniz, keep moving within what you can tolerate.' })).toMatchObject({ ok: true, status: 'advice_sent' });
    expect(await decideCase(actorOf(a), c.id, { kind: 'consult', message: 'A video consult would help us plan your return.' })).toMatchObject({ ok: true, status: 'consult_recommended' });
    const thread = await listThreadForViewer(actorOf(p), c.id);
    expect(thread?.map((m) => m.body)).toEqual([
      'Hi Deniz, keep moving within what you can tolerate.',
      expect.stringContaining(`/book?case=${c.id}`),
    ]);
    const [row] = await t.db.select().from(cases).where(eq(cases.id, c.id));
    expect(row).toMatchObject({ status: 'consult_recommended', assignedClinicianId: a.id });
    // Closing is terminal: nothing moves a closed case, not even a referral.
    expect(await closeCase(actorOf(a), c.id)).toBe(true);
    expect(await closeCase(actorOf(a), c.id)).toBe(false);
    expect(await decideCase(actorOf(a), c.id, { kind: 'referral', referralUrgency: 'routine', reason: 'See your doctor about the numbness.' })).toMatchObject({ ok: false, status: 'closed' });
  });

  it('messages: patients write only on their own case and never see internal notes', async () => {
    const p = await makePatient(t.db);
    const stranger = await makePatient(t.db);
    const a = await makeClinician(t.db, { name: 'Ann' });
    const c = await makeCase(t.db, { patientId: p.id, assignedClinicianId: a.id, status: 'in_review' });
    expect((await postCaseMessage(actorOf(a), c.id, { body: 'Does it hurt when you breathe in deeply?', internal: false })).ok).toBe(true);
    expect((await postCaseMessage(actorOf(a), c.id, { body: 'Check Modic 1 at T5 against the night-pain answer.', internal: true })).ok).toBe(true);
    expect((await postCaseMessage(actorOf(p), c.id, { body: 'Yes, on deep breaths.', internal: false })).ok).toBe(true);
    expect(await postCaseMessage(actorOf(p), c.id, { body: 'sneaky', internal: true })).toMatchObject({ ok: false, reason: 'internal_not_allowed' });
    expect(await postCaseMessage(actorOf(stranger), c.id, { body: 'hello', internal: false })).toMatchObject({ ok: false, reason: 'not_found' });
    expect(await listThreadForViewer(actorOf(stranger), c.id)).toBeNull();

    const patientView = await listThreadForViewer(actorOf(p), c.id);
    expect(patientView?.map((m) => m.body)).toEqual(['Does it hurt when you breathe in deeply?', 'Yes, on deep breaths.']);
    const staffView = await listThreadForViewer(actorOf(a), c.id);
    expect(staffView).toHaveLength(3);
    expect(staffView?.find((m) => m.internal)?.body).toContain('Modic 1');
    // The patient is mailed for the team's message; the assignee for the patient's reply; nobody for the note.
    expect(await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, p.email))).toHaveLength(1);
    expect(await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, a.email))).toHaveLength(1);
  });

  it('writes an audit row for every read and write of a case', async () => {
    const p = await makePatient(t.db);
    const a = await makeClinician(t.db, { name: 'Ann' });
    const c = await makeCase(t.db, { patientId: p.id });
    const view = await viewCaseForStaff(actorOf(a), c.id);
    expect(view?.header.patientName).toBe('Pat Patient');
    await claimCase(actorOf(a), c.id);
    await postCaseMessage(actorOf(a), c.id, { body: 'Note to self', internal: true });
    await postCaseMessage(actorOf(a), c.id, { body: 'Hello', internal: false });
    await listThreadForViewer(actorOf(p), c.id);
    await decideCase(actorOf(a), c.id, { kind: 'advice', message: 'Keep moving within what you can tolerate.' });
    await releaseCase(actorOf(a), c.id);
    const rows = await t.db.select().from(auditEvents).where(eq(auditEvents.resourceId, c.id));
    expect(rows.map((r) => r.action).sort()).toEqual(
      ['case.claim', 'case.decide', 'case.message.create', 'case.messages.view', 'case.note.create', 'case.release', 'case.view'].sort(),
    );
    expect(rows.every((r) => r.patientId === p.id)).toBe(true);
  });

  it('SLA breach detection alerts the assignee and the lead once per breach', async () => {
    const p = await makePatient(t.db);
    const a = await makeClinician(t.db, { name: 'Ann' });
    const lead = await makeClinician(t.db, { name: 'Lead', admin: true });
    const now = new Date('2026-11-24T10:00:00Z');
    const late = await makeCase(t.db, { patientId: p.id, urgency: 'emergency', assignedClinicianId: a.id, status: 'in_review', slaDueAt: new Date(now.getTime() - minutes(5)) });
    await makeCase(t.db, { patientId: p.id, urgency: 'urgent', slaDueAt: new Date(now.getTime() + minutes(30)) });
    await makeCase(t.db, { patientId: p.id, urgency: 'routine', status: 'advice_sent', slaDueAt: new Date(now.getTime() - minutes(60)) });

    expect(await detectSlaBreaches(t.db, now)).toEqual({ alerted: 1, mails: 2 });
    expect(await detectSlaBreaches(t.db, new Date(now.getTime() + minutes(1)))).toEqual({ alerted: 0, mails: 0 });
    // Two workers at once still alert once.
    const later = new Date(now.getTime() + minutes(45));
    const both = await Promise.all([detectSlaBreaches(t.db, later), detectSlaBreaches(t.db, later)]);
    expect(both.map((r) => r.alerted).sort()).toEqual([0, 1]);

    const [row] = await t.db.select().from(cases).where(eq(cases.id, late.id));
    expect(row.breachAlertedAt?.toISOString()).toBe(now.toISOString());
    const leadMails = await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, lead.email));
    expect(leadMails.map((m) => m.subject)).toEqual(['SLA breached: emergency case waiting', 'SLA breached: urgent case waiting']);
    expect(await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, a.email))).toHaveLength(1);
  });

  it('the audit table refuses UPDATE and DELETE at the database', async () => {
    const a = await makeClinician(t.db);
    const p = await makePatient(t.db);
    const c = await makeCase(t.db, { patientId: p.id });
    await viewCaseForStaff(actorOf(a), c.id);
    // drizzle wraps the driver's error: the database's own message is on `cause`.
    const refusal = (q: Promise<unknown>) =>
      q.then(
        () => 'accepted',
        (err: Error & { cause?: Error }) => `${err.cause?.message ?? ''} ${err.message}`,
      );
    expect(await refusal(t.db.execute(sql`update audit_events set action = 'tampered'`))).toMatch(/audit_events is append-only: UPDATE refused/);
    expect(await refusal(t.db.execute(sql`delete from audit_events`))).toMatch(/audit_events is append-only: DELETE refused/);
    expect(await refusal(t.db.execute(sql`truncate audit_events`))).toMatch(/audit_events is append-only: TRUNCATE refused/);
    expect((await auditRows('case.view', c.id)).length).toBe(1);
  });
});
