import type { Metadata } from 'next';
import { getDb } from '@/db';
import { findDraftOfPatient } from '@/db/queries/intake-drafts';
import { findPatientProfile } from '@/db/queries/patient-profiles';
import { IntakeWizardRoot } from '@/components/intake/intake-wizard';
import { audit } from '@/lib/audit';
import { requireRole } from '@/lib/auth/guards';
import { env } from '@/lib/env';
import { supportedTimeZones } from '@/lib/time-zones';

export const metadata: Metadata = { title: 'Tell us about your pain' };

/** The intake wizard, resumed from the patient's server draft (any device) and prefilled from their profile. */
export default async function IntakePage() {
  const user = await requireRole(['patient'], 'intake');
  const db = await getDb();
  const [draft, profile] = await Promise.all([findDraftOfPatient(db, user.id), findPatientProfile(db, user.id)]);
  if (draft) {
    await audit({ actor: user, action: 'intake_draft.view', resourceType: 'intake_draft', resourceId: user.id, patientId: user.id });
  }
  return (
    <IntakeWizardRoot
      userId={user.id}
      serverDraft={draft ? { data: draft.data, step: draft.step, revision: draft.revision, updatedAt: draft.updatedAt.toISOString() } : null}
      prefill={{
        name: profile?.name ?? user.name,
        dateOfBirth: profile?.dateOfBirth ?? null,
        sex: profile?.sex ?? null,
        timezone: profile?.timezone ?? null,
        phone: profile?.phone ?? null,
        mayCall: profile?.mayCall ?? null,
      }}
      timezones={supportedTimeZones()}
      guardianUnderAge={env().GUARDIAN_REQUIRED_UNDER_AGE}
    />
  );
}
