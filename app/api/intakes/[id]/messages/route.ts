import { NextResponse } from 'next/server';
import { apiGuard, apiWriteGuard } from '@/lib/auth/guards';
import { readJsonBody, withDatabaseErrors } from '@/lib/http';
import { listThreadForViewer, postCaseMessage } from '@/lib/cases/messages';
import { messageSchema } from '@/lib/validation/queue';
import { rateLimitedResponse } from '@/lib/rate-limit/enforce';

export const dynamic = 'force-dynamic';

/** The case thread: the patient (own case only; 404 otherwise) and the team. Internal notes only for the team. */
async function handleGet(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const guard = await apiGuard();
  if (!guard.ok) return guard.response;
  const { id } = await ctx.params;
  const messages = await listThreadForViewer(guard.user, id);
  if (!messages) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  return NextResponse.json({ items: messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })) });
}

async function handlePost(req: Request, ctx: { params: Promise<{ id: string }> }) {
    const guard = await apiWriteGuard(req);
  if (!guard.ok) return guard.response;
  const limited = await rateLimitedResponse('message', guard.user);
  if (limited) return limited;
  const { id } = await ctx.params;
  const parsed = await readJsonBody(req, messageSchema, { maxBytes: 32_000 });
  if (!parsed.ok) return parsed.response;
  const r = await postCaseMessage(guard.user, id, parsed.data);
  if (r.ok) return NextResponse.json({ ...r.message, createdAt: r.message.createdAt.toISOString() }, { status: 201 });
  if (r.reason === 'internal_not_allowed') {
    return NextResponse.json({ error: 'invalid_request', fieldErrors: { internal: ['Only the team can write internal notes.'] } }, { status: 400 });
  }
  return NextResponse.json({ error: 'not_found' }, { status: 404 });
}

export const GET = withDatabaseErrors(handleGet);
export const POST = withDatabaseErrors(handlePost);
