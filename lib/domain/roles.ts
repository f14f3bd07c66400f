/** Roles are stored, never inferred: a lead is ['clinician', 'admin']. */
export const ROLES = ['patient', 'clinician', 'admin'] as const;
export type Role = (typeof ROLES)[number];
