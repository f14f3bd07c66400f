import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import {
  auditEvents,
  caseEvents,
  cases,
  clinicianProfiles,
  intakeDrafts,
  intakeVersions,
  outboxMessages,
  patientProfiles,
  triageAssessments,
  users,
} from '@/db/schema';
import { seedAccounts } from '@/db/seed/accounts';
import { testDbKinds, useTestDb, type TestDb } from '@/lib/testing/db';
import { sendMail } from '@/lib/mail';
import { RED_FLAG_CODES } from '@/lib/triage';
import { intakeSubmissionSchema, type IntakeSubmission } from '@/lib/validation/intake';
import { amendIntake } from './amend-intake';
import { leftScapulaIntake, rightScapulaIntake } from '@/db/seed/forum-cases';
import { submitIntake } from './submit-intake';

const NOW = new Date('2026-11-24T09:00:00Z');
/** A submission without a draft: every safety answer was given at submission. */
const answeredAtNow = Object.fromEntries(RED_FLAG_CODES.map((c) => [c, NOW.toISOString()]));

function parsed(input: unknown): IntakeSubmission {
  return intakeSubmissionSchema.parse(input);
}

async function newPatient(db: TestDb['db'], email = `p-${Math.random().toString(36).slice(2)}@example.test`) {
  const [u] = await db.insert(users).values({ email, roles: ['patient'] }).returning({ id: users.id, email: users.email });
  return { id: u.id, email: u.email, roles: ['patient' as const] };
}

