import { beforeEach, describe, expect, it, vi } from 'vitest';
import { users } from '@/db/schema';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { sameOriginJson } from '@/lib/testing/requests';
import type { Role } from '@/lib/domain/roles';

type SessionUser = { id: string; email: string; name: string | null; roles: Role[]; timezone: string };
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/config', () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3_600_000).toISOString() } : null),
}));

const { GET, PUT, DELETE } = await import('./route');
const put = (body: unknown) => PUT(sameOriginJson('http://test/api/intake-draft', 'PUT', body));

describe.each(testDbKinds())('intake draft API (%s)', (kind) => {
  const t = useTestDb(kind);
  const ids = new Map<string, string>();
  const as = (email: string, roles: Role[] = ['patient']) => {
    session.user = { id: ids.get(email)!, email, name: null, roles, timezone: 'UTC' };
  };
  beforeEach(async () => {
    for (const [email, roles] of [['a@x.test', ['patient']], ['b@x.test', ['patient']], ['c@x.test', ['clinician']]] as const) {
      const [u] = await t.db.insert(users).values({ email, roles: [...roles] }).returning({ id: users.id });
      ids.set(email, u.id);
    }
    session.user = null;
  });

  it('saves, resumes and guards against stale writes; one draft per patient, never anyone else', async () => {
    expect((await GET()).status).toBe(401);
    as('a@x.test');
    expect((await GET()).status).toBe(404);

    const first = await put({ data: { patient: { name: 'Deniz' } }, step: 'about', baseRevision: 0 });
    expect(first.status).toBe(200);
    expect((await first.json()).revision).toBe(1);
    const second = await put({ data: { patient: { name: 'Deniz A' }, complaint: { regions: ['mid_back'] } }, step: 'where', baseRevision: 1 });
    expect((await second.json()).revision).toBe(2);

    // A tab still on revision 1 may not overwrite revision 2.
    const stale = await put({ data: { patient: { name: 'old tab' } }, step: 'about', baseRevision: 1 });
    expect(stale.status).toBe(409);
    expect((await stale.json()).current).toMatchObject({ revision: 2, step: 'where', data: { patient: { name: 'Deniz A' } } });
    // Creating again when one exists is stale too (one draft per patient).
    expect((await put({ data: {}, step: 'about', baseRevision: 0 })).status).toBe(409);

    const resumed = await (await GET()).json();
    expect(resumed).toMatchObject({ revision: 2, step: 'where', data: { complaint: { regions: ['mid_back'] } } });

    as('b@x.test');
    expect((await GET()).status).toBe(404);
    as('c@x.test', ['clinician']);
    expect((await GET()).status).toBe(404);

    as('a@x.test');
    expect((await put({ data: { nope: 1 }, step: 'about', baseRevision: 2 })).status).toBe(400);
    expect((await DELETE(sameOriginJson('http://test/api/intake-draft', 'DELETE'))).status).toBe(204);
    expect((await GET()).status).toBe(404);
  });
});
