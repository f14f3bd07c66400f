import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { makeClinician } from '@/lib/testing/factories/people';
import type { Role } from '@/lib/domain/roles';

// Issue 13: a database failure after the guard. The session and the queue query's failure are faked; the route,
// its guard and lib/http.ts's withDatabaseErrors run for real.
type SessionUser = { id: string; email: string; name: string | null; roles: Role[]; timezone: string };
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/config', () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3_600_000).toISOString() } : null),
}));
const fault = vi.hoisted(() => ({ listQueue: null as Error | null }));
vi.mock('@/db/queries/queue', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/db/queries/queue')>();
  return {
    ...real,
    listQueue: async (...args: Parameters<typeof real.listQueue>) => {
      if (fault.listQueue) throw fault.listQueue;
      return real.listQueue(...args);
    },
  };
});

const { GET } = await import('./route');
const get = (qs: string) => GET(new NextRequest(`http://test/api/queue?${qs}`));

describe.each(testDbKinds())('GET /api/queue when the database fails mid-request (%s)', (kind) => {
  const t = useTestDb(kind);

  beforeEach(async () => {
    fault.listQueue = null;
    const clinician = await makeClinician(t.db, { areas: ['upper_back'] });
    session.user = { id: clinician.id, email: clinician.email ?? 'c@example.test', name: null, roles: ['clinician'], timezone: 'UTC' };
  });

  it('a database that stops answering after the guard (the queue query itself) answers 503 with a JSON error, not a bare 500', async () => {
    // What postgres-js throws when the server went away, wrapped as drizzle wraps it.
    fault.listQueue = new Error('Failed query: select …', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }) });
    const res = await get('assignee=any');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBeTruthy();
    expect(await res.json()).toMatchObject({ error: 'service_unavailable' });
    // Any other failure is not hidden behind a 503.
    fault.listQueue = new Error('column "nope" does not exist');
    await expect(get('assignee=any')).rejects.toThrow('nope');
  });

});
