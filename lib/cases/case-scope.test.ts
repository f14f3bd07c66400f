import { beforeEach, describe, expect, it, vi } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { clinicianScopeOf, listAccessGrants } from '@/db/queries/case-scope';
import { findCaseWithIntake } from '@/db/queries/intakes';
import { listQueue } from '@/db/queries/queue';
import { auditEvents, caseAccessGrants, clinicianProfiles, sessions, users } from '@/db/schema';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { removeTeamRole, updateClinician } from '@/lib/admin/team-admin';
import { breakGlass } from './break-glass';
import { listThreadForViewer, postCaseMessage } from './messages';
import { makeCase } from '@/lib/testing/factories/queue-case';
import { makeClinician, makePatient, makeUser } from '@/lib/testing/factories/people';
import type { ActorRef } from '@/lib/domain/actor';
import { viewCaseForStaff } from './view-case';
import type { Role } from '@/lib/domain/roles';

// The session is the only thing faked (for the guard test): guards, queries and audit run for real.
type SessionUser = { id: string; email: string; name: string | null; roles: Role[]; timezone: string };
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/config', () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3_600_000).toISOString() } : null),
}));
const { GET: GET_QUEUE } = await import('@/app/api/queue/route');
const { GET: GET_INTAKE } = await import('@/app/api/intakes/[id]/route');

const actorOf = (u: { id: string; roles: string[]; name: string | null }): ActorRef => ({ id: u.id, roles: u.roles as Role[], name: u.name });

