import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { env } from '@/lib/env';
import { refuseCrossSiteWrite } from '@/lib/http';
import { makeAccessWorld } from '@/lib/testing/access-world';

export const dynamic = 'force-dynamic';

/**
 * E2E factory (404 unless E2E_FACTORIES) for the access matrix: patient A (with a case, a thread and a booking),
 * patient B, an in-scope and an out-of-scope clinician, an inactive clinician whose session outlived the
 * deactivation, an admin without the clinician role and a lead — each with a session cookie.
 */
export async function POST(req: Request) {
  const refused = refuseCrossSiteWrite(req);
  if (refused) return refused;
  if (!env().E2E_FACTORIES) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  return NextResponse.json(await makeAccessWorld(await getDb()), { status: 201 });
}
