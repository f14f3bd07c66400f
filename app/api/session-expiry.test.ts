import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sessions } from '@/db/schema';
import { resetEnvCache } from '@/lib/env';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { makePatient } from '@/lib/testing/factories/people';

/**
 * Issue 13: the server-side idle expiry of a session. Nothing here is mocked but the request scope: the real
 * next-auth config, its database adapter and the guards read the session row the cookie names. The browser's clock
 * plays no part — the row's `expires` decides.
 */
const incoming = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({
  headers: async () => incoming.headers,
  cookies: async () => {
    const jar = new Map(
      (incoming.headers.get('cookie') ?? '')
        .split(';')
        .filter(Boolean)
        .map((c) => {
          const [name, ...rest] = c.trim().split('=');
          return [name!, rest.join('=')] as const;
        }),
    );
    return { get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined), getAll: () => [...jar].map(([name, value]) => ({ name, value })), has: (n: string) => jar.has(n) };
  },
}));

// As in production: Auth.js builds its own URLs from AUTH_URL (lib/auth/config.ts trusts the host only then).
vi.stubEnv('AUTH_URL', 'http://localhost:3000');
resetEnvCache();
const { GET } = await import('./bookings/route');

describe.each(testDbKinds())('a session idle past its expiry (%s)', (kind) => {
  const t = useTestDb(kind);
  let token: string;

  beforeEach(async () => {
    const patient = await makePatient(t.db);
    token = randomBytes(32).toString('hex');
    await t.db.insert(sessions).values({ sessionToken: token, userId: patient.id, expires: new Date(Date.now() + 30 * 60_000) });
    incoming.headers = new Headers({ host: 'localhost:3000', cookie: `authjs.session-token=${token}` });
  });

  it('answers 200 while the session row is live, and 401 once its expiry has passed (the row is then gone)', async () => {
    expect((await GET()).status).toBe(200);
    await t.executeSql(`update sessions set expires = now() - interval '1 second' where session_token = $1`, [token]);
    const res = await GET();
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe('unauthenticated');
    const { rows } = await t.executeSql(`select count(*)::int as n from sessions where session_token = $1`, [token]);
    expect(rows[0]?.n).toBe(0);
  });

  it('a request within the idle window slides the expiry forward (the idle timeout counts from the last request)', async () => {
    await t.executeSql(`update sessions set expires = now() + interval '5 minutes' where session_token = $1`, [token]);
    expect((await GET()).status).toBe(200);
    const { rows } = await t.executeSql(`select extract(epoch from expires - now())::int as left from sessions where session_token = $1`, [token]);
    // Forward to a full idle window (SESSION_IDLE_MINUTES, 30 by default) from now — and no further.
    expect(Number(rows[0]?.left)).toBeGreaterThan(29 * 60);
    expect(Number(rows[0]?.left)).toBeLessThanOrEqual(30 * 60 + 5);
  });
});