async function counts(db: TestDb['db']) {
  const n = async (table: typeof cases | typeof intakeVersions | typeof triageAssessments | typeof caseEvents | typeof outboxMessages) =>
    Number((await db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n);
  return {
    cases: await n(cases),
    versions: await n(intakeVersions),
    assessments: await n(triageAssessments),
    events: await n(caseEvents),
    mails: await n(outboxMessages),
  };
}

describe.each(testDbKinds())('submitIntake (%s)', (kind) => {
  const t = useTestDb(kind);
  let ids: Map<string, string>;
  beforeEach(async () => {
    ids = await seedAccounts(t.db);
  });

  it('stores the right-scapula forum case as a routine case routed to the spine clinician, with everything beside it', async () => {
    const db = t.db;
    const patient = await newPatient(db);
    await db.insert(intakeDrafts).values({ patientId: patient.id, data: { patient: { name: 'draft' } }, step: 'story' });
    const submission = parsed(rightScapulaIntake());

    const result = await submitIntake(db, patient, submission, { now: () => NOW });

    expect(result).toEqual({ id: expect.any(String), status: 'submitted', urgency: 'routine', assignedClinicianId: ids.get('clinician@demo.test') });
    const [kase] = await db.select().from(cases).where(eq(cases.id, result.id));
    expect(kase).toMatchObject({
      patientId: patient.id,
      status: 'submitted',
      urgency: 'routine',
      urgencyRank: 2,
      regions: ['upper_back_right', 'mid_back'],
      areas: ['upper_back', 'mid_back'],
      currentVersion: 1,
    });
    expect(kase.slaDueAt.getTime() - NOW.getTime()).toBe(4320 * 60_000);

    const versions = await db.select().from(intakeVersions).where(eq(intakeVersions.caseId, result.id));
    expect(versions).toHaveLength(1);
    expect(versions[0].version).toBe(1);
    expect(versions[0].submission).toEqual({ ...JSON.parse(JSON.stringify(submission)), redFlagsAnsweredAt: answeredAtNow });

    const [assessment] = await db.select().from(triageAssessments).where(eq(triageAssessments.caseId, result.id));
    expect(assessment.intakeVersionId).toBe(versions[0].id);
    const codes = (assessment.mriFindings as { code: string; negated: boolean }[]).filter((f) => !f.negated).map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['modic_1', 'vertebral_height_loss']));

    const events = await db.select().from(caseEvents).where(eq(caseEvents.caseId, result.id));
    expect(events.map((e) => e.kind)).toEqual(['submitted']);
    const audits = await db.select().from(auditEvents).where(eq(auditEvents.resourceId, result.id));
    expect(audits.map((a) => a.action)).toContain('intake.submit');

    const [profile] = await db.select().from(patientProfiles).where(eq(patientProfiles.userId, patient.id));
    expect(profile).toMatchObject({ name: 'Deniz Aksoy', dateOfBirth: '1994-03-12', timezone: 'Europe/Istanbul' });
    expect(await db.select().from(intakeDrafts).where(eq(intakeDrafts.patientId, patient.id))).toEqual([]);

    const mails = await db.select().from(outboxMessages);
    expect(mails.map((m) => [m.to, m.subject]).sort()).toEqual(
      [
        ['clinician@demo.test', 'New routine case assigned to you'],
        [patient.email, 'We received your case'],
      ].sort(),
    );
    // Mail carries no story: the MRI text and the summary stay inside the app.
    expect(mails.every((m) => !m.text.includes('Modic') && !m.text.includes('deadlift'))).toBe(true);
  });

  it('routes an emergency to the on-call lead at once and tells the patient to seek emergency care', async () => {
    const db = t.db;
    const patient = await newPatient(db);
    const input = leftScapulaIntake(NOW);
    input.redFlags.bladder_bowel_change = true;

    const result = await submitIntake(db, patient, parsed(input), { now: () => NOW });

    expect(result.urgency).toBe('emergency');
    expect(result.assignedClinicianId).toBe(ids.get('lead@demo.test'));
    const [kase] = await db.select().from(cases).where(eq(cases.id, result.id));
    expect(kase.urgencyRank).toBe(0);
    expect(kase.slaDueAt.getTime() - NOW.getTime()).toBe(60 * 60_000);
    const mails = await db.select().from(outboxMessages);
    expect(mails.filter((m) => m.to === 'lead@demo.test').map((m) => m.subject)).toEqual(['EMERGENCY case: review now']);
    expect(mails.find((m) => m.to === patient.email)?.subject).toMatch(/Get emergency care now/);
  });

  it('leaves the case in the pool when nobody has room, and tells every clinician covering the area', async () => {
    const db = t.db;
    await db.update(clinicianProfiles).set({ capacity: 0 });
    const patient = await newPatient(db);

    const result = await submitIntake(db, patient, parsed(rightScapulaIntake()), { now: () => NOW });

    expect(result.assignedClinicianId).toBeNull();
    const pool = (await db.select().from(outboxMessages)).filter((m) => /pool/.test(m.subject)).map((m) => m.to).sort();
    expect(pool).toEqual(['clinician@demo.test', 'lead@demo.test']);
  });

  it('counts open cases against capacity when routing', async () => {
    const db = t.db;
    await db.update(clinicianProfiles).set({ capacity: 1 }).where(eq(clinicianProfiles.userId, ids.get('clinician@demo.test')!));
    await db.update(clinicianProfiles).set({ active: false }).where(eq(clinicianProfiles.userId, ids.get('lead@demo.test')!));
    const first = await submitIntake(db, await newPatient(db), parsed(rightScapulaIntake()), { now: () => NOW });
    const second = await submitIntake(db, await newPatient(db), parsed(rightScapulaIntake()), { now: () => NOW });
    expect(first.assignedClinicianId).toBe(ids.get('clinician@demo.test'));
    expect(second.assignedClinicianId).toBeNull();
  });

  it('is atomic: a routing failure leaves no case, version, assessment, event, mail or profile', async () => {
    const db = t.db;
    const patient = await newPatient(db);
    await db.insert(intakeDrafts).values({ patientId: patient.id, data: { patient: { name: 'keep me' } }, step: 'review' });
    const before = await counts(db);

    await expect(
      submitIntake(db, patient, parsed(rightScapulaIntake()), {
        routeCase: () => {
          throw new Error('routing exploded');
        },
      }),
    ).rejects.toThrow('routing exploded');

    expect(await counts(db)).toEqual(before);
    expect(await db.select().from(patientProfiles).where(eq(patientProfiles.userId, patient.id))).toEqual([]);
    expect(await db.select().from(intakeDrafts).where(eq(intakeDrafts.patientId, patient.id))).toHaveLength(1);
  });

  it('is atomic: a mail failure after the case rows were written rolls them all back', async () => {
    const db = t.db;
    const patient = await newPatient(db);
    const before = await counts(db);
    let calls = 0;

    await expect(
      submitIntake(db, patient, parsed(rightScapulaIntake()), {
        // The patient's confirmation goes into the outbox inside the transaction; the clinician's then fails.
        sendMail: async (message, tx) => {
          calls += 1;
          if (calls === 2) throw new Error('SMTP down');
          await sendMail(message, tx);
        },
      }),
    ).rejects.toThrow('SMTP down');

    expect(calls).toBe(2);
    expect(await counts(db)).toEqual(before);
    const audits = await db.select().from(auditEvents).where(eq(auditEvents.action, 'intake.submit'));
    expect(audits).toEqual([]);
  });

  it('keeps the submitted version immutable; an edit is a new version and the original stays', async () => {
    const db = t.db;
    const patient = await newPatient(db);
    const original = parsed(rightScapulaIntake());
    const { id } = await submitIntake(db, patient, original, { now: () => NOW });

    await expect(db.execute(sql`UPDATE intake_versions SET submission = '{}'::jsonb WHERE case_id = ${id}`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM intake_versions WHERE case_id = ${id}`)).rejects.toThrow();

    const edited = rightScapulaIntake();
    edited.complaint.painNow = 3;
    edited.redFlags.saddle_numbness = true;
    const amended = await amendIntake(db, patient, id, parsed(edited), { now: () => new Date(NOW.getTime() + 60_000) });
    expect(amended).toEqual({ ok: true, id, version: 2, urgency: 'emergency' });

    const versions = await db.select().from(intakeVersions).where(eq(intakeVersions.caseId, id)).orderBy(intakeVersions.version);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0].submission).toEqual({ ...JSON.parse(JSON.stringify(original)), redFlagsAnsweredAt: answeredAtNow });
    expect((versions[1].submission as IntakeSubmission).complaint.painNow).toBe(3);
    const [kase] = await db.select().from(cases).where(eq(cases.id, id));
    expect(kase).toMatchObject({ currentVersion: 2, urgency: 'emergency', urgencyRank: 0 });
    expect(await db.select().from(triageAssessments).where(eq(triageAssessments.caseId, id))).toHaveLength(2);

    const stranger = await newPatient(db);
    expect(await amendIntake(db, stranger, id, parsed(edited))).toEqual({ ok: false, reason: 'not_found' });
  });
});
