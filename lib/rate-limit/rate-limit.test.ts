import { and, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditEvents, rateLimits } from '@/db/schema';
import { seedAccounts } from '@/db/seed/accounts';
import { audit } from '@/lib/audit';
import { resetEnvCache } from '@/lib/env';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { sameOriginJson } from '@/lib/testing/requests';
import { consumeRateLimit, rateLimitBucket } from './index';

type SessionUser = { id: string; email: string; name: string | null; roles: string[]; timezone: string };
const session = vi.hoisted(() => ({ user: null as SessionUser | null, signIn: null as null | (() => Promise<never>) }));
vi.mock('@/lib/auth/config', () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3_600_000).toISOString() } : null),
  signIn: async () => session.signIn?.(),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const CASE = '00000000-0000-4000-8000-000000000000';

describe.each(testDbKinds())('finding 4: rate limits in the database (%s)', (kind) => {
  const t = useTestDb(kind);
  let ids: Map<string, string>;

  beforeEach(async () => {
    ids = await seedAccounts(t.db);
    const id = ids.get('patient@demo.test')!;
    session.user = { id, email: 'patient@demo.test', name: null, roles: ['patient'], timezone: 'UTC' };
    vi.stubEnv('RATE_LIMIT_MESSAGES', '2/10m');
    vi.stubEnv('RATE_LIMIT_INTAKES', '1/1h');
    vi.stubEnv('RATE_LIMIT_HOLDS', '1/15m');
    vi.stubEnv('RATE_LIMIT_SIGNIN_EMAIL', '3/15m');
    vi.stubEnv('RATE_LIMIT_SIGNIN_IP', '4/15m');
    vi.stubEnv('RATE_LIMIT_ANONYMOUS_AUDIT', '5/10m');
    resetEnvCache();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvCache();
  });

  const exceededRows = async () => (await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'rate_limit.exceeded'))).length;

  it('counts in one shared row: of 20 concurrent attempts under a limit of 5, exactly 5 pass', async () => {
    vi.stubEnv('RATE_LIMIT_HOLDS', '5/15m');
    resetEnvCache();
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => consumeRateLimit('hold', 'someone')));
    expect(verdicts.filter((v) => v.ok)).toHaveLength(5);
    const denied = verdicts.filter((v) => !v.ok);
    expect(denied.filter((v) => !v.ok && v.firstDenial)).toHaveLength(1);
    for (const v of denied) {
      if (v.ok) continue;
      expect(v.retryAfterSeconds).toBeGreaterThan(0);
      expect(v.retryAfterSeconds).toBeLessThanOrEqual(900);
    }
    const [row] = await t.db.select().from(rateLimits).where(eq(rateLimits.bucket, rateLimitBucket('hold', 'someone')));
    expect(row!.hits).toBe(20);
    expect(row!.bucket).not.toContain('someone');
  });

  it('a new window starts a new count', async () => {
    const now = Date.UTC(2026, 0, 1, 10, 0, 0);
    expect((await consumeRateLimit('intake', 'u1', { now })).ok).toBe(true);
    expect((await consumeRateLimit('intake', 'u1', { now: now + 1000 })).ok).toBe(false);
    expect((await consumeRateLimit('intake', 'u1', { now: now + 3_600_000 })).ok).toBe(true);
  });

  it('messages: 429 with Retry-After and a plain message; later denials are counted, audited once', async () => {
    const { POST } = await import('@/app/api/intakes/[id]/messages/route');
    const post = () => POST(sameOriginJson(`http://test/api/intakes/${CASE}/messages`, 'POST', { body: 'hello', internal: false }), { params: Promise.resolve({ id: CASE }) });
    expect((await post()).status).toBe(404); // within the limit: the unknown case is simply not found
    expect((await post()).status).toBe(404);
    const res = await post();
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await res.json()).message).toMatch(/please wait about \d+ (seconds|minutes) and send it again/i);
    for (let i = 0; i < 5; i++) expect((await post()).status).toBe(429);
    expect(await exceededRows()).toBe(1);
    const [row] = await t.db.select().from(rateLimits).where(eq(rateLimits.bucket, rateLimitBucket('message', session.user!.id)));
    expect(row!.hits).toBe(8);
  });

  it('the message form (server action) shows the same plain message', async () => {
    const { postCaseMessageAction } = await import('@/app/actions/post-case-message');
    await postCaseMessageAction(CASE, { body: 'a', internal: false });
    await postCaseMessageAction(CASE, { body: 'b', internal: false });
    expect(await postCaseMessageAction(CASE, { body: 'c', internal: false })).toMatchObject({ ok: false, formError: expect.stringMatching(/a lot of messages/) });
  });

  it('intakes (submit and amend share the count) and holds answer 429', async () => {
    const { POST: SUBMIT } = await import('@/app/api/intakes/route');
    const { PUT: AMEND } = await import('@/app/api/intakes/[id]/route');
    const { POST: HOLD } = await import('@/app/api/bookings/route');
    expect((await SUBMIT(sameOriginJson('http://test/api/intakes', 'POST', {}))).status).toBe(400);
    const amend = await AMEND(sameOriginJson(`http://test/api/intakes/${CASE}`, 'PUT', {}), { params: Promise.resolve({ id: CASE }) });
    expect(amend.status).toBe(429);
    expect((await amend.json()).message).toMatch(/Your answers are saved/);
    expect((await HOLD(sameOriginJson('http://test/api/bookings', 'POST', {}))).status).toBe(400);
    const hold = await HOLD(sameOriginJson('http://test/api/bookings', 'POST', {}));
    expect(hold.status).toBe(429);
    expect(hold.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await hold.json()).message).toMatch(/Nothing was booked or charged/);
  });

  it('sign-in mail: per address and per client IP, one audit row per bucket and window', async () => {
    const { limitSignInMail, SignInMailRateLimited } = await import('@/lib/auth/sign-in-limits');
    for (let i = 0; i < 3; i++) await limitSignInMail('victim@example.test');
    await expect(limitSignInMail('VICTIM@example.test')).rejects.toBeInstanceOf(SignInMailRateLimited);
    // The same network has now asked 4 times: a fifth address from it is refused too.
    await expect(limitSignInMail('other@example.test')).rejects.toBeInstanceOf(SignInMailRateLimited);
    expect(await exceededRows()).toBe(2); // one per bucket (address, IP), not one per refusal
  });

  it('the sign-in form turns the refusal into a plain message', async () => {
    const { SignInMailRateLimited } = await import('@/lib/auth/sign-in-limits');
    const { requestMagicLink } = await import('@/app/(public)/signin/actions');
    // As next-auth hands it back: its signIn callback threw, and it wrapped that in AccessDenied.
    session.signIn = async () => {
      throw Object.assign(new Error('AccessDenied'), { cause: { err: new SignInMailRateLimited(600) } });
    };
    const form = new FormData();
    form.set('email', 'victim@example.test');
    const state = await requestMagicLink(null, form);
    expect(state).toMatchObject({ ok: false, formError: expect.stringMatching(/Too many sign-in links.*wait about 10 minutes/) });
    session.signIn = null;
  });

  it('an anonymous client can add only so many rows to the append-only audit log; the rest are counted', async () => {
    for (let i = 0; i < 40; i++) await audit({ actor: null, action: 'auth.link_requested', resourceType: 'session', outcome: 'denied' });
    const rows = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(and(eq(auditEvents.action, 'auth.link_requested')));
    expect(rows[0]!.n).toBe(5);
    const [counter] = await t.db.select().from(rateLimits).where(eq(rateLimits.bucket, rateLimitBucket('audit.anonymous', 'unknown')));
    expect(counter!.hits).toBe(40);
    // Signed-in users are never capped: their trail stays complete.
    for (let i = 0; i < 10; i++) await audit({ actor: { id: ids.get('patient@demo.test')!, roles: ['patient'] }, action: 'case.view', resourceType: 'case' });
    expect((await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'case.view'))).length).toBe(10);
  });

  it('the hourly sweep drops counters of windows long over, and keeps the current ones', async () => {
    const { sweepRateLimits } = await import('./jobs');
    const now = Date.now();
    await consumeRateLimit('message', 'old', { now: now - 3 * 3_600_000 });
    await consumeRateLimit('message', 'current', { now });
    expect(await sweepRateLimits(now)).toBe(1);
    expect((await t.db.select().from(rateLimits)).map((r) => r.bucket)).toEqual([rateLimitBucket('message', 'current')]);
  });
});
