import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { apiGuard } from '@/lib/auth/guards';
import { toQuestionnaireResponse } from '@/lib/cases/fhir';
import { readIntakeForViewer } from '@/lib/cases/read-intake';
import type { IntakeSubmission } from '@/lib/validation/intake';
import { withDatabaseErrors } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** CONTRACTS §4: FHIR R4 QuestionnaireResponse of the current submitted version; same access rule as the JSON. */
async function handleGet(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const guard = await apiGuard(undefined, 'intake');
  if (!guard.ok) return guard.response;
  const { id } = await ctx.params;
  const found = await readIntakeForViewer(await getDb(), guard.user, id, 'intake.export_fhir');
  if (!found) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  const resource = toQuestionnaireResponse({
    caseId: found.case.id,
    version: found.version.version,
    patientId: found.case.patientId,
    authored: found.version.createdAt,
    submission: found.version.submission as IntakeSubmission,
  });
  return NextResponse.json(resource, { headers: { 'content-type': 'application/fhir+json; charset=utf-8', 'cache-control': 'private, no-store' } });
}

export const GET = withDatabaseErrors(handleGet);
