import { expect, expectNoA11yViolations, newPatientEmail, SAME_ORIGIN, shot, signInAs, test } from './fixtures';

// The queue rows' look and accessibility at both widths (issue 13: slimmer row markup must look and read the same).

test('queue rows: axe-clean at 1280 and 360 px, the urgency reasons on keyboard focus, a keyboard claim', async ({ page, request }) => {
  test.setTimeout(180_000);
  const res = await request.post('/api/test/queue-case', {
    data: { patientEmail: newPatientEmail('look'), patientName: 'Lena Look', redFlags: ['night_pain'], mriReport: 'Modic type 1 changes at L5.', slaDueInMinutes: 600 },
    headers: SAME_ORIGIN,
  });
  expect(res.status()).toBe(201);
  await signInAs(page, 'lead');
  await page.goto('/queue?assignee=any&status=open');
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoA11yViolations(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
    await shot(page, `queue-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  const row = page.getByTestId('queue-row').filter({ hasText: 'Lena Look' });
  const badge = row.getByRole('button', { name: /urgent/i });
  await badge.focus();
  await expect(row.getByRole('tooltip')).toContainText(/night pain/i);
  await shot(page, 'queue-tip-1280');
  await page.keyboard.press('Escape');
  await expect(row.getByRole('tooltip')).toBeHidden();
  const claim = row.getByRole('button', { name: /^Claim Lena Look/ });
  await claim.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /You claimed Lena Look/ })).toBeVisible();
});

test('"Needs attention" keeps the cases that are worse or have an overdue check-in, each with its badge (issue 15)', async ({ page }) => {
  test.setTimeout(180_000);
  // The seed's forum patient Deniz (Sam's case) answered a worse third check-in (db/seed/outcomes.ts).
  await signInAs(page, 'clinician');
  // Any status: whether that case is open depends on what other specs did with it.
  await page.goto('/queue?assignee=any&status=any');
  await page.getByRole('checkbox', { name: 'Needs attention' }).check();
  await expect(page).toHaveURL(/attention=1/);
  const rows = page.getByTestId('queue-row');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByTestId('worse-badge').first()).toHaveText('Worse since last check-in');
  const n = await rows.count();
  for (let i = 0; i < n; i++) {
    await expect(rows.nth(i).getByTestId(/^(worse-badge|check-in-overdue-badge)$/).first()).toBeVisible();
  }
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoA11yViolations(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
    await shot(page, `attention-${width}`);
  }
  await page.getByRole('checkbox', { name: 'Needs attention' }).uncheck();
  await expect(page).not.toHaveURL(/attention=1/);
});
