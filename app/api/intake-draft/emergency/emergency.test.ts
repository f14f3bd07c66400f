import { beforeEach, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { caseEvents, cases, clinicianProfiles, intakeDrafts, intakeVersions, outboxMessages, patientProfiles, users } from '@/db/schema';
import { seedAccounts } from '@/db/seed/accounts';
import { appUrl } from '@/lib/env';
import { emergencyDoneText } from '@/lib/cases/emergency-status-text';
import { rightScapulaIntake } from '@/db/seed/forum-cases';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import type { Role } from '@/lib/domain/roles';

type SessionUser = { id: string; email: string; name: string | null; roles: Role[]; timezone: string };
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/config', () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3_600_000).toISOString() } : null),
}));

const { POST } = await import('./route');
const { POST: submit } = await import('../../intakes/route');
const { PUT: saveDraft } = await import('../route');
const headers = () => ({ 'content-type': 'application/json', origin: appUrl() });
const report = () => POST(new Request(`${appUrl()}/api/intake-draft/emergency`, { method: 'POST', headers: headers() }));

const noFlags = Object.fromEntries(Object.keys(rightScapulaIntake().redFlags).map((c) => [c, false]));

describe.each(testDbKinds())('POST /api/intake-draft/emergency (%s)', (kind) => {
  const t = useTestDb(kind);
  let patientId: string;
  const email = 'em@x.test';
  beforeEach(async () => {
    await seedAccounts(t.db);
    const [u] = await t.db.insert(users).values({ email, roles: ['patient'] }).returning({ id: users.id });
    patientId = u.id;
    session.user = { id: patientId, email, name: null, roles: ['patient'], timezone: 'UTC' };
  });

  const draft = async (data: Record<string, unknown>, baseRevision = 0) => {
    const res = await saveDraft(new Request(`${appUrl()}/api/intake-draft`, { method: 'PUT', headers: headers(), body: JSON.stringify({ data, step: 'safety', baseRevision }) }));
    expect(res.status).toBe(200);
    return ((await res.json()) as { revision: number }).revision;
  };
  const about = { name: 'Ada Lift', dateOfBirth: '1990-01-02', timezone: 'Europe/London', phone: '+44 7700 900123', mayCall: true };

  it('raises one incomplete emergency case from the draft, alerts the on-call lead with the phone, and says so', async () => {
    await draft({ patient: about, redFlags: { ...noFlags, bladder_bowel_change: true } });

    const first = await report();
    expect(first.status).toBe(201);
    const body = await first.json();
    expect(body).toMatchObject({ urgency: 'emergency', alerted: 1, alertedNames: ['Morgan Ellis'], phone: '+447700900123', mayCall: true });

    const [kase] = await t.db.select().from(cases).where(eq(cases.id, body.caseId));
    expect(kase).toMatchObject({ patientId, urgency: 'emergency', incomplete: true, status: 'submitted' });
    expect(kase.submittedAt.toISOString()).toBe(body.sentAt);
    const [lead] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, 'lead@demo.test'));
    expect(kase.assignedClinicianId).toBe(lead.id);
    const [v1] = await t.db.select().from(intakeVersions).where(eq(intakeVersions.caseId, body.caseId));
    expect(v1.submission).toMatchObject({ incomplete: true, patient: { name: 'Ada Lift', phone: '+447700900123', mayCall: true }, redFlags: { bladder_bowel_change: true } });
    const [profile] = await t.db.select().from(patientProfiles).where(eq(patientProfiles.userId, patientId));
    expect(profile).toMatchObject({ phone: '+447700900123', mayCall: true });

    // The panel's words match what the database and the outbox hold at this moment.
    const words = emergencyDoneText(body, 'UTC');
    const mails = await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, 'lead@demo.test'));
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toMatch(/EMERGENCY/);
    expect(mails[0].text).toContain('+447700900123');
    expect(mails[0].text).toContain('the patient agreed to be phoned');
    expect(mails[0].text).toContain(`/queue/cases/${body.caseId}`);
    const [leadProfile] = await t.db.select().from(clinicianProfiles).where(eq(clinicianProfiles.userId, lead.id));
    expect(words.done).toContain(leadProfile.displayName);
    expect(words.done).toContain(kase.submittedAt.toISOString().slice(11, 16));
    expect(words.contact).toContain(profile.phone!);

    // Again (a double click, a second tab, a reload): the same case, nothing sent twice.
    const again = await report();
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(body);
    expect(await t.db.select().from(cases).where(eq(cases.patientId, patientId))).toHaveLength(1);
    expect(await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, 'lead@demo.test'))).toHaveLength(1);
  });

  it('raises one case when two calls race (a double tap, two tabs): the draft row lock decides', async () => {
    await draft({ patient: about, redFlags: { ...noFlags, saddle_numbness: true } });
    const answers = await Promise.all([report(), report(), report()]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const ids = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as { caseId: string }).caseId)));
    expect(ids.size).toBe(1);
    expect(await t.db.select().from(cases).where(eq(cases.patientId, patientId))).toHaveLength(1);
  });

  it('refuses a draft without an emergency answer or without contact, and anyone but a signed-in patient', async () => {
    expect((await report()).status).toBe(400); // no draft at all
    const rev = await draft({ patient: about, redFlags: { ...noFlags, cancer_history: true } });
    const notEmergency = await report();
    expect(notEmergency.status).toBe(400);
    expect(await notEmergency.json()).toMatchObject({ error: 'not_an_emergency' });

    await draft({ patient: { ...about, phone: '7700 900123' }, redFlags: { ...noFlags, saddle_numbness: true } }, rev);
    const noContact = await report();
    expect(noContact.status).toBe(400);
    expect(await noContact.json()).toMatchObject({ error: 'missing_contact' });
    expect(await t.db.select().from(cases).where(eq(cases.patientId, patientId))).toHaveLength(0);

    session.user = null;
    expect((await report()).status).toBe(401);
    session.user = { id: patientId, email, name: null, roles: ['clinician'], timezone: 'UTC' };
    expect((await report()).status).toBe(404);
  });

  it('completes that case when the full intake is submitted, instead of filing a second one', async () => {
    const full = rightScapulaIntake();
    full.redFlags.progressive_weakness = true;
    const rev = await draft({ patient: full.patient, redFlags: full.redFlags });
    const raised = await (await report()).json();
    await draft(full as unknown as Record<string, unknown>, rev);

    const res = await submit(new Request(`${appUrl()}/api/intakes`, { method: 'POST', headers: headers(), body: JSON.stringify(full) }));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id: raised.caseId, status: 'submitted', urgency: 'emergency' });

    const mine = await t.db.select().from(cases).where(eq(cases.patientId, patientId));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ incomplete: false, currentVersion: 2, regions: full.complaint.regions });
    expect(await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, raised.caseId), eq(caseEvents.kind, 'intake_completed')))).toHaveLength(1);
    expect(await t.db.select().from(intakeDrafts).where(eq(intakeDrafts.patientId, patientId))).toHaveLength(0);
    const versions = await t.db.select().from(intakeVersions).where(eq(intakeVersions.caseId, raised.caseId)).orderBy(intakeVersions.version);
    // The safety answers keep the time they were first given in the draft.
    const v1Times = (versions[0].submission as { redFlagsAnsweredAt: Record<string, string> }).redFlagsAnsweredAt;
    const v2Times = (versions[1].submission as { redFlagsAnsweredAt: Record<string, string> }).redFlagsAnsweredAt;
    expect(Object.keys(v2Times)).toHaveLength(12);
    expect(v2Times.progressive_weakness).toBe(v1Times.progressive_weakness);
  });
});
