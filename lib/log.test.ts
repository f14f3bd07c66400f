import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { users } from '@/db/schema';
import { resetEnvCache } from '@/lib/env';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { redactForConsole } from './console-redaction';
import { createLogger, requestLog, safeErrorSummary } from './log';
import { clientIpFrom } from './request-context';
import { acceptRequestId } from './request-id';

const incoming = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({ headers: async () => incoming.headers }));

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger(stream), lines };
}

describe.each(testDbKinds())('finding 11: logs without patient data (%s)', (kind) => {
  const t = useTestDb(kind);

  it('a failed query is logged with its SQLSTATE and parameterised SQL, never the bound values', async () => {
    const email = 'jane.patient.secret@example.test';
    await t.db.insert(users).values({ email, name: 'Jane Secret-Patient', roles: ['patient'] });
    const err = await t.db
      .insert(users)
      .values({ email, name: 'Jane Secret-Patient', roles: ['patient'] })
      .then(() => null, (e: unknown) => e);
    expect(String((err as Error).message)).toContain(email); // what drizzle would have logged
    const { logger, lines } = capture();
    logger.error({ err }, 'insert failed');
    const line = lines.join('');
    expect(line).not.toContain('secret');
    expect(line).not.toContain('Secret');
    const logged = JSON.parse(line) as { err: { code: string; query: string } };
    expect(logged.err.code).toBe('23505');
    expect(logged.err.query).toMatch(/insert into "users"/i);
    expect(safeErrorSummary(err)).not.toHaveProperty('message');
    // What Next.js prints for an error that escapes a handler (console.error → util.inspect) is summarised too.
    const printed = inspect(redactForConsole(Object.assign(new Error('wrapper', { cause: err }), { digest: 'd1' })), { depth: 5 });
    expect(printed).not.toMatch(/secret/i);
    expect(printed).toMatch(/SQLSTATE 23505/);
    expect(printed).toContain('d1');
    expect(inspect(err, { depth: 5 })).toMatch(/secret/i); // unredacted, it would have been there
    // The row-level query the handlers see is untouched: only the log line is summarised.
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });
});

describe('finding 11: request ids and client addresses', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvCache();
    incoming.headers = new Headers();
  });

  it('keeps a plain client request id and replaces anything long or odd', () => {
    expect(acceptRequestId('abc-DEF_123')).toBe('abc-DEF_123');
    for (const bad of ['x'.repeat(65), 'a b', 'id\nforged log line', '<script>', '', null]) {
      const id = acceptRequestId(bad);
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('takes the client IP through the trusted proxy hops, never from the client-written left end', () => {
    expect(clientIpFrom('6.6.6.6, 203.0.113.7', 0)).toBe('203.0.113.7');
    expect(clientIpFrom('6.6.6.6, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(clientIpFrom('6.6.6.6, 203.0.113.7, 10.0.0.2', 2)).toBe('203.0.113.7');
    expect(clientIpFrom('203.0.113.7', 3)).toBe('203.0.113.7');
    expect(clientIpFrom(null, 0)).toBeNull();
  });

  it('audit rows get the address configured by TRUSTED_PROXY_HOPS', async () => {
    const { requestContext } = await import('./request-context');
    incoming.headers = new Headers({ 'x-forwarded-for': '6.6.6.6, 198.51.100.9, 10.0.0.2', 'x-request-id': 'req-1' });
    vi.stubEnv('TRUSTED_PROXY_HOPS', '2');
    resetEnvCache();
    expect((await requestContext()).ip).toBe('198.51.100.9');
    vi.stubEnv('TRUSTED_PROXY_HOPS', '0');
    resetEnvCache();
    expect((await requestContext()).ip).toBe('10.0.0.2');
  });

  it('log lines written during a request carry its id', async () => {
    incoming.headers = new Headers({ 'x-request-id': 'req-42' });
    expect((await requestLog()).bindings()).toMatchObject({ requestId: 'req-42' });
    const { logger, lines } = capture();
    (await requestLog(logger)).warn({ bookingId: 'b-1' }, 'cancellation failed');
    expect(JSON.parse(lines[0]!)).toMatchObject({ requestId: 'req-42', bookingId: 'b-1', msg: 'cancellation failed' });
  });

  it('log lines written outside a request (the job worker) have no request id', async () => {
    const { logger, lines } = capture();
    (await requestLog(logger)).warn('job queue error');
    expect(JSON.parse(lines[0]!)).not.toHaveProperty('requestId');
  });
});
