import { randomBytes } from 'node:crypto';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db';
import { sessions, users } from '@/db/schema';
import { readJsonBody } from '@/lib/http';
import { refuseFactoryRequest } from '@/lib/testing/factory-route';

export const dynamic = 'force-dynamic';

const body = z.object({ email: z.email().optional() });

/**
 * E2E/bench factory (404 unless E2E_FACTORIES): a fresh patient with a database session, returned as the cookie
 * next-auth reads, so load tests can act as many signed-in patients without going through the mailbox each time.
 */
export async function POST(req: Request) {
  const refused = refuseFactoryRequest(req);
  if (refused) return refused;
  const parsed = await readJsonBody(req, body);
  if (!parsed.ok) return parsed.response;
  const db = await getDb();
  const email = parsed.data.email ?? `bench-${randomBytes(6).toString('hex')}@example.test`;
  const [user] = await db.insert(users).values({ email, roles: ['patient'], emailVerified: new Date() }).returning({ id: users.id });
  const sessionToken = randomBytes(32).toString('hex');
  await db.insert(sessions).values({ sessionToken, userId: user.id, expires: new Date(Date.now() + 3_600_000) });
  return NextResponse.json({ userId: user.id, email, cookie: { name: 'authjs.session-token', value: sessionToken } }, { status: 201 });
}
