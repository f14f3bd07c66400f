import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { clinicianProfiles, patientProfiles, users } from '../schema';
import type { Role } from '@/lib/domain/roles';

export interface DemoAccount {
  email: string;
  name: string;
  roles: Role[];
  timezone: string;
  describe: string;
}

/** CONTRACTS §1 demo accounts. The patients are the two forum threads of shared/seeds (names invented). */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'patient@demo.test', name: 'Deniz Aksoy', roles: ['patient'], timezone: 'Europe/Istanbul', describe: 'patient — chronic upper back pain near the right scapula, MRI report (forum case)' },
  { email: 'patient2@demo.test', name: 'Jordan Reyes', roles: ['patient'], timezone: 'America/Chicago', describe: 'patient — upper back pain near the left scapula, competition in 7 weeks (forum case)' },
  { email: 'clinician@demo.test', name: 'Sam Carter', roles: ['clinician'], timezone: 'Europe/London', describe: 'clinician — covers the spine: neck, upper, mid and low back' },
  { email: 'clinician2@demo.test', name: 'Priya Nair', roles: ['clinician'], timezone: 'America/New_York', describe: 'clinician — covers shoulder, hip, knee, ankle/foot' },
  { email: 'lead@demo.test', name: 'Morgan Ellis', roles: ['clinician', 'admin'], timezone: 'Europe/London', describe: 'lead — clinician and admin, on call for emergencies' },
];

const CLINICIANS: Record<string, { title: string; areas: string[]; capacity: number; onCall: boolean }> = {
  'clinician@demo.test': { title: 'Physiotherapist', areas: ['neck', 'upper_back', 'mid_back', 'low_back'], capacity: 25, onCall: false },
  'clinician2@demo.test': { title: 'Physiotherapist', areas: ['shoulder', 'hip', 'knee', 'ankle_foot'], capacity: 25, onCall: false },
  'lead@demo.test': {
    title: 'Sports physician (lead)',
    areas: ['neck', 'upper_back', 'mid_back', 'low_back', 'shoulder', 'elbow', 'wrist_hand', 'hip', 'knee', 'ankle_foot', 'chest', 'abdomen', 'head'],
    capacity: 10,
    onCall: true,
  },
};

// Phones are the forum cases' (db/seed/forum-cases.ts): fictional numbers, so the demo shows how to reach them.
const PATIENTS: Record<string, { dateOfBirth: string; sex: 'male' | 'female'; phone: string; mayCall: boolean }> = {
  'patient@demo.test': { dateOfBirth: '1994-03-12', sex: 'male', phone: '+905321234567', mayCall: true },
  'patient2@demo.test': { dateOfBirth: '1997-08-30', sex: 'male', phone: '+13125550147', mayCall: false },
};

/** Idempotent: upserts by email; returns email → user id. */
export async function seedAccounts(db: Db): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) {
    const [row] = await db
      .insert(users)
      .values({ email: a.email, name: a.name, roles: a.roles, timezone: a.timezone, emailVerified: new Date() })
      .onConflictDoUpdate({ target: users.email, set: { name: a.name, roles: a.roles, timezone: a.timezone } })
      .returning({ id: users.id });
    ids.set(a.email, row.id);
    const c = CLINICIANS[a.email];
    if (c) {
      await db
        .insert(clinicianProfiles)
        .values({ userId: row.id, displayName: a.name, title: c.title, areas: c.areas, capacity: c.capacity, onCall: c.onCall, timezone: a.timezone })
        .onConflictDoUpdate({
          target: clinicianProfiles.userId,
          set: { displayName: a.name, title: c.title, areas: c.areas, capacity: c.capacity, onCall: c.onCall, timezone: a.timezone, updatedAt: sql`now()` },
        });
    }
    const p = PATIENTS[a.email];
    if (p) {
      await db
        .insert(patientProfiles)
        .values({ userId: row.id, name: a.name, dateOfBirth: p.dateOfBirth, sex: p.sex, timezone: a.timezone, phone: p.phone, mayCall: p.mayCall })
        .onConflictDoNothing();
    }
  }
  return ids;
}
