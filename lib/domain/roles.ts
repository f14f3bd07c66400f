/** Roles are stored, never inferred: a lead is ['clinician', 'admin']. */
export type Role = 'patient' | 'clinician' | 'admin';
