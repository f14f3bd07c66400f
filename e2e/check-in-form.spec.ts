import { atBothWidths, expect, expectNoA11yViolations, newPatientEmail, type Page, SAME_ORIGIN, shot, signIn, test } from './fixtures';

// Issue #15: the check-in the mails link to (/cases/<case>/check-ins/<check-in>), filled by the patient on a phone:
// 0–10 radio groups that fit 360 px, the intake's error summary, a draft that survives a reload, the confirmation,
// "already sent" on a second visit, and a 404 for anyone else.

interface Made {
  caseId: string;
  patientEmail: string;
  checkIns: { id: string; dueAt: string; open: boolean; url: string }[];
}

async function makeCheckIn(page: Page, tag: string): Promise<Made> {
  const res = await page.request.post('/api/test/check-in', { data: { patientEmail: newPatientEmail(tag) }, headers: SAME_ORIGIN });
  expect(res.status()).toBe(201);
  return (await res.json()) as Made;
}

const group = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
const score = (page: Page, name: string, n: number) => group(page, name).getByText(String(n), { exact: true }).click();

test('the patient fills a due check-in at 360 px: error summary, draft across a reload, confirmation, already sent; others get 404', async ({ page, browser }) => {
  test.setTimeout(300_000);
  const made = await makeCheckIn(page, 'checkin');
  const [due, later] = made.checkIns;
  expect(due.open).toBe(true);
  expect(later.open).toBe(false);

  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page, made.patientEmail);
  await page.goto(due.url);
  await expect(page.getByRole('heading', { name: 'Your check-in', level: 1 })).toBeVisible();
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);

  // Pain worse now than at its worst this week: the same error summary as the intake, focus on the first problem.
  await score(page, 'How bad is your pain right now?', 5);
  await score(page, 'How bad was your pain at its worst this week?', 3);
  await score(page, 'Bench press', 4);
  await score(page, 'Deadlift from the floor', 6);
  await score(page, 'Sleeping on my back', 8);
  await page.getByLabel('+2 A little better').check();
  await page.getByLabel(/^Training with changes/).check();
  for (const g of await page.getByRole('group').filter({ has: page.getByLabel('No', { exact: true }) }).all()) {
    await g.getByLabel('No', { exact: true }).check();
  }
  await atBothWidths(page, 'check-in-form');
  await page.setViewportSize({ width: 360, height: 800 });
  await page.getByRole('button', { name: 'Send my check-in' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('Your worst pain this week should be at least as high as your pain now.');
  await expect(group(page, 'How bad was your pain at its worst this week?').getByLabel('0, no pain')).toBeFocused();
  await shot(page, 'check-in-error-360');

  // Fix it, let the draft save, and reload: every answer is still there (from the server's draft).
  await score(page, 'How bad was your pain at its worst this week?', 6);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await expect(page.getByTestId('save-status')).toContainText('Saved');
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await expect(group(page, 'How bad is your pain right now?').getByLabel('5', { exact: true })).toBeChecked();
  await expect(group(page, 'How bad was your pain at its worst this week?').getByLabel('6', { exact: true })).toBeChecked();
  await expect(group(page, 'Sleeping on my back').getByLabel('8', { exact: true })).toBeChecked();
  await expect(page.getByLabel('+2 A little better')).toBeChecked();
  await expect(page.getByLabel(/^Training with changes/)).toBeChecked();
  await expect(page.getByLabel('Yes', { exact: true }).first()).not.toBeChecked();
  await expect(page.getByLabel('No', { exact: true }).last()).toBeChecked();

  // Send: the confirmation with the answers; nothing reopened, no emergency.
  await page.getByRole('button', { name: 'Send my check-in' }).click();
  await expect(page.getByRole('heading', { name: 'Sent — thank you' })).toBeVisible();
  await expect(page.getByTestId('check-in-answers')).toContainText('Sleeping on my back');
  await expect(page.getByTestId('check-in-answers')).toContainText('+2: A little better');
  await expect(page.locator('#emergency-panel')).toHaveCount(0);
  await atBothWidths(page, 'check-in-sent');

  // A second visit: "already sent" with the answers, never the form; the API refuses a second submission.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'This check-in was already sent' })).toBeVisible();
  await expect(page.getByTestId('check-in-answers')).toContainText('6 out of 10');
  await expect(page.getByRole('button', { name: 'Send my check-in' })).toHaveCount(0);

  // The next check-in is not open yet: the page says when it opens, no form.
  await page.goto(later.url);
  await expect(page.getByText('This check-in is not open yet')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send my check-in' })).toHaveCount(0);

  // Another patient: 404 for the page and for the draft route.
  const other = await makeCheckIn(page, 'checkin-other');
  const context = await browser.newContext();
  const otherPage = await context.newPage();
  await signIn(otherPage, other.patientEmail);
  const res = await otherPage.goto(due.url);
  expect(res?.status()).toBe(404);
  await expect(otherPage.getByText('Bench press')).toHaveCount(0);
  const put = await otherPage.request.put(`/api/check-ins/${later.id}/draft`, { data: { painNow: 1 }, headers: SAME_ORIGIN });
  expect(put.status()).toBe(404);
  await context.close();
});

test('an emergency answer shows the emergency panel at once, and again on top after sending, whatever a draft save still on its way answers', async ({ page }) => {
  test.setTimeout(240_000);
  const made = await makeCheckIn(page, 'checkin-emergency');
  // Draft saves are held until the check-in has been sent, so one is still on its way when it is: the server then
  // answers it 404 (the check-in takes no more drafts), and that must not reload the page into "already sent".
  let releaseSaves!: () => void;
  const sendAnswered = new Promise<void>((resolve) => (releaseSaves = resolve));
  let heldSaves = 0;
  await page.route('**/api/check-ins/*/draft', async (route) => {
    heldSaves += 1;
    await sendAnswered;
    await route.continue();
  });
  const refreshes: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes(made.checkIns[0].url) && r.url().includes('_rsc=')) refreshes.push(r.url());
  });
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page, made.patientEmail);
  await page.goto(made.checkIns[0].url);
  await score(page, 'How bad is your pain right now?', 4);
  await score(page, 'How bad was your pain at its worst this week?', 5);
  for (const name of ['Bench press', 'Deadlift from the floor', 'Sleeping on my back']) await score(page, name, 5);
  await page.getByLabel('0 About the same').check();
  await page.getByLabel(/^Not training/).check();
  for (const g of await page.getByRole('group').filter({ has: page.getByLabel('No', { exact: true }) }).all()) await g.getByLabel('No', { exact: true }).check();
  // New saddle numbness means emergency: the panel is on top at once, before anything is sent.
  await group(page, '1. Do you have new numbness around your groin, genitals, bottom or inner thighs?').getByLabel('Yes', { exact: true }).check();
  await expect(page.locator('#emergency-panel')).toBeVisible();
  await expect(page.getByTestId('emergency-status')).toHaveAttribute('data-kind', 'not_sent');
  await expect.poll(() => heldSaves).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Send my check-in' }).click();
  await expect(page.getByRole('heading', { name: 'Sent — thank you' })).toBeVisible();
  const lateSave = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/draft'));
  releaseSaves();
  expect((await lateSave).status()).toBe(404);
  // A reload would start at once on that answer (router.refresh): give it time to show, then check it never came.
  await page.waitForTimeout(1_500);
  expect(refreshes).toEqual([]);
  await expect(page.getByRole('heading', { name: 'Sent — thank you' })).toBeVisible();
  const panel = page.locator('#emergency-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('emergency-status')).toHaveAttribute('data-kind', 'submitted');
  // The panel comes before anything else of the page, its title included, and has the focus.
  const [panelTop, titleTop] = await Promise.all([panel.boundingBox(), page.getByRole('heading', { name: 'Your check-in', level: 1 }).boundingBox()]);
  expect(panelTop!.y).toBeLessThan(titleTop!.y);
  await expect(panel).toBeFocused();
  await expect(page.getByText('Your team has been told')).toBeVisible();
  await expectNoA11yViolations(page);
  await shot(page, 'check-in-emergency-360');
});
