import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db';
import { sessions, users } from '@/db/schema';
import { audit } from '@/lib/audit';
import { env } from '@/lib/env';
import { readJsonBody } from '@/lib/http';
import { refuseFactoryRequest } from '@/lib/testing/factory-route';

export const dynamic = 'force-dynamic';

const body = z.object({ email: z.email().optional() });

/**
 * E2E/bench factory (404 unless E2E_FACTORIES): a database session for the user with `email` (any role; a new email
 * becomes a patient, as a first magic-link sign-in makes one, and no email a fresh patient), returned as the cookie
 * next-auth reads. The session is what Auth.js stores after a magic link (same lifetime, same audit row), so browser
 * tests about something else sign in with one request instead of the mailbox journey, which e2e/auth.spec.ts walks;
 * load tests act as many signed-in patients this way.
 */
export async function POST(req: Request) {
  const refused = refuseFactoryRequest(req);
  if (refused) return refused;
  const parsed = await readJsonBody(req, body);
  if (!parsed.ok) return parsed.response;
  const db = await getDb();
  const email = (parsed.data.email ?? `bench-${randomBytes(6).toString('hex')}@example.test`).toLowerCase();
  const [existing] = await db.select({ id: users.id, roles: users.roles }).from(users).where(eq(users.email, email));
  const user =
    existing ?? (await db.insert(users).values({ email, roles: ['patient'], emailVerified: new Date() }).returning({ id: users.id, roles: users.roles }))[0];
  const sessionToken = randomBytes(32).toString('hex');
  await db.insert(sessions).values({ sessionToken, userId: user.id, expires: new Date(Date.now() + env().SESSION_IDLE_MINUTES * 60_000) });
  await audit({ actor: { id: user.id, roles: user.roles }, action: 'auth.sign_in', resourceType: 'session', patientId: user.roles.includes('patient') ? user.id : null });
  return NextResponse.json({ userId: user.id, email, cookie: { name: 'authjs.session-token', value: sessionToken } }, { status: 201 });
}
