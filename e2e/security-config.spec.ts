import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { builtAppRoutes, E2E_DIST_DIR, factoryRouteMismatch } from '@/lib/cli/production-build';
import { expect, expectNoA11yViolations, newPatientEmail, readOutbox, SAME_ORIGIN, signIn, signInAs, test, acceptNoRefundIfAsked } from './fixtures';

const distDir = process.env.NEXT_DIST_DIR || E2E_DIST_DIR;
/** What POST /api/bookings answers outside demo mode without Stripe keys (lib/booking/errors.ts; tested there). */
const PAYMENTS_MESSAGE = 'Online payment is not set up on this server yet, so consults cannot be booked here. Nothing was held or charged.';

/** A raw HTTP request, so Host and X-Forwarded-* can be forged exactly as an attacker would send them. */
function rawRequest(
  base: string,
  opts: { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(opts.path, base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: opts.method, headers: opts.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** With E2E_SHOTS_DIR set (reviewing the UI), full-page screenshots at 1280 and 360 px. */
async function screenshots(page: Page, name: string) {
  const dir = process.env.E2E_SHOTS_DIR;
  if (!dir) return;
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: true });
  }
}

const cookiePairs = (headers: http.IncomingHttpHeaders) => (headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');

test.describe('finding 2: sign-in URLs come from configuration', () => {
  test('a sign-in POST with a forged Host and X-Forwarded-Host mails a link to the configured origin', async ({ request, baseURL }) => {
    const email = newPatientEmail('forged-host');
    const forged = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };
    // next-auth's own endpoints, called as any client can: CSRF token first, then the email sign-in.
    const csrf = await rawRequest(baseURL!, { method: 'GET', path: '/api/auth/csrf', headers: forged });
    expect(csrf.status).toBe(200);
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const res = await rawRequest(baseURL!, {
      method: 'POST',
      path: '/api/auth/signin/nodemailer',
      headers: { ...forged, 'content-type': 'application/x-www-form-urlencoded', cookie: cookiePairs(csrf.headers) },
      body: new URLSearchParams({ email, csrfToken, callbackUrl: '/home' }).toString(),
    });
    expect(res.status).toBeLessThan(400);
    expect(String(res.headers.location ?? '')).not.toContain('evil.example');

    let link: string | undefined;
    await expect
      .poll(async () => {
        link = (await readOutbox(request, email)).map((m) => m.text.match(/https?:\/\/\S+/)?.[0]).find(Boolean);
        return Boolean(link);
      }, { timeout: 15_000 })
      .toBe(true);
    expect(link).not.toContain('evil.example');
    // AUTH_URL is http://127.0.0.1:<port>; Next's NextURL writes loopback hosts as "localhost", so either names it.
    const configured = new URL(baseURL!);
    expect([configured.origin, `${configured.protocol}//localhost:${configured.port}`]).toContain(new URL(link!).origin);
    expect(new URL(link!).pathname).toBe('/api/auth/callback/nodemailer');
  });

  test('next start outside demo mode refuses to boot without AUTH_URL and says why', async () => {
    const child = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', '0', '-H', '127.0.0.1'], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        NEXT_DIST_DIR: distDir,
        AUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
        PGLITE_DIR: path.resolve('.data', 'e2e', `refused-${process.pid}`),
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 20_000);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(output).toContain('AUTH_URL is not set');
    expect(code).toBe(1);
  });
});

test.describe('finding 7: CSP with a per-request nonce and no unsafe-inline scripts', () => {
  test('the production header: a fresh nonce per request, on every script the page carries', async ({ request }) => {
    const policies: string[] = [];
    for (const page of ['/signin', '/signin']) {
      const res = await request.get(page);
      expect(res.status()).toBe(200);
      const csp = res.headers()['content-security-policy'] ?? '';
      const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
      expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
      expect(scriptSrc).toContain("'strict-dynamic'");
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      expect(csp).toContain("frame-ancestors 'none'");
      const nonce = scriptSrc.match(/'nonce-([^']+)'/)![1]!;
      const html = await res.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      policies.push(nonce);
    }
    expect(policies[0]).not.toBe(policies[1]);
  });

  /** Records CSP violations (the browser's own event) and console errors that mention the policy. */
  async function watchCsp(page: Page): Promise<string[]> {
    const problems: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|CSP violation/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    return problems;
  }

  test('every page a patient, a clinician and an admin reach works under the policy', async ({ browser }) => {
    test.setTimeout(240_000); // twenty pages and two sign-ins
    const visits: Record<string, string[]> = {
      public: ['/', '/signin', '/signin/check-email', '/signin/error', '/access-denied', '/dev/mailbox'],
      patient: ['/home', '/cases', '/intake', '/book', '/bookings'],
      lead: ['/queue', '/schedule', '/availability', '/admin', '/admin/audit', '/admin/consult-types', '/admin/slas', '/admin/templates', '/admin/workload'],
    };
    for (const [who, paths] of Object.entries(visits)) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems = await watchCsp(page);
      if (who === 'patient') await signIn(page, newPatientEmail('csp'));
      if (who === 'lead') await signInAs(page, 'lead');
      for (const p of paths) {
        const res = await page.goto(p);
        expect(res?.status(), p).toBeLessThan(400);
        // Hydrated: React attached to the page (a blocked bootstrap script would leave it inert).
        await expect.poll(() => page.evaluate(() => Boolean((window as unknown as { next?: unknown }).next)), { message: p }).toBe(true);
      }
      expect(problems, `${who}: CSP problems`).toEqual([]);
      await context.close();
    }
  });
});

