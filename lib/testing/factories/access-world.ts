/**
 * E2E factory material for the access matrix (e2e/access-matrix.spec.ts): one principal of each kind with a live
 * database session, and patient A's case, thread and booking, so every route can be tried by everyone.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, caseMessages, clinicianProfiles, patientProfiles, sessions } from '@/db/schema';
import { makeClinician, makePatient, makeUser } from './people';
import { makeCase } from './queue-case';
import { makeConfirmedBooking } from './video-booking';
import { CLINICAL_AREAS } from '@/lib/domain/areas';

const PRINCIPALS = ['patientA', 'patientB', 'clinicianInScope', 'clinicianOutOfScope', 'inactiveClinician', 'adminOnly', 'lead'] as const;
type Principal = (typeof PRINCIPALS)[number];

async function sessionFor(db: Db, userId: string): Promise<string> {
  const token = randomBytes(32).toString('hex');
  await db.insert(sessions).values({ sessionToken: token, userId, expires: new Date(Date.now() + 3_600_000) });
  return token;
}

export async function makeAccessWorld(db: Db) {
  const tag = randomBytes(4).toString('hex');
  // Patient A's booking (tomorrow) with the in-scope clinician, on A's case, which that clinician holds.
  const { booking, patient: a, clinician: inScope } = await makeConfirmedBooking(db, { startsAt: new Date(Date.now() + 24 * 3_600_000) });
  await db.insert(patientProfiles).values({ userId: a.id, name: `Access A ${tag}`, dateOfBirth: '1990-05-01', timezone: 'Europe/London' });
  await db.update(clinicianProfiles).set({ areas: ['knee'] }).where(eq(clinicianProfiles.userId, inScope.id));
  const caseA = await makeCase(db, {
    patientId: a.id,
    status: 'consult_recommended',
    assignedClinicianId: inScope.id,
    regions: ['knee_left'],
    areas: ['knee'],
    summary: `Knee pain after squats ${tag}`,
    mriReport: 'Small joint effusion. No meniscal tear.',
  });
  await db.update(bookings).set({ caseId: caseA.id }).where(eq(bookings.id, booking.id));
  await db.insert(caseMessages).values({ caseId: caseA.id, authorId: a.id, body: `A question from patient A ${tag}`, internal: false });

  const b = await makePatient(db, { name: `Access B ${tag}` });
  const caseB = await makeCase(db, { patientId: b.id, areas: ['head'], regions: ['head'], assignedClinicianId: null });
  const outOfScope = await makeClinician(db, { name: `Out Of Scope ${tag}`, areas: ['head'] });
  // Deactivated straight in the database, its session left alive: only the guards' `active` check stands in the way.
  const inactive = await makeClinician(db, { name: `Inactive ${tag}`, areas: ['knee'], active: false });
  const adminOnly = await makeUser(db, { name: `Admin Only ${tag}`, roles: ['admin'] });
  const lead = await makeClinician(db, { name: `Lead ${tag}`, admin: true, areas: [...CLINICAL_AREAS] });

  const users: Record<Principal, { id: string; email: string }> = {
    patientA: a,
    patientB: b,
    clinicianInScope: inScope,
    clinicianOutOfScope: outOfScope,
    inactiveClinician: inactive,
    adminOnly,
    lead,
  };
  const cookies = {} as Record<Principal, string>;
  for (const p of PRINCIPALS) cookies[p] = await sessionFor(db, users[p].id);
  return {
    cookieName: 'authjs.session-token',
    cookies,
    userIds: Object.fromEntries(PRINCIPALS.map((p) => [p, users[p].id])) as Record<Principal, string>,
    names: { outOfScope: `Out Of Scope ${tag}`, patientA: `Access A ${tag}` },
    caseA: caseA.id,
    caseB: caseB.id,
    bookingA: booking.id,
    clinicianInScopeId: inScope.id,
  };
}
