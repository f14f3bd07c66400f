import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { listAuditEvents } from '@/db/queries/audit';
import { auditEvents } from '@/db/schema';
import { readQueue } from '@/lib/cases/list-queue';
import { makeCase } from '@/lib/testing/factories/queue-case';
import { makeClinician, makePatient } from '@/lib/testing/factories/people';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import type { ActorRef } from '@/lib/domain/actor';
import { auditQueueView, forgetQueueViewsForTests, type QueueView } from './queue';

const OPEN: QueueView = { assignee: 'any', status: ['submitted', 'in_review'], urgency: null, area: null, cursor: null };
const POLLS_PER_DAY = 8_640; // one every 10 s

describe.each(testDbKinds())('queue audit without noise on %s', (kind) => {
  const t = useTestDb(kind);

  async function queueRows(actorId: string) {
    return t.db.select().from(auditEvents).where(eq(auditEvents.actorId, actorId)).orderBy(auditEvents.id);
  }

  async function clinician(): Promise<ActorRef> {
    const c = await makeClinician(t.db, { name: 'Sam' });
    return { id: c.id, roles: ['clinician'], name: 'Sam' };
  }

  it('a tab polling an unchanged queue for a day (8,640 polls) writes at most 100 rows', async () => {
    const sam = await clinician();
    const p = await makePatient(t.db);
    const shown = [(await makeCase(t.db, { patientId: p.id })).id, (await makeCase(t.db, { patientId: p.id })).id];
    const start = Date.parse('2026-12-01T00:00:00Z');
    let written = 0;
    for (let i = 0; i < POLLS_PER_DAY; i++) {
      if (await auditQueueView(sam, OPEN, shown, new Date(start + i * 10_000))) written++;
    }
    const rows = await queueRows(sam.id);
    expect(rows.length).toBe(written);
    expect(rows.length).toBeLessThanOrEqual(100);
    // Still recorded while unchanged (hourly), so "when" stays answerable through the day.
    expect(rows.length).toBeGreaterThanOrEqual(24);
    expect(rows.every((r) => (r.details as { caseIds: string[] }).caseIds.length === 2)).toBe(true);
  }, 300_000);

  it('the database mark alone keeps it quiet when every poll reaches another instance (two hours of polls)', async () => {
    const sam = await clinician();
    const p = await makePatient(t.db);
    const shown = [(await makeCase(t.db, { patientId: p.id })).id];
    const start = Date.parse('2026-12-01T00:00:00Z');
    for (let i = 0; i < 720; i++) {
      // A fresh instance each time: nothing remembered in this process, only queue_view_marks can tell.
      forgetQueueViewsForTests();
      await auditQueueView(sam, OPEN, shown, new Date(start + i * 10_000));
    }
    // Recorded at 0:00 and 1:00 (the hourly refresh), nothing else.
    expect(await queueRows(sam.id)).toHaveLength(2);
  }, 300_000);

  it('writes one row when the shown set changes, naming the new case; a reorder or a repeat writes none', async () => {
    const sam = await clinician();
    const p = await makePatient(t.db, { name: 'Deniz' });
    const a = await makeCase(t.db, { patientId: p.id, urgency: 'routine' });
    const actorQuery = { assignee: 'any' as const, status: ['submitted' as const, 'in_review' as const], limit: 50 };

    await readQueue(sam, actorQuery, { withCounts: true });
    await readQueue(sam, actorQuery, { withCounts: true });
    await readQueue(sam, actorQuery, { withCounts: false });
    expect(await queueRows(sam.id)).toHaveLength(1);

    const b = await makeCase(t.db, { patientId: p.id, urgency: 'emergency' });
    await readQueue(sam, actorQuery, { withCounts: true });
    await readQueue(sam, actorQuery, { withCounts: true });
    const rows = await queueRows(sam.id);
    expect(rows).toHaveLength(2);
    expect(rows[0].details).toMatchObject({ caseIds: [a.id], shown: 1 });
    expect(rows[1].details).toMatchObject({ shown: 2 });
    expect((rows[1].details as { caseIds: string[] }).caseIds).toEqual([b.id, a.id]);
    expect(rows[1]).toMatchObject({ action: 'queue.view', actorId: sam.id });

    // The same set in another order is not a new disclosure.
    expect(await auditQueueView(sam, OPEN, [a.id, b.id])).toBe(false);
    // Another view (a filter) is recorded on its own.
    expect(await auditQueueView(sam, { ...OPEN, urgency: 'emergency' }, [b.id])).toBe(true);
  });

  it('every case shown stays traceable: the admin query by case id names each clinician it was shown to', async () => {
    const sam = await clinician();
    const priya = await clinician();
    const p = await makePatient(t.db);
    const x = await makeCase(t.db, { patientId: p.id });
    const other = await makeCase(t.db, { patientId: p.id });
    await auditQueueView(sam, OPEN, [x.id, other.id]);
    await auditQueueView(priya, { ...OPEN, assignee: 'none' }, [other.id]);
    await auditQueueView(priya, OPEN, [x.id]);

    const page = await listAuditEvents(t.db, { caseId: x.id, limit: 50 });
    expect(page.items.map((r) => r.actorId).sort()).toEqual([sam.id, priya.id].sort());
    expect(page.items.every((r) => r.at instanceof Date)).toBe(true);
    const none = await listAuditEvents(t.db, { caseId: '00000000-0000-4000-8000-000000000000', limit: 50 });
    expect(none.items).toHaveLength(0);
  });
});