test.describe('finding 14: the e2e build carries the test factories (made with E2E_FACTORIES=true)', () => {
  test('its route manifest lists /api/test/* and agrees with the flag it was built with', () => {
    const routes = builtAppRoutes(distDir);
    // Every factory on disk (app/api/test/<name>/route.e2e.ts) is in the build, and nothing else under /api/test.
    const onDisk = readdirSync(path.resolve('app/api/test'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(path.resolve('app/api/test', e.name, 'route.e2e.ts')))
      .map((e) => `/api/test/${e.name}/route`);
    expect(onDisk.length).toBeGreaterThanOrEqual(5);
    expect(routes.filter((r) => r.startsWith('/api/test/')).sort()).toEqual(onDisk.sort());
    expect(factoryRouteMismatch(routes, { e2eFactories: true })).toBeNull();
    expect(factoryRouteMismatch(routes, { e2eFactories: false })).not.toBeNull();
  });
});

/**
 * The same build served as `next start` alone would serve it in production: no DEMO_MODE, no SMTP_URL, no Stripe keys,
 * no E2E_FACTORIES at run time, AUTH_URL set. Its own freshly migrated PGlite directory and port.
 */
test.describe('findings 1 and 2: a production server that lacks keys is not a demo', () => {
  test.describe.configure({ mode: 'serial' });
  const port = Number(process.env.E2E_PORT ?? 3100) + 50;
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;

  test.beforeAll(async ({}, testInfo) => {
    testInfo.setTimeout(180_000);
    // The e2e server's production mode: a fresh migrated, seeded database, then `next start` of this build with
    // AUTH_URL but no DEMO_MODE, SMTP_URL, Stripe keys or E2E_FACTORIES. Its own process group, to stop next-server too.
    server = spawn('npx', ['tsx', '--conditions=react-server', 'lib/cli/e2e-server.ts', String(port), '--production'], {
      env: { ...process.env, NEXT_DIST_DIR: distDir },
      stdio: 'ignore',
      detached: true,
    });
    await expect.poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status ?? 0, { timeout: 150_000 }).toBe(200);
  });

  test.afterAll(async () => {
    if (server?.pid && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      process.kill(-server.pid, 'SIGTERM');
      await exited;
    }
  });

  test('the outbox API, the demo mailbox, the demo checkout and the test factories answer 404', async ({ request }) => {
    expect((await request.get(`${base}/api/dev/outbox?to=lead%40demo.test`)).status()).toBe(404);
    expect((await request.get(`${base}/dev/mailbox?to=lead%40demo.test`)).status()).toBe(404);
    expect((await request.get(`${base}/demo-checkout/cs_demo_0123`)).status()).toBe(404);
    const factory = await request.post(`${base}/api/test/patient-session`, { data: {}, headers: { origin: base } });
    expect(factory.status()).toBe(404);
  });

  test('sign-in says mail is not configured instead of keeping the link in an outbox', async ({ page }) => {
    await page.goto(`${base}/signin`);
    await page.getByLabel('Email address').fill('lead@demo.test');
    await page.getByRole('button', { name: /email me a sign-in link/i }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Sign-in by email is not available' })).toContainText('this server has no mail service configured');
    await expect(page).toHaveURL(/\/signin$/);
    await expectNoA11yViolations(page);
    await screenshots(page, 'signin-mail-not-configured');
  });
});

test.describe('finding 5: the booking page explains a 503 payments_not_configured', () => {
  test('the patient reads that payment is not set up and nothing was booked', async ({ page }) => {
    await signIn(page, newPatientEmail('no-payments'));
    // The API's answer outside demo mode without Stripe keys (its own test: lib/security/demo-config.test.ts).
    await page.route('**/api/bookings', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 503,
            contentType: 'application/json',
            body: JSON.stringify({ error: 'payments_not_configured', message: PAYMENTS_MESSAGE }),
          })
        : route.continue(),
    );
    const res = await page.request.post('/api/test/booking-clinician', { headers: SAME_ORIGIN, data: { timezone: 'UTC' } });
    expect(res.status()).toBe(201);
    const clinician = (await res.json()) as { name: string };
    await page.goto('/book');
    await page.getByRole('radio', { name: new RegExp(clinician.name) }).check();
    const day = page.locator('input[name="slot-day"]').first();
    await page.locator(`label[for="${await day.getAttribute('id')}"]`).click();
    const time = page.locator('input[name="slot-time"]').first();
    await page.locator(`label[for="${await time.getAttribute('id')}"]`).click();
    // The first free time is usually inside the no-refund period (issue 10 item 6): that needs the tick first.
    await expect(page.getByRole('heading', { name: /^4\. Confirm and pay/ })).toBeVisible();
    await acceptNoRefundIfAsked(page);
    await page.getByRole('button', { name: 'Hold this time and pay' }).click();
    await expect(page.getByText('Payments are not configured')).toBeVisible();
    await expect(page.getByText(PAYMENTS_MESSAGE)).toBeVisible();
    await expectNoA11yViolations(page);
    await screenshots(page, 'book-payments-not-configured');
  });
});
