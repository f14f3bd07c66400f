import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { listAuditEvents } from '@/db/queries/audit';
import { workloadByClinician } from '@/db/queries/team';
import { auditEvents, cases, clinicianProfiles, outboxMessages, users } from '@/db/schema';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { makeCase } from '@/lib/testing/factories/queue-case';
import { makeClinician, makePatient } from '@/lib/testing/factories/people';
import { detectSlaBreaches } from '@/lib/cases/detect-sla-breaches';
import { inviteClinician, saveTemplate, updateClinician, updateSlas } from './team-admin';

describe.each(testDbKinds())('team administration on %s', (kind) => {
  const t = useTestDb(kind);

  it('invites a clinician: account with the clinician role, profile, invitation mail, audit row', async () => {
    const lead = await makeClinician(t.db, { name: 'Lead', admin: true });
    const actor = { id: lead.id, roles: lead.roles, name: 'Lead' };
    const r = await inviteClinician(actor, { email: 'new.physio@example.test', name: 'New Physio', title: 'Physiotherapist', areas: ['knee'], capacity: 12, admin: false });
    expect(r.created).toBe(true);
    const [u] = await t.db.select().from(users).where(eq(users.id, r.id));
    expect(u.roles).toEqual(['clinician']);
    const [p] = await t.db.select().from(clinicianProfiles).where(eq(clinicianProfiles.userId, r.id));
    expect(p).toMatchObject({ displayName: 'New Physio', areas: ['knee'], capacity: 12, active: true });
    const [mail] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, 'new.physio@example.test'));
    expect(mail.text).toContain('/signin?email=new.physio%40example.test');
    expect(await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'team.invite'))).toHaveLength(1);

    expect(await updateClinician(actor, { userId: r.id, areas: ['knee', 'hip'], capacity: 5, onCall: true, active: false })).toBe(true);
    const [p2] = await t.db.select().from(clinicianProfiles).where(eq(clinicianProfiles.userId, r.id));
    expect(p2).toMatchObject({ areas: ['knee', 'hip'], capacity: 5, onCall: true, active: false });
  });

  it('template titles are unique; SLA changes move the due time of open, unbreached cases only', async () => {
    const lead = await makeClinician(t.db, { name: 'Lead', admin: true });
    const actor = { id: lead.id, roles: lead.roles, name: 'Lead' };
    expect((await saveTemplate(actor, { title: 'Walk daily', body: 'Hi {first_name}, walk every day for 20 minutes.', active: true })).ok).toBe(true);
    expect(await saveTemplate(actor, { title: 'Walk daily', body: 'Another text that is long enough.', active: true })).toEqual({ ok: false, reason: 'title_taken' });

    const p = await makePatient(t.db);
    const submittedAt = new Date('2026-11-24T08:00:00Z');
    const open = await makeCase(t.db, { patientId: p.id, urgency: 'urgent', submittedAt, slaDueAt: new Date('2026-11-25T08:00:00Z') });
    const decided = await makeCase(t.db, { patientId: p.id, urgency: 'urgent', status: 'advice_sent', submittedAt, slaDueAt: new Date('2026-11-25T08:00:00Z') });
    const r = await updateSlas(actor, { emergency: 60, urgent: 120, routine: 4320 });
    expect(r.recomputed).toBe(1);
    const [o] = await t.db.select().from(cases).where(eq(cases.id, open.id));
    expect(o.slaDueAt.toISOString()).toBe('2026-11-24T10:00:00.000Z');
    const [d] = await t.db.select().from(cases).where(eq(cases.id, decided.id));
    expect(d.slaDueAt.toISOString()).toBe('2026-11-25T08:00:00.000Z');
    const log = await listAuditEvents(t.db, { action: 'sla.update', limit: 10 });
    expect(log.items[0].details).toMatchObject({ after: { urgent: 120 }, recomputedOpenCases: 1 });
  });

  it('workload counts open cases per clinician and the breaches alerted this week; the audit log filters by email', async () => {
    const sam = await makeClinician(t.db, { name: 'Sam', email: 'sam@example.test' });
    const p = await makePatient(t.db, { email: 'deniz@example.test' });
    await makeCase(t.db, { patientId: p.id, assignedClinicianId: sam.id, status: 'in_review', slaDueAt: new Date(Date.now() - 60_000) });
    await makeCase(t.db, { patientId: p.id, assignedClinicianId: sam.id, status: 'referred' });
    await makeCase(t.db, { patientId: p.id });
    await detectSlaBreaches(t.db, new Date());
    const w = await workloadByClinician(t.db, new Date(Date.now() - 7 * 86400_000));
    expect(w.rows.find((r) => r.id === sam.id)).toMatchObject({ open: 1, breachesThisWeek: 1 });
    expect(w.unassignedOpen).toBe(1);

    await t.db.insert(auditEvents).values({ actorId: sam.id, action: 'case.view', resourceType: 'case', patientId: p.id, outcome: 'allowed' });
    const byEmail = await listAuditEvents(t.db, { actorId: 'SAM@example.test', patientId: 'deniz@example.test', limit: 10 });
    expect(byEmail.items).toHaveLength(1);
    expect(byEmail.items[0]).toMatchObject({ actorEmail: 'sam@example.test', patientEmail: 'deniz@example.test' });
  });
});
