/**
 * The one factory for people in tests, benchmarks and e2e routes: users, patients (with the profile an intake writes)
 * and clinicians (with a profile), inserted directly, so no test depends on the sign-up or intake UI.
 */
import type { Db } from '@/db/client';
import { availabilityRules, clinicianProfiles, patientProfiles, users } from '@/db/schema';
import type { Role } from '@/lib/domain/roles';

let seq = 0;
/** Unique within a run and across parallel test files sharing one PostgreSQL database. */
export const uniq = () => `${Date.now().toString(36)}${(seq++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export async function makeUser(db: Db, o: { name?: string; roles?: Role[]; email?: string; timezone?: string } = {}) {
  const [u] = await db
    .insert(users)
    .values({ email: o.email ?? `u-${uniq()}@example.test`, name: o.name ?? 'Test User', roles: o.roles ?? ['patient'], timezone: o.timezone ?? 'UTC' })
    .returning();
  return u!;
}

interface PatientFactoryInput {
  name?: string;
  email?: string;
  timezone?: string;
  dateOfBirth?: string;
  phone?: string;
  /** false: a bare account that has not written an intake yet (the caller may add its own profile). */
  profile?: boolean;
}

export async function makePatient(db: Db, o: PatientFactoryInput = {}) {
  const name = o.name ?? 'Pat Patient';
  const timezone = o.timezone ?? 'UTC';
  const u = await makeUser(db, { name, roles: ['patient'], email: o.email ?? `patient-${uniq()}@example.test`, timezone });
  if (o.profile !== false) {
    await db
      .insert(patientProfiles)
      .values({ userId: u.id, name, dateOfBirth: o.dateOfBirth ?? '1990-05-01', timezone, phone: o.phone ?? '+447700900123', mayCall: true });
  }
  return u;
}

export interface ClinicianFactoryInput {
  name?: string;
  email?: string;
  timezone?: string;
  areas?: string[];
  admin?: boolean;
  active?: boolean;
  /** Bookable hours in `timezone`; none unless given (see makeBookableClinician). */
  hours?: { weekday: number; startMinute: number; endMinute: number }[];
}

export async function makeClinician(db: Db, o: ClinicianFactoryInput = {}) {
  const name = o.name ?? `Dr ${uniq()}`;
  const timezone = o.timezone ?? 'Europe/London';
  const u = await makeUser(db, { name, roles: o.admin ? ['clinician', 'admin'] : ['clinician'], email: o.email ?? `clinician-${uniq()}@example.test`, timezone });
  await db.insert(clinicianProfiles).values({ userId: u.id, displayName: name, areas: o.areas ?? ['upper_back', 'mid_back'], active: o.active ?? true, timezone });
  const hours = o.hours ?? [];
  if (hours.length) await db.insert(availabilityRules).values(hours.map((h) => ({ ...h, clinicianId: u.id })));
  return u;
}
