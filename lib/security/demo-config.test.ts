import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { createValidFileMatcher } from 'next/dist/server/lib/find-page-file';
import { outboxMessages } from '@/db/schema';
import { env, mailTransportKind, resetEnvCache, startupConfigProblems } from '@/lib/env';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { gridSlot, makeBookableClinician, makeConsultType } from '@/lib/testing/factories/booking';
import { makePatient } from '@/lib/testing/factories/people';
import { demoListen } from '@/lib/cli/demo-host';
import { factoryRouteMismatch } from '@/lib/cli/production-build';
import { NextRequest } from 'next/server';
import type { Role } from '@/lib/domain/roles';

// The session is the only thing faked; next-auth's signIn is a spy so a refused sign-in can be seen not to call it.
type SessionUser = { id: string; email: string; name: string | null; roles: Role[]; timezone: string };
const session = vi.hoisted(() => ({ user: null as SessionUser | null, signIn: vi.fn(async () => undefined) }));
vi.mock('@/lib/auth/config', () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3_600_000).toISOString() } : null),
  signIn: session.signIn,
}));

const { GET: getOutbox } = await import('@/app/api/dev/outbox/route');
const { default: MailboxPage } = await import('@/app/(public)/dev/mailbox/page');
const { default: DemoCheckoutPage } = await import('@/app/(public)/demo-checkout/[sessionId]/page');
const { requestMagicLink } = await import('@/app/(public)/signin/actions');
const { POST: postBooking } = await import('@/app/api/bookings/route');
const { sendMagicLink } = await import('@/lib/auth/magic-link-mail');
const { isDemoPayments, webhookSecret } = await import('@/lib/payments/stripe-client');
const { sendMail } = await import('@/lib/mail');
// next.config.js is plain JS (no types here): the build's own config function, called as `next build` calls it.
const configModule = path.resolve('next.config.js');
const { default: nextConfig } = (await import(/* @vite-ignore */ configModule)) as { default: () => { pageExtensions: string[] } };

/** Production as `next start` alone would run it: no demo mode, no SMTP, no Stripe keys. */
function production(extra: Record<string, string | undefined> = {}) {
  vi.stubEnv('DEMO_MODE', 'false');
  vi.stubEnv('SMTP_URL', undefined);
  vi.stubEnv('STRIPE_SECRET_KEY', undefined);
  vi.stubEnv('STRIPE_WEBHOOK_SECRET', undefined);
  for (const [k, v] of Object.entries(extra)) vi.stubEnv(k, v);
  resetEnvCache();
}
function demo(extra: Record<string, string | undefined> = {}) {
  production({ DEMO_MODE: 'true', ...extra });
}

const outbox = (to: string) => getOutbox(new NextRequest(`http://test/api/dev/outbox?to=${encodeURIComponent(to)}`));
const notFoundDigest = { digest: expect.stringContaining('404') };

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
  session.user = null;
  session.signIn.mockClear();
});

// One migrated database for the findings that need one (creating it is the slow part of this file).
describe.each(testDbKinds())('on the database (%s)', (kind) => {
  const t = useTestDb(kind);

  describe('finding 1: demo mailbox, outbox API and demo checkout only in explicit demo mode', () => {
    beforeEach(async () => {
      demo();
      await sendMail({ to: 'lead@demo.test', subject: 'Sign in to Triage & Consult', text: 'http://x/link', html: '' });
    });

    it('without DEMO_MODE, even with SMTP_URL unset: the outbox API answers 404 and the pages are not found', async () => {
      production();
      expect(mailTransportKind()).toBe('none');
      const res = await outbox('lead@demo.test');
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('link');
      await expect(MailboxPage({ searchParams: Promise.resolve({ to: 'lead@demo.test' }) })).rejects.toMatchObject(notFoundDigest);
      expect(isDemoPayments()).toBe(false);
      await expect(DemoCheckoutPage({ params: Promise.resolve({ sessionId: 'cs_demo_x' }) })).rejects.toMatchObject(notFoundDigest);
    });

    it('with DEMO_MODE=true and no SMTP_URL the outbox reads mail; with SMTP_URL it is gone again', async () => {
      demo();
      const res = await outbox('lead@demo.test');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual([expect.objectContaining({ subject: 'Sign in to Triage & Consult' })]);
      demo({ SMTP_URL: 'smtp://127.0.0.1:2525' });
      expect((await outbox('lead@demo.test')).status).toBe(404);
    });

    it('outside demo mode without SMTP, sign-in says mail is not configured and keeps no link anywhere', async () => {
      production({ AUTH_URL: 'https://triage.example.com' });
      await t.db.execute(sql`delete from outbox_messages`);
      const form = new FormData();
      form.set('email', 'someone@example.test');
      const state = await requestMagicLink(null, form);
      expect(state).toMatchObject({ ok: false, formError: expect.stringMatching(/no mail service configured/i) });
      expect(session.signIn).not.toHaveBeenCalled();
      // The provider's send path refuses too (defence in depth): nothing lands in a table nobody reads.
      await expect(sendMagicLink('someone@example.test', 'https://triage.example.com/api/auth/callback/nodemailer?token=t')).rejects.toThrow(/not configured/);
      expect(await t.db.select().from(outboxMessages)).toEqual([]);
    });
  });

  describe('finding 5: no free consults without Stripe keys outside demo mode', () => {

    it('booking answers 503 payments_not_configured and holds nothing', async () => {
      production({ AUTH_URL: 'https://triage.example.com' });
      const patient = await makePatient(t.db);
      session.user = { id: patient.id, email: patient.email, name: null, roles: ['patient'], timezone: 'UTC' };
      const clinician = await makeBookableClinician(t.db);
      const type = await makeConsultType(t.db);
      const res = await postBooking(
        new Request('http://test/api/bookings', {
          method: 'POST',
          body: JSON.stringify({ clinicianId: clinician.id, consultTypeId: type.id, startsAt: gridSlot(5).toISOString() }),
          headers: { 'content-type': 'application/json', origin: 'https://triage.example.com' },
        }),
      );
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: 'payments_not_configured', message: expect.stringMatching(/payment is not set up/i) });
      const { rows } = await t.executeSql('select count(*)::int as n from bookings');
      expect(rows[0]?.n).toBe(0);
    });

    it('the demo webhook secret derives only from AUTH_SECRET, only in demo mode', () => {
      demo({ AUTH_SECRET: undefined });
      expect(webhookSecret()).toBeNull();
      demo({ AUTH_SECRET: 'first-demo-secret-0123456789' });
      const first = webhookSecret();
      expect(first).toMatch(/^whsec_demo_[0-9a-f]{32}$/);
      demo({ AUTH_SECRET: 'second-demo-secret-0123456789' });
      expect(webhookSecret()).not.toBe(first);
      production({ AUTH_SECRET: 'first-demo-secret-0123456789' });
      expect(webhookSecret()).toBeNull();
    });
  });
});

