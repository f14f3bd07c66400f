import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { apiGuard } from '@/lib/auth/guards';
import { checkInsToFhir } from '@/lib/outcomes/fhir';
import { readOutcomes } from '@/lib/outcomes/read-outcomes';
import { withDatabaseErrors } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The case's answered check-ins as a FHIR R4 Bundle (QuestionnaireResponse + Observations); same access rule as the JSON. */
async function handleGet(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const guard = await apiGuard(undefined, 'outcomes');
  if (!guard.ok) return guard.response;
  const { id } = await ctx.params;
  const found = await readOutcomes(await getDb(), guard.user, id);
  if (!found) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  const bundle = checkInsToFhir({ caseId: found.caseId, patientId: found.patientId, checkIns: found.checkIns });
  return NextResponse.json(bundle, { headers: { 'content-type': 'application/fhir+json; charset=utf-8', 'cache-control': 'private, no-store' } });
}

export const GET = withDatabaseErrors(handleGet);
