import { atBothWidths, expect, expectNoA11yViolations, newPatientEmail, signInAs, signInThroughMailbox, test, waitForMail } from './fixtures';

test.describe('administration', () => {
  test('the lead invites a clinician, who signs in to the queue', async ({ page, browser }) => {
    await signInAs(page, 'lead');
    await page.goto('/admin');
    const email = newPatientEmail('invited');
    const since = Date.now();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Name').fill('Robin Invited');
    await page.getByLabel('Title').fill('Physiotherapist');
    await page.getByRole('group', { name: 'Areas they cover' }).getByLabel('Knee').check();
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
    await expect(page.getByTestId('team-member').filter({ hasText: 'Robin Invited' })).toContainText('Knee');
    const mail = await waitForMail(page.request, email, /invited to the Triage & Consult rehab team/, since);
    expect(mail.text).toContain('/signin');

    const invited = await browser.newPage();
    await signInThroughMailbox(invited, email);
    await expect(invited).toHaveURL(/\/queue$/);
    await expect(invited.getByRole('heading', { level: 1, name: 'Triage queue' })).toBeVisible();
    await invited.close();
  });

  test('the lead edits a clinician and an advice template', async ({ page }) => {
    await signInAs(page, 'lead');
    await page.goto('/admin');
    const priya = page.getByTestId('team-member').filter({ hasText: 'Priya Nair' });
    await priya.getByRole('button', { name: 'Edit Priya Nair' }).click();
    await priya.getByLabel('Capacity (open cases)').fill('26');
    await priya.getByRole('button', { name: 'Save Priya Nair' }).click();
    await expect(priya.getByRole('status')).toHaveText('Saved.');
    await expect(priya).toContainText('capacity 26');

    await page.goto('/admin/templates');
    const title = `Sleep and recovery ${Date.now().toString(36)}`;
    const form = page.getByTestId('template-form').last();
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Advice text').fill('Hi {first_name}, sleep 8 hours and keep your training load steady this week.');
    await form.getByRole('button', { name: 'Add template' }).click();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
  });

  test('the lead adds a plan template with two phases; bad input is shown on the fields', async ({ page }) => {
    test.setTimeout(120_000);
    await signInAs(page, 'lead');
    await page.goto('/admin/templates');
    const form = page.getByTestId('plan-template-form').last();
    await form.getByRole('button', { name: 'Add plan template' }).click();
    await expect(form.getByText('Give the template a title.')).toBeVisible();
    await expect(form.getByText('Give the phase a title.')).toBeVisible();
    await atBothWidths(page, 'admin-plan-template-errors', { part: form, thenWidth: 1280 });

    const title = `Hamstring strain ${Date.now().toString(36)}`;
    await form.getByLabel('Title', { exact: true }).fill(title);
    const phases = form.getByTestId('plan-template-phase');
    await phases.nth(0).getByLabel('Phase title').fill('Settle');
    await phases.nth(0).getByLabel('From week').fill('1');
    await phases.nth(0).getByLabel('To week').fill('2');
    await form.getByRole('button', { name: 'Add phase' }).click();
    await phases.nth(1).getByLabel('Phase title').fill('Sprint again');
    await phases.nth(1).getByLabel('From week').fill('3');
    await phases.nth(1).getByLabel('To week').fill('8');
    await form.getByRole('button', { name: 'Add exercise' }).click();
    await form.getByLabel('Name').fill('Nordic curls');
    await form.getByLabel('Sets').fill('3');
    await form.getByLabel('Stop and contact us if…').fill('Sudden sharp pain at the back of the thigh.');
    await form.getByLabel('Check-in weeks').fill('1, 2, 4, 8');
    await form.getByRole('button', { name: 'Add plan template' }).click();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    const card = page.getByRole('heading', { name: title }).locator('xpath=..');
    await expect(card).toContainText('2 phases over 8 weeks · 1 exercise · check-ins at weeks 1, 2, 4, 8');
    await card.getByText(`Edit ${title}`).click();
    const saved = card.getByTestId('plan-template-form');
    await expect(saved.getByTestId('plan-template-phase')).toHaveCount(2);
    await expect(saved.getByLabel('Check-in weeks')).toHaveValue('1, 2, 4, 8');
    await atBothWidths(page, 'admin-plan-templates', { part: card, thenWidth: 1280 });
  });

  test('the audit log filters by action and actor, exports CSV, and the export is audited', async ({ page }) => {
    await signInAs(page, 'lead');
    await page.goto('/queue');
    await page.goto('/admin/audit?action=queue.view&actorId=lead%40demo.test');
    const rows = page.getByTestId('audit-row');
    await expect(rows.first()).toContainText('queue.view');
    await expect(rows.first()).toContainText('lead@demo.test');
    const csv = await page.request.get('/api/admin/audit/export?action=queue.view');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('id,at,actorEmail,actorId,actorRole,action,resourceType,resourceId,patientEmail,patientId,outcome,requestId,ip,details');
    expect(text).toContain('queue.view');
    await page.goto('/admin/audit?action=audit_log.export');
    await expect(page.getByTestId('audit-row').first()).toContainText('audit_log.export');
  });

  test('SLA minutes and workload are shown to the lead', async ({ page }) => {
    await signInAs(page, 'lead');
    await page.goto('/admin/slas');
    await expect(page.getByLabel('Emergency (minutes)')).toHaveValue('60');
    // Saving the current values proves the round trip without changing other tests' due times.
    await page.getByRole('button', { name: 'Save SLAs' }).click();
    await expect(page.getByRole('status')).toContainText('Saved.');
    await page.goto('/admin/workload');
    await expect(page.getByTestId('workload-row').filter({ hasText: 'Sam Carter' })).toContainText(/\d+ \/ 25/);
  });

  for (const width of [1280, 360]) {
    test(`admin pages are axe-clean and fit ${width}px`, async ({ page }) => {
      // Five pages, each scanned by axe: on a loaded 2-core machine this passed 60 s (seen twice, both widths).
      test.setTimeout(150_000);
      await page.setViewportSize({ width, height: 900 });
      await signInAs(page, 'lead');
      for (const path of ['/admin', '/admin/templates', '/admin/slas', '/admin/workload', '/admin/audit']) {
        await page.goto(path);
        await expectNoA11yViolations(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
      }
    });
  }
});
