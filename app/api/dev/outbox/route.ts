import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { mailTransportKind } from '@/lib/env';
import { listOutbox } from '@/lib/mail';
import { withDatabaseErrors } from '@/lib/http';

export const dynamic = 'force-dynamic';

const query = z.object({ to: z.email('Give a valid email address in ?to=') });

/**
 * CONTRACTS §2: demo-mode mailbox. Exists only with the outbox transport, i.e. DEMO_MODE=true (set by `npm run demo`)
 * and no SMTP_URL; 404 otherwise, also on a production server that merely lacks SMTP_URL.
 */
async function handleGet(req: NextRequest) {
  if (mailTransportKind() !== 'outbox') return NextResponse.json({ error: 'not_found' }, { status: 404 });
  const parsed = query.safeParse({ to: req.nextUrl.searchParams.get('to') ?? '' });
  if (!parsed.success) {
    return NextResponse.json({ error: 'invalid_request', message: parsed.error.issues[0]?.message }, { status: 400 });
  }
  const items = await listOutbox(parsed.data.to);
  return NextResponse.json(
    items.map(({ to, subject, text, html, createdAt }) => ({ to, subject, text, html, createdAt })),
    { headers: { 'cache-control': 'no-store' } },
  );
}

export const GET = withDatabaseErrors(handleGet);
