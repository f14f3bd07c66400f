import type { Page } from '@playwright/test';
import { rightScapulaIntake } from '@/db/seed/forum-cases';
import { expect, expectNoA11yViolations, SAME_ORIGIN, test } from './fixtures';

/*
 * Issue 10, item 11: each intake step is a browser history entry (Back and Forward move between steps, nothing typed
 * is lost) and the steps already reached stay open after a reload. Shots go to SHOTS_DIR when it is set.
 */

const SHOTS = process.env.SHOTS_DIR;
const STEP = (name: string) => ({ level: 2, name });

async function newPatient(page: Page) {
  const res = await page.request.post('/api/test/patient-session', { headers: SAME_ORIGIN, data: {} });
  expect(res.status()).toBe(201);
  const s = (await res.json()) as { cookie: { name: string; value: string } };
  await page.context().addCookies([{ name: s.cookie.name, value: s.cookie.value, url: test.info().project.use.baseURL! }]);
}

async function expectSaved(page: Page) {
  await expect(page.getByTestId('save-status')).toHaveText(/Saved at \d{1,2}:\d{2}/, { timeout: 15_000 });
}

test('Back and Forward move between intake steps, and the steps reached stay open after a reload', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await newPatient(page);
  // Factory for the answers this test is not about: "about you", the twelve safety answers and where it hurts.
  const full = rightScapulaIntake();
  const draft = { patient: { ...full.patient, name: 'Ela Geri' }, redFlags: full.redFlags, complaint: { regions: full.complaint.regions } };
  const put = await page.request.put('/api/intake-draft', { headers: SAME_ORIGIN, data: { data: draft, step: 'about', baseRevision: 0 } });
  expect(put.status()).toBe(200);

  await page.goto('/intake');
  await expect(page.getByRole('heading', STEP('About you'))).toBeVisible();
  // Forward through three steps; each is its own address.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', STEP('Safety screen'))).toBeVisible();
  await expect(page).toHaveURL(/[?&]step=safety\b/);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', STEP('Where it hurts'))).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', STEP('The story'))).toBeVisible();
  await expect(page).toHaveURL(/[?&]step=story\b/);
  const mechanism = page.getByLabel('What were you doing when it started?');
  await mechanism.fill('Second set of paused bench press.');

  // Back twice: the safety screen, answers as given; the story's required answers are still empty, and that does
  // not stop going back. Still the same page (no reload): the intake is not left.
  await page.goBack();
  await expect(page.getByRole('heading', STEP('Where it hurts'))).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', STEP('Safety screen'))).toBeVisible();
  await expect(page).toHaveURL(/[?&]step=safety\b/);
  await expect(page.getByRole('heading', STEP('Safety screen'))).toBeFocused();
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(12);
  await expect(page.getByRole('group', { name: /problems passing urine/ }).getByLabel('No', { exact: true })).toBeChecked();

  // Forward once: where it hurts. The story is still one Forward away, with what was typed.
  await page.goForward();
  await expect(page.getByRole('heading', STEP('Where it hurts'))).toBeVisible();
  await expect(page).toHaveURL(/[?&]step=where\b/);
  await expectSaved(page);

  // A reload stays on this step, and every step reached (up to the story) is still open from the progress bar.
  await page.reload();
  await expect(page.getByRole('heading', STEP('Where it hurts'))).toBeVisible();
  const steps = page.getByRole('navigation', { name: 'Intake steps' });
  for (const name of ['About you', 'Safety screen', 'The story']) {
    await expect(steps.getByRole('button', { name: new RegExp(name) })).toBeVisible();
  }
  await expect(steps.getByRole('button', { name: /History/ })).toHaveCount(0);
  await expectNoA11yViolations(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/intake-history-1280.png`, fullPage: true });

  await page.setViewportSize({ width: 360, height: 800 });
  await steps.getByText('All steps').click();
  await expect(steps.getByRole('button', { name: /The story/ })).toBeVisible();
  await expectNoA11yViolations(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/intake-history-360.png`, fullPage: true });
  await steps.getByRole('button', { name: /The story/ }).click();
  await expect(page.getByRole('heading', STEP('The story'))).toBeVisible();
  await expect(mechanism).toHaveValue('Second set of paused bench press.');
  // That jump is a history entry too: Back returns to where it hurts.
  await page.goBack();
  await expect(page.getByRole('heading', STEP('Where it hurts'))).toBeVisible();
});
