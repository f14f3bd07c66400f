import config from '../playwright.config';
import { type APIRequestContext, atBothWidths, expect, expectNoA11yViolations, newPatientEmail, type Page, shot, signIn, signInAs, test, waitForMail } from './fixtures';

// Issue #15 acceptance: the clinician sets a plan from a template; the patient receives the first check-in mail, fills
// it in at 360 px and sees the chart; a worse check-in puts the case back at the top of the queue with its badge.

const ORIGIN = String(config.use?.baseURL);
const JSON_HEADERS = { 'content-type': 'application/json', origin: ORIGIN };
const DAY = 86_400_000;
const TEMPLATE = 'Upper back: back to the bar in 12 weeks';
const ACTIVITIES = ['Bench press', 'Deadlift from the floor', 'Sleeping on my back'];

/** Runs the check-in mail job as if the clock read `at` (the e2e-only route calls sendDueCheckIns). */
async function tick(request: APIRequestContext, at: Date) {
  const res = await request.post('/api/test/outcomes-tick', { data: { now: at.toISOString() }, headers: JSON_HEADERS });
  expect(res.status()).toBe(200);
}

interface OutcomesBody {
  plan: { version: number; competitionDate?: string } | null;
  checkIns: { id: string; dueAt: string; submittedAt: string | null }[];
  trend: string | null;
}

async function outcomesOf(page: Page, caseId: string): Promise<OutcomesBody> {
  const res = await page.request.get(`/api/cases/${caseId}/outcomes`);
  expect(res.status()).toBe(200);
  return (await res.json()) as OutcomesBody;
}

/** Fills the check-in form (c-checkin's page): pain, the three activities, the global change, training, safety. */
async function fillCheckIn(page: Page, a: { painNow: number; painWorst: number; psfs: number; change: RegExp; training: string }) {
  await page.getByRole('group', { name: 'How bad is your pain right now?' }).getByText(String(a.painNow), { exact: true }).click();
  await page.getByRole('group', { name: 'How bad was your pain at its worst this week?' }).getByText(String(a.painWorst), { exact: true }).click();
  for (const activity of ACTIVITIES) await page.getByRole('group', { name: activity }).getByText(String(a.psfs), { exact: true }).click();
  await page.getByRole('group', { name: /Compared with when you first contacted us/ }).getByLabel(a.change).check();
  await page.getByRole('group', { name: 'Are you training at the moment?' }).getByLabel(a.training).check();
  for (const group of await page.getByRole('group').filter({ has: page.getByLabel('No', { exact: true }) }).all()) {
    await group.getByLabel('No', { exact: true }).check();
  }
  await page.getByRole('button', { name: 'Send my check-in' }).click();
}