describe('finding 1: the demo listens on 127.0.0.1 unless HOST says otherwise', () => {
  it('defaults to loopback without a warning', () => {
    expect(demoListen(undefined, '3000')).toEqual({ host: '127.0.0.1', warning: null });
    expect(demoListen('localhost', '3000').warning).toBeNull();
  });
  it('warns when HOST opens it to the network', () => {
    const { host, warning } = demoListen('0.0.0.0', '3000');
    expect(host).toBe('0.0.0.0');
    expect(warning).toMatch(/WARNING: the demo listens on 0\.0\.0\.0.*read every\s+demo mailbox/s);
  });
});

describe('finding 2: sign-in URLs come from configuration', () => {
  it('outside demo mode a production server refuses to start without AUTH_URL, naming the fix', () => {
    production({ AUTH_SECRET: 'a-production-secret-0123456789', AUTH_URL: undefined, APP_URL: undefined });
    expect(startupConfigProblems(env())).toEqual([expect.stringMatching(/^AUTH_URL is not set/)]);
  });
  it('refuses an AUTH_URL that names another origin than APP_URL, and a missing AUTH_SECRET', () => {
    production({ AUTH_SECRET: undefined, AUTH_URL: 'https://triage.example.com', APP_URL: 'https://other.example.com' });
    const problems = startupConfigProblems(env());
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/AUTH_SECRET is not set[\s\S]*must name the same origin/);
  });
  it('starts with AUTH_URL and AUTH_SECRET; the demo needs no AUTH_URL of its own', () => {
    production({ AUTH_SECRET: 'a-production-secret-0123456789', AUTH_URL: 'https://triage.example.com', APP_URL: 'https://triage.example.com/' });
    expect(startupConfigProblems(env())).toEqual([]);
    demo({ AUTH_SECRET: 'a-demo-secret-0123456789', AUTH_URL: undefined });
    expect(startupConfigProblems(env())).toEqual([]);
  });
});

describe('finding 14: test factories are absent from a build made without E2E_FACTORIES', () => {
  const appDir = path.resolve('app');
  const factoryFiles = fs
    .readdirSync(path.join(appDir, 'api', 'test'), { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(appDir, 'api', 'test', f))
    .filter((f) => fs.statSync(f).isFile());

  it('Next does not see the factory files as routes unless E2E_FACTORIES=true at build time', () => {
    expect(factoryFiles.length).toBeGreaterThanOrEqual(4);
    vi.stubEnv('E2E_FACTORIES', undefined);
    const production = createValidFileMatcher(nextConfig().pageExtensions, appDir);
    vi.stubEnv('E2E_FACTORIES', 'true');
    const e2e = createValidFileMatcher(nextConfig().pageExtensions, appDir);
    for (const file of factoryFiles) {
      expect(production.isAppRouterRoute(file), file).toBe(false);
      expect(e2e.isAppRouterRoute(file), file).toBe(true);
    }
    expect(production.isAppRouterRoute(path.join(appDir, 'api', 'health', 'route.ts'))).toBe(true);
  });

  it('no module outside the factory routes imports the factory code', () => {
    const sources = ['app', 'components', 'lib', 'db']
      .flatMap((d) => fs.readdirSync(d, { recursive: true, encoding: 'utf8' }).map((f) => path.join(d, f)))
      .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.(test|e2e)\.ts$/.test(f) && !f.startsWith(path.join('lib', 'testing')) && !f.startsWith(path.join('lib', 'cli')) && !f.endsWith('testing-factory.ts'));
    const importers = sources.filter((f) => /from '@\/lib\/(testing\/|[a-z]+\/testing-factory)/.test(fs.readFileSync(f, 'utf8')));
    expect(importers).toEqual([]);
  });

  it('a build whose manifest disagrees with the flag is refused', () => {
    const routes = ['/api/health/route', '/api/test/patient-session/route'];
    expect(factoryRouteMismatch(routes, { e2eFactories: false })).toMatch(/contains test factories: \/api\/test\/patient-session/);
    expect(factoryRouteMismatch(routes, { e2eFactories: true })).toBeNull();
    expect(factoryRouteMismatch(['/api/health/route'], { e2eFactories: true })).toMatch(/no \/api\/test/);
    expect(factoryRouteMismatch(['/api/health/route'], { e2eFactories: false })).toBeNull();
  });
});
