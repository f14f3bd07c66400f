import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { IntakeWizardRoot } from '@/components/intake/intake-wizard';
import { requireRole } from '@/lib/auth/guards';
import { env } from '@/lib/env';
import { supportedTimeZones } from '@/lib/time-zones';
import { readIntakeForViewer } from '@/lib/cases/read-intake';

export const metadata: Metadata = { title: 'Update your answers' };

/** The patient edits their own submitted case; sending creates a new version (PUT /api/intakes/:id). */
export default async function EditCasePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole(['patient'], 'case');
  const { id } = await params;
  const found = await readIntakeForViewer(await getDb(), { id: user.id, roles: ['patient'] }, id, 'case.edit_view');
  if (!found || found.case.status === 'closed') notFound();
  return (
    <IntakeWizardRoot
      userId={user.id}
      serverDraft={null}
      prefill={{ name: null, dateOfBirth: null, sex: null, timezone: null }}
      timezones={supportedTimeZones()}
      guardianUnderAge={env().GUARDIAN_REQUIRED_UNDER_AGE}
      amend={{ caseId: found.case.id, submission: found.version.submission }}
    />
  );
}
