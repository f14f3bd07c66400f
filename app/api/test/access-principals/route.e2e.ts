import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { refuseFactoryRequest } from '@/lib/testing/factory-route';
import { makeAccessWorld } from '@/lib/testing/factories/access-world';

export const dynamic = 'force-dynamic';

/**
 * E2E factory (404 unless E2E_FACTORIES) for the access matrix: patient A (with a case, a thread and a booking),
 * patient B, an in-scope and an out-of-scope clinician, an inactive clinician whose session outlived the
 * deactivation, an admin without the clinician role and a lead — each with a session cookie.
 */
export async function POST(req: Request) {
  const refused = refuseFactoryRequest(req);
  if (refused) return refused;
  return NextResponse.json(await makeAccessWorld(await getDb()), { status: 201 });
}