describe.each(testDbKinds())('who may read what on %s', (kind) => {
  const t = useTestDb(kind);
  beforeEach(() => {
    session.user = null;
  });

  async function queueIds(a: ActorRef) {
    const page = await listQueue(t.db, { viewerId: a.id, scope: await clinicianScopeOf(t.db, a.id), assignee: 'any', limit: 100 });
    return page.items.map((i) => i.id).sort();
  }

  it('issue 10 item 8 (CONTRACTS §4c): assigned, own areas, the pool and (on call) emergencies; anything else 404 until opened with a reason, for a limited time', async () => {
    const p = await makePatient(t.db);
    const sam = actorOf(await makeClinician(t.db, { name: 'Sam', areas: ['upper_back'] }));
    const priya = actorOf(await makeClinician(t.db, { name: 'Priya', areas: ['knee'] }));
    const onCall = actorOf(await makeClinician(t.db, { name: 'Olu', areas: ['head'] }));
    await t.db.update(clinicianProfiles).set({ onCall: true }).where(eq(clinicianProfiles.userId, onCall.id));

    const assignedToSam = await makeCase(t.db, { patientId: p.id, assignedClinicianId: sam.id, areas: ['knee'], status: 'in_review' });
    const samsArea = await makeCase(t.db, { patientId: p.id, assignedClinicianId: priya.id, areas: ['upper_back'], status: 'in_review' });
    const pool = await makeCase(t.db, { patientId: p.id, areas: ['head'] });
    const priyas = await makeCase(t.db, { patientId: p.id, assignedClinicianId: priya.id, areas: ['knee'], status: 'in_review', mriReport: 'Modic type 1 at T5.' });
    const emergency = await makeCase(t.db, { patientId: p.id, urgency: 'emergency', assignedClinicianId: priya.id, areas: ['knee'] });

    for (const c of [assignedToSam, samsArea, pool]) expect(await viewCaseForStaff(sam, c.id), c.id).not.toBeNull();
    for (const c of [priyas, emergency]) {
      expect(await viewCaseForStaff(sam, c.id)).toBeNull();
      expect(await findCaseWithIntake(t.db, sam, c.id)).toBeNull();
      expect(await listThreadForViewer(sam, c.id)).toBeNull();
      expect(await postCaseMessage(sam, c.id, { body: 'A note', internal: true })).toMatchObject({ ok: false, reason: 'not_found' });
    }
    expect(await queueIds(sam)).toEqual([assignedToSam.id, samsArea.id, pool.id].sort());
    // On call: emergencies too, nothing else outside their areas.
    expect(await viewCaseForStaff(onCall, emergency.id)).not.toBeNull();
    expect(await viewCaseForStaff(onCall, priyas.id)).toBeNull();
    const denied = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'case.view'), eq(auditEvents.outcome, 'denied'), eq(auditEvents.actorId, sam.id)));
    expect(denied.length).toBeGreaterThanOrEqual(2);

    // Break-the-glass: a time-limited grant, audited with its reason, listed to the lead.
    const before = Date.now();
    const r = await breakGlass(sam, priyas.id, 'Patient phoned me, Priya is away today.');
    expect(r.ok).toBe(true);
    const until = r.ok ? r.until.getTime() : 0;
    expect(until - before).toBeGreaterThan(50 * 60_000);
    expect(until - before).toBeLessThan(70 * 60_000);
    expect((await viewCaseForStaff(sam, priyas.id))?.header.id).toBe(priyas.id);
    expect(await findCaseWithIntake(t.db, sam, priyas.id)).not.toBeNull();
    expect(await listThreadForViewer(sam, priyas.id)).toEqual([]);
    expect(await queueIds(sam)).toContain(priyas.id);
    expect(await findCaseWithIntake(t.db, sam, emergency.id)).toBeNull();
    const [row] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'case.break_glass'), eq(auditEvents.resourceId, priyas.id)));
    expect(row).toMatchObject({ actorId: sam.id, patientId: p.id, outcome: 'allowed', details: { reason: 'Patient phoned me, Priya is away today.' } });
    expect((await listAccessGrants(t.db, { limit: 10 }))[0]).toMatchObject({ caseId: priyas.id, clinicianName: 'Sam', openNow: true });

    // When the grant ends, so does the access.
    await t.db.update(caseAccessGrants).set({ createdAt: sql`now() - interval '2 hours'`, expiresAt: sql`now() - interval '1 hour'` });
    expect(await viewCaseForStaff(sam, priyas.id)).toBeNull();
    expect(await queueIds(sam)).not.toContain(priyas.id);

    // A reason opens only a real case, and only for an active clinician.
    expect(await breakGlass(sam, '00000000-0000-4000-8000-000000000000', 'Looking for a case.')).toEqual({ ok: false, reason: 'not_found' });
    const adminOnly = actorOf(await makeUser(t.db, { name: 'Ada Admin', roles: ['admin'] }));
    expect(await breakGlass(adminOnly, priyas.id, 'I am the admin, let me in.')).toEqual({ ok: false, reason: 'not_found' });
  });

  it('finding 12: an admin without the clinician role reads no intake, thread, note or MRI text, and sees an empty queue', async () => {
    const p = await makePatient(t.db);
    const admin = actorOf(await makeUser(t.db, { name: 'Ada Admin', roles: ['admin'] }));
    const c = await makeCase(t.db, { patientId: p.id, mriReport: 'Modic type 1 changes at T5 and T7.' });
    const lead = actorOf(await makeClinician(t.db, { name: 'Lead', admin: true, areas: ['upper_back'] }));
    await postCaseMessage(lead, c.id, { body: 'Internal: check night pain.', internal: true });
    expect(await viewCaseForStaff(admin, c.id)).toBeNull();
    expect(await findCaseWithIntake(t.db, admin, c.id)).toBeNull();
    expect(await listThreadForViewer(admin, c.id)).toBeNull();
    expect(await postCaseMessage(admin, c.id, { body: 'hello', internal: false })).toMatchObject({ ok: false, reason: 'not_found' });
    expect(await queueIds(admin)).toEqual([]);
    session.user = { id: admin.id, email: 'ada@example.test', name: 'Ada Admin', roles: ['admin'], timezone: 'UTC' };
    const res = await GET_INTAKE(new Request(`http://test/api/intakes/${c.id}`), { params: Promise.resolve({ id: c.id }) });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('Modic');
    expect((await GET_QUEUE(new NextRequest('http://test/api/queue'))).status).toBe(404);
    // The lead (clinician + admin) does read it.
    expect(await viewCaseForStaff(lead, c.id)).not.toBeNull();
  });

  it('finding 3: deactivating a clinician or removing a role ends their sessions at once, audited; guards refuse an inactive member', async () => {
    const lead = actorOf(await makeClinician(t.db, { name: 'Lead', admin: true }));
    const leaving = await makeClinician(t.db, { name: 'Leaving', areas: ['knee'] });
    const demoted = await makeClinician(t.db, { name: 'Demoted', admin: true });
    const expires = new Date(Date.now() + 3_600_000);
    await t.db.insert(sessions).values([
      { sessionToken: `s-${leaving.id}-1`, userId: leaving.id, expires },
      { sessionToken: `s-${leaving.id}-2`, userId: leaving.id, expires },
      { sessionToken: `s-${demoted.id}`, userId: demoted.id, expires },
      { sessionToken: `s-${lead.id}`, userId: lead.id, expires },
    ]);
    expect(await updateClinician(lead, { userId: leaving.id, areas: ['knee'], capacity: 5, onCall: false, active: false })).toBe(true);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, leaving.id))).toHaveLength(0);
    const [upd] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'team.update'), eq(auditEvents.resourceId, leaving.id)));
    expect(upd.details).toMatchObject({ active: false, sessionsEnded: 2 });

    expect(await removeTeamRole(lead, { userId: demoted.id, role: 'admin' })).toEqual({ ok: true, roles: ['clinician'], sessionsEnded: 1 });
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, demoted.id))).toHaveLength(0);
    const [u] = await t.db.select({ roles: users.roles }).from(users).where(eq(users.id, demoted.id));
    expect(u.roles).toEqual(['clinician']);
    expect(await removeTeamRole(lead, { userId: demoted.id, role: 'admin' })).toEqual({ ok: false, reason: 'not_found' });
    expect(await removeTeamRole(lead, { userId: lead.id, role: 'admin' })).toEqual({ ok: false, reason: 'own_admin_role' });
    const removed = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'team.remove_role'));
    expect(removed).toHaveLength(1);
    expect(removed[0].details).toMatchObject({ role: 'admin', sessionsEnded: 1 });
    // The lead's own session is untouched.
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, lead.id))).toHaveLength(1);

    // A session that outlived a deactivation (e.g. the flag set straight in the database) gets nothing: the guards
    // read `active`, not just the stored roles.
    const p = await makePatient(t.db);
    const c = await makeCase(t.db, { patientId: p.id, areas: ['knee'] });
    session.user = { id: leaving.id, email: leaving.email, name: 'Leaving', roles: ['clinician'], timezone: 'UTC' };
    expect((await GET_QUEUE(new NextRequest('http://test/api/queue'))).status).toBe(404);
    expect((await GET_INTAKE(new Request(`http://test/api/intakes/${c.id}`), { params: Promise.resolve({ id: c.id }) })).status).toBe(404);
    expect(await viewCaseForStaff(actorOf(leaving), c.id)).toBeNull();
  });
});
