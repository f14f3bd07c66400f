import { expect, expectNoA11yViolations, newPatientEmail, readOutbox, test, type Page } from './fixtures';

interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** Sends the sign-in form once through the browser and keeps the server-action request it made, for replaying. */
async function requestLinkCapturing(page: Page, email: string): Promise<CapturedAction> {
  await page.goto('/signin');
  await page.getByLabel('Email address').fill(email);
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action'])),
    page.getByRole('button', { name: /email me a sign-in link/i }).click(),
  ]);
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  const headers = await request.allHeaders();
  for (const h of ['content-length', 'host', 'cookie', 'connection']) delete headers[h];
  return { url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) };
}

const replay = (page: Page, a: CapturedAction, headers: Record<string, string> = {}) =>
  page.request.post(a.url, { headers: { ...a.headers, ...headers }, data: a.body, maxRedirects: 0 });

test.describe('request hardening (issue 11)', () => {
  test('finding 6: a server action posted from a foreign origin is refused by Next and sends no mail', async ({ page }) => {
    const email = newPatientEmail('xsite');
    const action = await requestLinkCapturing(page, email);
    expect(await readOutbox(page.request, email)).toHaveLength(1);

    const foreign = await replay(page, action, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(foreign.status()).toBeGreaterThanOrEqual(400);
    expect(await readOutbox(page.request, email)).toHaveLength(1);

    // The very same request from our own origin goes through: only the origin made the difference.
    expect((await replay(page, action)).status()).toBeLessThan(400);
    await expect.poll(async () => (await readOutbox(page.request, email)).length).toBe(2);
  });

  test('finding 6: a route handler refuses a text/plain post from a foreign origin (403) and non-JSON (415)', async ({ page }) => {
    const url = '/api/intakes/00000000-0000-4000-8000-000000000000/messages';
    const foreign = await page.request.post(url, { data: '{"body":"hi"}', headers: { 'content-type': 'text/plain', origin: 'https://evil.example' } });
    expect(foreign.status()).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: 'cross_site_refused' });
    const form = await page.request.post(url, { data: 'body=hi', headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' } });
    expect(form.status()).toBe(415);
  });

  test('finding 4: sign-in mail per address is limited, and the form says so plainly', async ({ page }, testInfo) => {
    // The e2e server allows 40 links per address per 15 minutes (lib/cli/e2e-server.ts).
    const email = newPatientEmail('limit');
    const action = await requestLinkCapturing(page, email);
    for (let i = 1; i < 40; i++) expect((await replay(page, action)).status()).toBeLessThan(400);
    await expect.poll(async () => (await readOutbox(page.request, email)).length, { timeout: 20_000 }).toBe(40);

    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto('/signin');
      await page.getByLabel('Email address').fill(email);
      await page.getByRole('button', { name: /email me a sign-in link/i }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Too many' })).toContainText(/Too many sign-in links .* wait about \d+ (minutes|seconds)/);
      await expect(page.getByLabel('Email address')).toHaveValue(email);
      await page.screenshot({ path: testInfo.outputPath(`signin-rate-limited-${width}.png`), fullPage: true });
    }
    await expectNoA11yViolations(page);
    expect(await readOutbox(page.request, email)).toHaveLength(40);
  });

  test('finding 11: a client request id that is not a short plain token is replaced', async ({ request }) => {
    const kept = await request.get('/api/health', { headers: { 'x-request-id': 'trace-abc_123' } });
    expect(kept.headers()['x-request-id']).toBe('trace-abc_123');
    const long = 'x'.repeat(200);
    const replaced = await request.get('/api/health', { headers: { 'x-request-id': long } });
    expect(replaced.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
