import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { clinicianProfiles, patientProfiles, users } from '../schema';

/**
 * The names people see, one rule each, for queries that join the person's profile and account. A team member goes
 * by their clinician display name, else their account's name (admins have no clinician profile).
 */
export const staffName = sql<string | null>`coalesce(${clinicianProfiles.displayName}, ${users.name})`;

/** A patient goes by the name given in the intake, else their account's (`accountName`: users.name or an alias's). */
export function patientName(accountName: AnyPgColumn = users.name) {
  return sql<string | null>`coalesce(${patientProfiles.name}, ${accountName})`;
}
