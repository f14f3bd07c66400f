import { afterEach, describe, expect, it } from 'vitest';
import { setDbHandleForTests, type DbHandle } from '@/db';
import { GET } from './route';

function fakeHandle(ping: () => Promise<void>): DbHandle {
  return { kind: 'pglite', ping, db: {} as DbHandle['db'], executeSql: async () => ({ rows: [] }), close: async () => undefined };
}

describe('GET /api/health', () => {
  afterEach(() => setDbHandleForTests(undefined));

  it('answers 200 with the database kind when the database answers', async () => {
    setDbHandleForTests(fakeHandle(async () => undefined));
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: 'pglite' });
  });

  it('answers 503 when the database does not', async () => {
    setDbHandleForTests(fakeHandle(async () => Promise.reject(new Error('connection refused'))));
    const res = await GET();
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.ok).toBe(false);
    expect(JSON.stringify(body)).not.toContain('connection refused');
  });
});
