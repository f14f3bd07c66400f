import 'server-only';
import { NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { refuseCrossSiteWrite } from '@/lib/http';

/**
 * The first check of every `/api/test/*` factory (route.e2e.ts, in e2e builds only): a cross-site or non-JSON write is
 * refused like any other, and without E2E_FACTORIES at run time the route is a 404. Returns the answer to send, or null.
 */
export function refuseFactoryRequest(req: Request): NextResponse | null {
  return refuseCrossSiteWrite(req) ?? (env().E2E_FACTORIES ? null : NextResponse.json({ error: 'not_found' }, { status: 404 }));
}
