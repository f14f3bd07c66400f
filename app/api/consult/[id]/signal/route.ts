import { NextResponse } from 'next/server';
import { apiGuard } from '@/lib/auth/guards';
import { fieldErrorsOf, readJsonBody, refuseCrossSiteWrite, withDatabaseErrors } from '@/lib/http';
import { SIGNAL_MAX_BYTES, signalBody, signalQuery } from '@/lib/video/signal-schema';
import { pollSignals, postSignal, type SignalResult } from '@/lib/video/signals';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

function respond<T>(r: SignalResult<T>, okStatus = 200): NextResponse {
  if (!r.ok) return NextResponse.json({ error: r.error, message: r.message }, { status: r.status });
  return NextResponse.json(r.data, { status: okStatus, headers: { 'cache-control': 'no-store' } });
}

/** POST /api/consult/:id/signal — one WebRTC signalling message to the other participant. */
async function handlePost(req: Request, { params }: Params) {
  const refused = refuseCrossSiteWrite(req);
  if (refused) return refused;
  const g = await apiGuard(['patient', 'clinician'], 'consult');
  if (!g.ok) return g.response;
  const { id } = await params;
  const body = await readJsonBody(req, signalBody, { maxBytes: SIGNAL_MAX_BYTES, invalidError: 'invalid_signal' });
  if (!body.ok) return body.response;
  return respond(await postSignal(g.user, id, body.data), 201);
}

/** GET /api/consult/:id/signal?after=<id> — messages addressed to the caller after that id (polled about once a second). */
async function handleGet(req: Request, { params }: Params) {
  const g = await apiGuard(['patient', 'clinician'], 'consult');
  if (!g.ok) return g.response;
  const { id } = await params;
  const q = signalQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!q.success) return NextResponse.json({ error: 'invalid_query', fieldErrors: fieldErrorsOf(q.error) }, { status: 400 });
  return respond(await pollSignals(g.user, id, q.data.after));
}

export const POST = withDatabaseErrors(handlePost);
export const GET = withDatabaseErrors(handleGet);
