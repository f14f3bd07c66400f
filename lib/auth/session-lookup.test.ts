import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessions, users } from '@/db/schema';
import { openPostgres, type DbHandle } from '@/db/client';
import { DatabaseUnavailableError, getDbHandle, setDbHandleForTests } from '@/db';
import { resetEnvCache } from '@/lib/env';
import { createLogger } from '@/lib/log';
import { freePort } from '@/lib/testing/app-server';
import { testDbKinds, useTestDb } from '@/lib/testing/db';

// Only the request's headers are faked: next-auth's real session lookup runs, with the real adapter and database.
const incoming = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({ headers: async () => incoming.headers, cookies: async () => ({ get: () => undefined }) }));
// The log lines of the request, to check the cause of an auth error is in them.
const logged = vi.hoisted(() => ({ lines: [] as string[] }));
vi.mock('@/lib/log', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/log')>();
  const stream = new Writable({
    write(chunk, _enc, done) {
      logged.lines.push(String(chunk));
      done();
    },
  });
  const logger = real.createLogger(stream);
  return { ...real, log: () => logger, requestLog: async () => logger };
});

const { apiGuard } = await import('./guards');

describe.each(testDbKinds())('the session lookup when the database fails (%s)', (kind) => {
  const t = useTestDb(kind);
  let dead: DbHandle | undefined;

  beforeEach(async () => {
    // Auth.js answers no session at all for an untrusted host: the app's own URL, as a server has it.
    vi.stubEnv('AUTH_URL', 'http://localhost:3000');
    vi.stubEnv('APP_URL', 'http://localhost:3000');
    resetEnvCache();
    logged.lines = [];
    const [user] = await t.db.insert(users).values({ email: `p-${randomBytes(3).toString('hex')}@example.test`, roles: ['patient'] }).returning({ id: users.id });
    const token = randomBytes(32).toString('hex');
    await t.db.insert(sessions).values({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + 3_600_000) });
    incoming.headers = new Headers({ host: 'localhost:3000', cookie: `authjs.session-token=${token}` });
  });

  afterEach(async () => {
    vi.unstubAllEnvs();
    resetEnvCache();
    await dead?.close();
    dead = undefined;
  });

  it('a valid session passes the guard while the database answers', async () => {
    const guard = await apiGuard(['patient']);
    expect(guard.ok).toBe(true);
  });

  it('no session cookie → 401 (the database answered: there is no session)', async () => {
    incoming.headers = new Headers({ host: 'localhost:3000' });
    const guard = await apiGuard(['patient']);
    expect(guard.ok ? 200 : guard.response.status).toBe(401);
  });

  it('the database refusing connections → 503 service_unavailable, never 401 "Sign in first"; the log names the cause', async () => {
    // A PostgreSQL client on a port nobody listens on: every query fails to connect (ECONNREFUSED), as when the
    // database server is down or restarting.
    const original = await getDbHandle();
    dead = await openPostgres(`postgres://nobody@127.0.0.1:${await freePort()}/none`, { max: 1, connectTimeoutSeconds: 2 });
    setDbHandleForTests(dead);
    try {
      const started = Date.now();
      const guard = await apiGuard(['patient']);
      expect(Date.now() - started).toBeLessThan(4_000);
      expect(guard.ok).toBe(false);
      if (guard.ok) return;
      expect(guard.response.status).toBe(503);
      expect(await guard.response.json()).toMatchObject({ error: 'service_unavailable' });
      expect(guard.response.headers.get('retry-after')).toBeTruthy();
    } finally {
      setDbHandleForTests(original);
    }
    // Auth.js's own error line (SessionTokenError, a minified class name in production) carries its cause.
    await vi.waitFor(() => expect(logged.lines.join('')).toContain('ECONNREFUSED'));
    const authLine = logged.lines.map((l) => JSON.parse(l) as { msg: string; err?: { type: string; cause?: unknown } }).find((l) => l.msg.startsWith('auth error'));
    // Auth.js's own type (AdapterError, SessionTokenError), never a minified class name such as "p".
    expect(authLine?.err?.type).toMatch(/^(AdapterError|SessionTokenError)$/);
    expect(JSON.stringify(authLine?.err?.cause)).toContain('ECONNREFUSED');
  });
});

describe('the session lookup deadline', () => {
  it('a lookup that does not answer (postgres-js waiting through an outage) → DatabaseUnavailableError at the deadline', async () => {
    const { lookUpSession } = await import('./session-lookup');
    // The lookup never settles: only the deadline can end it (without it this test times out).
    await expect(lookUpSession(() => new Promise<never>(() => undefined), 200)).rejects.toBeInstanceOf(DatabaseUnavailableError);
  });
});

describe('error summaries in logs', () => {
  it('an Auth.js error is named by its type, not its (minified) class name, with the cause behind it', () => {
    class p extends Error {
      type = 'SessionTokenError';
    }
    const driver = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const err = new p('Read more at https://errors.authjs.dev#sessiontokenerror', { cause: { err: driver } });
    const lines: string[] = [];
    const logger = createLogger(
      new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    logger.error({ err }, 'auth error');
    const line = JSON.parse(lines[0]!) as { err: unknown };
    expect(line.err).toMatchObject({ type: 'SessionTokenError', cause: { type: 'Error', code: 'ECONNREFUSED' } });
  });
});
