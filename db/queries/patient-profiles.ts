import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { patientProfiles } from '../schema';

type PatientProfile = typeof patientProfiles.$inferSelect;

/** What an intake tells us about the patient; the latest submission wins. */
interface PatientProfileFields {
  name: string;
  dateOfBirth: string;
  sex?: PatientProfile['sex'];
  timezone: string;
  phone: string;
  mayCall: boolean | null;
}

export async function findPatientProfile(db: Db, userId: string): Promise<PatientProfile | null> {
  const [row] = await db.select().from(patientProfiles).where(eq(patientProfiles.userId, userId)).limit(1);
  return row ?? null;
}

/** Creates the profile or replaces its fields (one upsert on the user id). */
export async function upsertPatientProfile(db: Db, userId: string, profile: PatientProfileFields, now: Date): Promise<void> {
  await db
    .insert(patientProfiles)
    .values({ userId, ...profile })
    .onConflictDoUpdate({ target: patientProfiles.userId, set: { ...profile, updatedAt: now } });
}

/** Updates only the contact fields of an existing profile (none is created: the rest is not known yet). */
export async function updatePatientContact(db: Db, userId: string, contact: { name: string; phone: string; mayCall: boolean | null }, now: Date): Promise<void> {
  await db.update(patientProfiles).set({ ...contact, updatedAt: now }).where(eq(patientProfiles.userId, userId));
}
