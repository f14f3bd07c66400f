import { DEMO, expect, expectNoA11yViolations, newPatientEmail, signInAs, signInThroughMailbox, test } from './fixtures';

test.describe('sign-in by magic link', () => {
  for (const [role, home, heading] of [
    ['patient', '/cases', 'My cases'],
    ['clinician', '/queue', 'Triage queue'],
    ['lead', '/queue', 'Triage queue'],
  ] as const) {
    test(`${role} signs in through the mailbox and lands on their home`, async ({ page }) => {
      await signInThroughMailbox(page, DEMO[role]);
      await expect(page).toHaveURL(new RegExp(`${home}$`));
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.getByTestId('signed-in-as')).toBeVisible();
    });
  }

  test('a new email signs up as a patient, and signs out', async ({ page }) => {
    const email = newPatientEmail();
    await signInThroughMailbox(page, email);
    await expect(page).toHaveURL(/\/cases$/);
    await expect(page.getByTestId('signed-in-as')).toContainText('Patient');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/signin\?signedOut=1/);
    await page.goto('/cases');
    await expect(page).toHaveURL(/\/signin/);
  });

  test('a malformed email gets a clear message and keeps what was typed', async ({ page }) => {
    await page.goto('/signin');
    await page.getByLabel('Email address').fill('not-an-email');
    await page.getByRole('button', { name: /email me a sign-in link/i }).click();
    await expect(page.getByText('Enter an email address like name@example.com.')).toBeVisible();
    await expect(page.getByLabel('Email address')).toHaveValue('not-an-email');
    await expect(page.getByLabel('Email address')).toBeFocused();
    await expectNoA11yViolations(page);
  });

  test('a used or broken magic link explains what to do', async ({ page }) => {
    await page.goto(`/api/auth/callback/nodemailer?token=bogus&email=${encodeURIComponent(DEMO.patient)}`);
    await expect(page.getByRole('heading', { name: /couldn.t sign you in/i })).toBeVisible();
  });
});

test.describe('role-based access', () => {
  test('a patient is denied the clinician and admin pages', async ({ page }) => {
    await signInAs(page, 'patient');
    for (const path of ['/queue', '/admin']) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/access-denied$/);
      await expect(page.getByRole('heading', { name: /isn.t available to you/i })).toBeVisible();
    }
  });

  test('the denial is in the audit log the lead can read', async ({ page, browser }) => {
    await signInAs(page, 'patient2');
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/access-denied$/);

    const lead = await browser.newPage();
    await signInAs(lead, 'lead');
    const res = await lead.request.get('/api/admin/audit?action=access.denied&limit=50');
    expect(res.status()).toBe(200);
    const rows = (await res.json()) as { items: { action: string; outcome: string; actorEmail: string | null; resourceType: string }[] };
    expect(rows.items.some((r) => r.outcome === 'denied' && r.actorEmail === DEMO.patient2 && r.resourceType === 'admin')).toBe(true);
    await lead.close();
  });
});

test.describe('API basics', () => {
  test('health reports the database', async ({ request }) => {
    const res = await request.get('/api/health');
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.ok).toBe(true);
    expect(['pglite', 'postgres']).toContain(body.db);
  });

  test('anonymous API calls get 401, unknown routes a friendly 404, oversized bodies 413', async ({ request, page }) => {
    for (const path of ['/api/admin/audit', '/api/me']) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(401);
    }
    const big = await request.post('/api/me', { data: 'x'.repeat(1_100_000), headers: { 'content-type': 'application/json' } });
    expect(big.status()).toBe(413);
    const missing = await page.goto('/no-such-page');
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.locator('body')).not.toContainText(/at \w+ \(/); // no stack trace
  });
});

test.describe('accessibility and phone screens', () => {
  for (const width of [1280, 360]) {
    test(`public pages are axe-clean at ${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      for (const path of ['/', '/signin', '/signin/check-email?email=a%40b.test', '/dev/mailbox?to=patient%40demo.test', '/access-denied', '/no-such-page']) {
        await page.goto(path);
        await expectNoA11yViolations(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
      }
    });

    test(`role homes are axe-clean at ${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await signInAs(page, 'lead');
      for (const path of ['/queue', '/admin']) {
        await page.goto(path);
        await expectNoA11yViolations(page);
      }
      await page.context().clearCookies();
      await signInAs(page, 'patient2');
      await page.goto('/cases');
      await expectNoA11yViolations(page);
    });
  }
});

test.describe('idle sessions', () => {
  test('warns before the idle timeout, can be extended, then signs out', async ({ page }) => {
    await page.clock.install();
    await signInThroughMailbox(page, newPatientEmail('idle'));
    await expect(page).toHaveURL(/\/cases$/);
    await page.clock.fastForward('28:30');
    const dialog = page.getByRole('alertdialog', { name: 'Are you still there?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Stay signed in' }).click();
    await expect(dialog).toBeHidden();
    await page.clock.fastForward('28:30');
    await expect(dialog).toBeVisible();
    await page.clock.fastForward('02:10');
    await expect(page).toHaveURL(/\/signin\?reason=timeout/);
    await expect(page.getByText('You were signed out')).toBeVisible();
    await page.goto('/cases');
    await expect(page).toHaveURL(/\/signin/);
  });
});
