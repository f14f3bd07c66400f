import { NextResponse } from 'next/server';
import { withDatabaseErrors } from '@/lib/http';
import { checkInsToFhir } from '@/lib/outcomes/fhir';
import { outcomesForRequest } from '../read-for-request';

export const dynamic = 'force-dynamic';

/** The case's answered check-ins as a FHIR R4 Bundle (QuestionnaireResponse + Observations); same access rule as the JSON. */
async function handleGet(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const r = await outcomesForRequest(ctx);
  if (!r.ok) return r.response;
  const { caseId, patientId, checkIns } = r.found;
  const bundle = checkInsToFhir({ caseId, patientId, checkIns });
  return NextResponse.json(bundle, { headers: { 'content-type': 'application/fhir+json; charset=utf-8', 'cache-control': 'private, no-store' } });
}

export const GET = withDatabaseErrors(handleGet);