test('a plan from a template, the first check-in by mail at 360 px, the chart, and a worse check-in back in the queue under Needs attention', async ({ page, browser, request }) => {
  test.setTimeout(300_000);
  const competition = new Date(Date.now() + 49 * DAY).toISOString().slice(0, 10);
  const patientName = `Outcome Tester ${Date.now().toString(36)}`;
  const made = await request.post('/api/test/queue-case', {
    headers: JSON_HEADERS,
    data: { patientEmail: newPatientEmail('plan'), patientName, status: 'advice_sent', training: { sport: 'powerlifting', nextCompetitionDate: competition, psfsActivities: ACTIVITIES } },
  });
  expect(made.status()).toBe(201);
  const { caseId, patientEmail } = (await made.json()) as { caseId: string; patientEmail: string };

  // The clinician: decided with advice, so the case view offers the plan; a template fills it in.
  await signInAs(page, 'clinician');
  await page.goto(`/queue/cases/${caseId}`);
  const editor = page.getByRole('form', { name: 'Return-to-training plan' });
  await expect(page.getByRole('heading', { name: 'Set a return-to-training plan' })).toBeVisible();
  await editor.getByLabel('Start the plan from a template').selectOption({ label: TEMPLATE });
  await expect(editor.getByLabel('Phase 1 title')).toHaveValue('Settle: pain-free pulling, no bench');
  await expect(editor.getByLabel('Phase 2 title')).toHaveValue('Reload: bench back to 60 %');
  await expect(editor.getByLabel('Exercise 1: name')).toHaveValue('Chest-supported row');
  await expect(editor.getByLabel(/Competition date/)).toHaveValue(competition); // from the intake
  await expect(editor.getByLabel(/Check-in weeks/)).toHaveValue('1, 2, 4, 8, 12');
  await editor.getByLabel('Phase 1 title').fill('Weeks 1–2: pain-free pulling, no bench');
  await atBothWidths(page, 'plan-editor', { part: editor });
  await page.setViewportSize({ width: 1280, height: 900 });
  await editor.getByRole('button', { name: 'Save the plan and email the patient' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Plan saved as version 1' });
  await expect(saved).toContainText('The patient has been emailed; 5 check-ins scheduled.');
  // The refresh after the save shows the plan and closes the editor under "Edit the plan": the confirmation stays.
  await expect(page.getByText('Version 1, set')).toBeVisible();
  await expect(page.getByText('Edit the plan (saves version 2)')).toBeVisible();
  await expect(saved).toBeVisible();
  await shot(page, 'plan-saved', page.getByRole('region', { name: 'Return-to-training plan' }));

  const planned = await outcomesOf(page, caseId);
  expect(planned.plan).toMatchObject({ version: 1, competitionDate: competition });
  expect(planned.checkIns).toHaveLength(5);
  const [first, second] = planned.checkIns;

  // A week later the job mails the first check-in.
  await tick(request, new Date(Date.parse(first!.dueAt) + 60_000));
  const mail = await waitForMail(request, patientEmail, /^Time for your check-in$/);
  const link = new URL(mail.text.match(/https?:\/\/\S+/)![0]);
  expect(link.pathname).toBe(`/cases/${caseId}/check-ins/${first!.id}`);

  // The patient, on a phone: the plan on the case page, then the check-in from the mail.
  const patientContext = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const phone = await patientContext.newPage();
  await signIn(phone, patientEmail);
  await phone.goto(`/cases/${caseId}`);
  await expect(phone.getByRole('heading', { name: 'Your return-to-training plan' })).toBeVisible();
  await expect(phone.getByRole('region', { name: 'Your return-to-training plan' }).locator('[aria-current="step"]')).toContainText('Weeks 1–2: pain-free pulling, no bench');
  await expect(phone.getByText('Chest-supported row')).toBeVisible();
  await expect(phone.getByTestId('outcome-chart-empty')).toBeVisible();
  await atBothWidths(phone, 'patient-plan', { part: phone.getByRole('region', { name: 'Your return-to-training plan' }) });
  await phone.getByRole('link', { name: /Fill in your check-in/ }).click();
  await expect(phone).toHaveURL(link.pathname);
  await phone.setViewportSize({ width: 360, height: 800 });
  await fillCheckIn(phone, { painNow: 2, painWorst: 4, psfs: 6, change: /A little better/, training: 'Training with changes' });
  await expect(phone.getByRole('heading', { name: 'Sent — thank you' })).toBeVisible();
  await expectNoA11yViolations(phone);

  // The chart: the intake's pain 4 to 2, with its table.
  await phone.goto(`/cases/${caseId}`);
  const chart = phone.getByRole('img', { name: /Your pain and activities since the plan started/ });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleDescription(/Pain now fell from 4 to 2 out of 10/);
  await phone.getByText('Show as table').click();
  await expect(phone.getByRole('table').getByRole('row')).toHaveCount(3); // header, intake, week 1
  await atBothWidths(phone, 'patient-chart', { part: phone.getByTestId('outcome-chart') });

  // Week 2: much worse (pain 2 → 7, "a good deal worse").
  await tick(request, new Date(Date.parse(second!.dueAt) + 60_000));
  await phone.goto(`/cases/${caseId}/check-ins/${second!.id}`);
  await fillCheckIn(phone, { painNow: 7, painWorst: 9, psfs: 2, change: /A good deal worse/, training: 'Not training' });
  await expect(phone.getByText('Your team has been told')).toBeVisible();
  await patientContext.close();

  // Back at the top of the clinician's queue with its badge: the "Needs attention" list opens the page, above the
  // table (which keeps CONTRACTS §4b's order, where a fresh response time would put it last in its urgency group).
  await page.goto('/queue');
  const strip = page.getByTestId('needs-attention');
  await expect(strip.getByRole('link', { name: patientName })).toBeVisible();
  await expect(strip.getByRole('listitem').filter({ hasText: patientName }).getByTestId('worse-badge')).toHaveText('Worse since last check-in');
  const [stripBox, tableBox] = [await strip.boundingBox(), await page.getByTestId('queue-row').first().boundingBox()];
  expect(stripBox!.y).toBeLessThan(tableBox!.y);
  await atBothWidths(page, 'queue-top-needs-attention', { part: strip });
  // The filter narrows the list itself to those cases.
  await page.getByRole('checkbox', { name: 'Needs attention' }).check();
  await expect(page).toHaveURL(/attention=1/);
  const rows = page.getByTestId('queue-row');
  const row = rows.filter({ hasText: patientName });
  await expect(row.getByTestId('worse-badge')).toHaveText('Worse since last check-in');
  // Reopened into the pool as new, with a fresh response due time (the queue orders by urgency, then that time).
  await expect(row).toContainText('New');
  await atBothWidths(page, 'queue-needs-attention', { part: row });

  // The clinician's case view: the same chart, the trend and the plan's version.
  await page.goto(`/queue/cases/${caseId}`);
  await expect(page.getByText('Worse since the start')).toBeVisible();
  await expect(page.getByRole('img', { name: /Pain and activity since the plan started/ })).toHaveAccessibleDescription(/Pain now rose from 4 to 7/);
  await atBothWidths(page, 'clinician-chart', { part: page.getByRole('region', { name: 'Return-to-training plan' }) });
});

test('the admin sees the team’s outcome shares, numbers only', async ({ page }) => {
  await signInAs(page, 'lead');
  await page.goto('/admin/workload');
  const section = page.getByRole('region', { name: 'Outcomes by clinician' });
  await expect(page.getByRole('heading', { name: 'Outcomes after the decision' })).toBeVisible();
  await expect(section.getByTestId('outcome-overall')).toContainText('Whole team');
  await atBothWidths(page, 'admin-outcomes');
});
