import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { sessions, users } from '@/db/schema';
import { openPostgres, type DbHandle } from '@/db/client';
import { getDbHandle, setDbHandleForTests } from '@/db';
import { resetEnvCache } from '@/lib/env';
import { freePort } from '@/lib/testing/app-server';
import { testDbKinds, useTestDb } from '@/lib/testing/db';

// next-auth's own routes with the real Auth.js, adapter and database; only the database's outage is staged (a client
// on a port nobody listens on, as in lib/auth/session-lookup.test.ts).
const { GET } = await import('./route');
const APP = 'http://localhost:3000';

describe.each(testDbKinds())('/api/auth/* when the database is away (%s)', (kind) => {
  const t = useTestDb(kind);
  let cookie = '';
  let dead: DbHandle | undefined;
  let original: DbHandle | undefined;

  beforeEach(async () => {
    vi.stubEnv('AUTH_URL', APP);
    vi.stubEnv('APP_URL', APP);
    resetEnvCache();
    const [user] = await t.db.insert(users).values({ email: `p-${randomBytes(3).toString('hex')}@example.test`, roles: ['patient'] }).returning({ id: users.id });
    const token = randomBytes(32).toString('hex');
    await t.db.insert(sessions).values({ sessionToken: token, userId: user!.id, expires: new Date(Date.now() + 3_600_000) });
    cookie = `authjs.session-token=${token}`;
  });

  afterEach(async () => {
    if (original) setDbHandleForTests(original);
    original = undefined;
    await dead?.close();
    dead = undefined;
    vi.unstubAllEnvs();
    resetEnvCache();
  });

  async function takeDatabaseAway() {
    original = await getDbHandle();
    dead = await openPostgres(`postgres://nobody@127.0.0.1:${await freePort()}/none`, { max: 1, connectTimeoutSeconds: 2 });
    setDbHandleForTests(dead);
  }

  it('GET /api/auth/session: the session while the database answers; 503 when it is away, never "signed out"', async () => {
    const session = () => GET(new NextRequest(`${APP}/api/auth/session`, { headers: { cookie } }));
    const up = await session();
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ user: { roles: ['patient'] } });

    await takeDatabaseAway();
    const down = await session();
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ error: 'service_unavailable' });
    expect(down.headers.get('retry-after')).toBeTruthy();
  });

  it('a magic link opened while the database is away lands on "try again shortly", not the "Configuration" error', async () => {
    await takeDatabaseAway();
    const res = await GET(
      new NextRequest(`${APP}/api/auth/callback/nodemailer?token=${randomBytes(16).toString('hex')}&email=p%40example.test`, {
        headers: { 'sec-fetch-mode': 'navigate', accept: 'text/html' },
      }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${APP}/signin/error?error=Unavailable`);
  });
});
