import { NextResponse } from 'next/server';
import { z } from 'zod';
import { readJsonBody } from '@/lib/http';
import { refuseFactoryRequest } from '@/lib/testing/factory-route';
import { sendDueCheckIns } from '@/lib/outcomes/jobs';

export const dynamic = 'force-dynamic';

const body = z.object({ now: z.iso.datetime() });

/**
 * E2E factory (404 unless E2E_FACTORIES): runs the check-in mail job as if the clock read `now`, so a browser test
 * gets a plan's first check-in mail without waiting a week. The same job the worker runs every five minutes.
 */
export async function POST(req: Request) {
  const refused = refuseFactoryRequest(req);
  if (refused) return refused;
  const parsed = await readJsonBody(req, body);
  if (!parsed.ok) return parsed.response;
  const sent = await sendDueCheckIns(new Date(parsed.data.now));
  return NextResponse.json({ sent }, { status: 200 });
}
