import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { caseAccessGrants, clinicianProfiles, users } from '@/db/schema';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { makeCase } from '@/lib/testing/factories/queue-case';
import { makeClinician, makePatient } from '@/lib/testing/factories/people';
import { clinicianScopeOf, insertAccessGrant } from './case-scope';
import { listQueue, queueCounts, type QueueFilter } from './queue';
import { decodeQueueCursor } from './queue-cursor';

/**
 * The queue reads the viewer's scope inside its own statement (scope: 'viewer'). It must show exactly what the
 * looked-up scope shows (CONTRACTS §4c), for every kind of clinician: areas, on call, assigned, pool, break-the-glass,
 * deactivated, the clinician role removed, and no profile at all.
 */
describe.each(testDbKinds())('queue scope read in the statement on %s', (kind) => {
  const t = useTestDb(kind);

  it('lists and counts exactly what clinicianScopeOf + the list show, for every kind of viewer', async () => {
    const p = await makePatient(t.db);
    const knee = await makeClinician(t.db, { areas: ['knee'] });
    const back = await makeClinician(t.db, { areas: ['low_back'] });
    const onCall = await makeClinician(t.db, { areas: ['neck'] });
    await t.db.update(clinicianProfiles).set({ onCall: true }).where(eq(clinicianProfiles.userId, onCall.id));
    const gone = await makeClinician(t.db, { areas: ['knee', 'low_back'], active: false });
    const demoted = await makeClinician(t.db, { areas: ['knee'] });
    await t.db.update(users).set({ roles: ['patient'] }).where(eq(users.id, demoted.id));
    const noAreas = await makeClinician(t.db, { areas: [] });
    const patientOnly = p;

    await makeCase(t.db, { patientId: p.id, areas: ['knee'], assignedClinicianId: back.id });
    await makeCase(t.db, { patientId: p.id, areas: ['low_back'], assignedClinicianId: knee.id });
    await makeCase(t.db, { patientId: p.id, areas: ['shoulder'], assignedClinicianId: back.id, urgency: 'emergency' });
    await makeCase(t.db, { patientId: p.id, areas: ['shoulder'], assignedClinicianId: knee.id, urgency: 'urgent' });
    await makeCase(t.db, { patientId: p.id, areas: ['neck'], assignedClinicianId: null });
    const granted = await makeCase(t.db, { patientId: p.id, areas: ['hip'], assignedClinicianId: back.id });
    await insertAccessGrant(t.db, { caseId: granted.id, userId: noAreas.id, reason: 'Covering a colleague', minutes: 30 });
    const lapsed = await makeCase(t.db, { patientId: p.id, areas: ['hip'], assignedClinicianId: knee.id, status: 'in_review' });
    await t.db.insert(caseAccessGrants).values({
      caseId: lapsed.id,
      userId: noAreas.id,
      reason: 'Expired grant, covering a colleague',
      createdAt: new Date(Date.now() - 3_600_000),
      expiresAt: new Date(Date.now() - 60_000),
    });

    const seen = new Map<string, number>();
    for (const viewer of [knee, back, onCall, gone, demoted, noAreas, patientOnly]) {
      const base: QueueFilter = { viewerId: viewer.id, scope: null, assignee: 'any', limit: 50 };
      const looked = await clinicianScopeOf(t.db, viewer.id);
      const expected = await listQueue(t.db, { ...base, scope: looked });
      const inStatement = await listQueue(t.db, { ...base, scope: 'viewer' });
      expect(inStatement.items.map((i) => i.id)).toEqual(expected.items.map((i) => i.id));
      expect(await queueCounts(t.db, { ...base, scope: 'viewer' })).toEqual(await queueCounts(t.db, { ...base, scope: looked }));
      seen.set(viewer.id, inStatement.items.length);
      // listQueue keeps one prepared statement per filter shape and fills in the values: every viewer reuses the
      // statements the one before built, with its own id, area, urgency, page size and cursor.
      const variants: Partial<QueueFilter>[] = [
        { assignee: 'me' },
        { assignee: 'none' },
        { area: 'knee' },
        { area: 'shoulder', urgency: 'urgent' },
        { status: ['submitted', 'in_review'], urgency: 'emergency' },
        { limit: 2 },
      ];
      for (const variant of variants) {
        const f = { ...base, ...variant };
        const want = await listQueue(t.db, { ...f, scope: looked });
        const got = await listQueue(t.db, { ...f, scope: 'viewer' });
        expect(got.items.map((i) => i.id)).toEqual(want.items.map((i) => i.id));
        expect(got.nextCursor).toEqual(want.nextCursor);
        const cursor = want.nextCursor ? decodeQueueCursor(want.nextCursor) : null;
        if (cursor) {
          const next = await listQueue(t.db, { ...f, cursor, scope: 'viewer' });
          expect(next.items.map((i) => i.id)).toEqual((await listQueue(t.db, { ...f, cursor, scope: looked })).items.map((i) => i.id));
        }
      }
    }
    // The cases differ per viewer, so the comparison above says something.
    expect(seen.get(knee.id)).toBe(5); // knee area, assigned ×3 (one shoulder, one hip), the pool
    expect(seen.get(back.id)).toBe(5); // low_back area, assigned ×3, the pool
    expect(seen.get(onCall.id)).toBe(2); // the emergency (on call), the neck pool case (area and pool)
    expect(seen.get(noAreas.id)).toBe(2); // the pool and the live grant; not the lapsed one
    expect(seen.get(gone.id)).toBe(0);
    expect(seen.get(demoted.id)).toBe(0);
    expect(seen.get(patientOnly.id)).toBe(0);
  });
});
