import config from '../playwright.config';
import { RIGHT_SCAPULA_MRI_REPORT } from '@/lib/triage/mri/corpus';
import { anotherPatientsIntake, type APIRequestContext, atBothWidths, expect, expectNoA11yViolations, newPatientEmail, type Page, pickSlot, shot, signIn, test, waitForMail } from './fixtures';

// Issue #10, "what the patient is told" and "getting around": items 6, 7, 9, 13, 14 and 15 — each promise on screen is
// checked against what actually happens.

// A fake camera for the call test (item 14), allowed without a prompt.
const baseLaunch = config.use?.launchOptions ?? {};
test.use({ launchOptions: { ...baseLaunch, args: [...(baseLaunch.args ?? []), '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] } });

const NO_REFUND_TICK = 'I understand that this consult is not refunded if I cancel or miss it.';

const ORIGIN = String(config.use?.baseURL);
const JSON_HEADERS = { 'content-type': 'application/json', origin: ORIGIN };

/** POST as the signed-in page (its cookies), with the headers route handlers expect from the app itself. */
async function postJson(page: Page, url: string, data: unknown) {
  return page.request.post(url, { data, headers: JSON_HEADERS });
}

async function factory<T>(request: APIRequestContext, path: string, data: unknown): Promise<T> {
  const res = await request.post(`/api/test/${path}`, { data, headers: JSON_HEADERS });
  expect(res.status(), `factory ${path}`).toBe(201);
  return (await res.json()) as T;
}

const valueLength = (page: Page) => page.getByLabel(/Paste your MRI report/).evaluate((el: HTMLTextAreaElement) => el.value.length);

function bookingClinician(request: APIRequestContext, opts: { noHours?: boolean } = {}) {
  return factory<{ id: string; name: string; email: string }>(request, 'booking-clinician', { timezone: 'Europe/London', ...opts });
}

test('6. refunds: the policy shown before paying is the slot’s own; inside the window it says so and needs a tick (page and API); mail, page and cancel dialog agree', async ({ page, request }) => {
  test.setTimeout(180_000);
  const clinician = await bookingClinician(request);
  const email = newPatientEmail('refund');
  await signIn(page, email);
  await page.goto('/book');

  // A time days ahead: full refund until 24 h before, no tick.
  expect(await pickSlot(page, clinician.name, { minHours: 30 })).not.toBeNull();
  await expect(page.getByTestId('refund-policy')).toContainText('Free to cancel or move until');
  await expect(page.getByLabel(NO_REFUND_TICK)).toHaveCount(0);

  // The first time (slots open 2 h ahead) is inside the no-refund period: said before paying, and a tick is required.
  const soon = await pickSlot(page, clinician.name, { maxHours: 23 });
  expect(soon, 'a slot inside 24 h').not.toBeNull();
  await expect(page.getByText('No refund for this time')).toBeVisible();
  await expect(page.getByTestId('refund-policy')).toContainText('you are not refunded');
  await expect(page.getByText(/full refund up to|for a full refund\.$/)).toHaveCount(0);
  await atBothWidths(page, 'book-no-refund');
  await page.getByRole('button', { name: 'Hold this time and pay' }).click();
  await expect(page.getByText('Tick the box to book this time')).toBeVisible();
  await expect(page).toHaveURL(/\/book/);

  // The server refuses it too, with a clear 400, when the acknowledgement is missing.
  const types = (await (await request.get('/api/consult-types')).json()) as { id: string }[];
  const refused = await postJson(page, '/api/bookings', { clinicianId: clinician.id, consultTypeId: types[0]!.id, startsAt: soon });
  expect(refused.status()).toBe(400);
  expect(await refused.json()).toMatchObject({ error: 'no_refund_not_acknowledged', message: expect.stringContaining('not refunded') });

  await page.getByLabel(NO_REFUND_TICK).check();
  const since = Date.now();
  await page.getByRole('button', { name: 'Hold this time and pay' }).click();
  await page.getByRole('button', { name: /Pay .* \(demo\)/ }).click();
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible();

  // After paying, the page, the mail and the cancel dialog say the same as before paying.
  await expect(page.getByTestId('refund-policy')).toContainText('inside the no-refund period: if you cancel or miss it, you are not refunded');
  const mail = await waitForMail(request, email, /^Booking confirmed/, since);
  expect(mail.text).toContain('inside the no-refund period: if you cancel or miss it, you are not refunded');
  expect(mail.text).not.toMatch(/for a full refund/);
  await page.getByRole('button', { name: 'Cancel consult' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('you are not refunded');
  await page.getByRole('button', { name: 'Keep it' }).click();
  await atBothWidths(page, 'booking-no-refund');
});

test('7. the case page leads with the next step: Book when a consult is recommended, the booking once booked — never "in our queue"', async ({ page, browser, request }) => {
  test.setTimeout(180_000);
  const r = await factory<{ caseId: string; patientEmail: string }>(request, 'queue-case', { patientEmail: newPatientEmail('next'), status: 'consult_recommended' });
  await signIn(page, r.patientEmail);
  await page.goto(`/cases/${r.caseId}`);
  const step = page.getByTestId('next-step');
  await expect(step.getByRole('heading', { name: 'Book your video consult' })).toBeVisible();
  await expect(step.getByRole('link', { name: 'Book a consult' })).toHaveAttribute('href', `/book?case=${r.caseId}`);
  await atBothWidths(page, 'case-book');

  const b = await factory<{ bookingId: string; caseId: string; patientEmail: string }>(request, 'video-booking', { startsInMinutes: 180, withCase: true });
  const other = await browser.newContext();
  page = await other.newPage();
  await signIn(page, b.patientEmail);
  await page.goto(`/cases/${b.caseId}`);
  const booked = page.getByTestId('next-step');
  await expect(booked.getByRole('heading', { name: 'Your video consult is booked' })).toBeVisible();
  await expect(booked.getByRole('link', { name: 'See your booking' })).toHaveAttribute('href', `/bookings/${b.bookingId}`);
  await expect(page.getByRole('list', { name: 'Case status' })).toContainText('Consult booked');
  await expect(page.getByText(/in our queue/)).toHaveCount(0);
  await atBothWidths(page, 'case-booked');
  await page.goto('/cases');
  await expect(page.getByText(/Consult booked:/)).toBeVisible();
  await other.close();
});

test('9. a long MRI paste is kept whole, the limit is said, and the explanations are grouped by finding', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, newPatientEmail('mri'));
  const { imaging: _imaging, consent: _consent, ...data } = anotherPatientsIntake();
  const put = await page.request.put('/api/intake-draft', { data: { data, step: 'imaging', baseRevision: 0 }, headers: JSON_HEADERS });
  expect(put.status()).toBe(200);
  await page.goto('/intake');
  let report = '';
  while (report.length < 24_000) report += `${RIGHT_SCAPULA_MRI_REPORT}\n\n`;
  report += 'CONCLUSION: the last words of the report are kept.';
  await page.getByLabel(/Paste your MRI report/).fill(report);
  expect(await valueLength(page), 'nothing cut from the paste').toBe(report.length);
  const status = page.getByTestId('mri-length-status');
  await expect(status).toContainText('longer than we can take');
  await expect(status).toContainText(`It has ${report.length.toLocaleString('en')} characters`);
  // One explanation per kind of finding, with a count — not one per mention.
  const items = page.getByTestId('mri-explanations').locator('> li');
  expect(await items.count()).toBeLessThan(12);
  await expect(page.getByTestId('mri-explanations')).toContainText(/mentioned \d+ times/);
  await atBothWidths(page, 'imaging-long');
  // Next refuses with the limit, and nothing typed is lost (the draft on the server too).
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'longer than 20,000 characters' })).toBeVisible();
  expect(await valueLength(page)).toBe(report.length);
  await expect(page.getByTestId('save-status')).toHaveText(/Saved at/, { timeout: 15_000 });
  await page.reload();
  await expect(page.getByLabel(/Paste your MRI report/)).toBeVisible();
  expect(await valueLength(page), 'the whole paste survives a reload').toBe(report.length);
});

test('13. dates read one way (never ISO) on the review step; unanswered safety questions are one error, not twelve', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, newPatientEmail('dates'));
  const { redFlags: _redFlags, consent: _consent, ...data } = anotherPatientsIntake();
  expect((await page.request.put('/api/intake-draft', { data: { data, step: 'safety', baseRevision: 0 }, headers: JSON_HEADERS })).status()).toBe(200);
  await page.goto('/intake');
  await page.getByRole('button', { name: 'Next' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('listitem')).toHaveCount(1);
  await expect(summary).toContainText('Answer every safety question with yes or no: 12 still need an answer.');
  await atBothWidths(page, 'safety-errors');

  const full = anotherPatientsIntake();
  const { consent: _c, ...answered } = full;
  const draft = (await (await page.request.get('/api/intake-draft')).json()) as { revision: number };
  expect((await page.request.put('/api/intake-draft', { data: { data: answered, step: 'review', baseRevision: draft.revision }, headers: JSON_HEADERS })).status()).toBe(200);
  await page.goto('/intake');
  const review = page.locator('main');
  await expect(review).toContainText('12 Mar 1994');
  await expect(review).toContainText('Sept 2018');
  await expect(review).not.toContainText('1994-03-12');
  await expect(review).not.toContainText(/\b20\d\d-\d\d\b/);
  await atBothWidths(page, 'review-dates');

  // Errors never name a format the field does not show.
  const bad = { ...full, patient: { ...full.patient, dateOfBirth: '1994-02-30' } };
  const res = await postJson(page, '/api/intakes', bad);
  expect(res.status()).toBe(400);
  expect(JSON.stringify(await res.json())).not.toMatch(/\d{4}-\d{2}-\d{2}/);
});

test('14. clinicians without working hours are not offered; the time-zone select is not cut at 360 px', async ({ page, request }) => {
  const withHours = await bookingClinician(request);
  const noHours = await bookingClinician(request, { noHours: true });
  const listed = (await (await request.get('/api/clinicians')).json()) as { id: string }[];
  expect(listed.map((c) => c.id)).toContain(withHours.id);
  expect(listed.map((c) => c.id)).not.toContain(noHours.id);

  await signIn(page, newPatientEmail('nohours'));
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/book');
  await expect(page.getByRole('radio', { name: new RegExp(withHours.name) })).toBeVisible();
  await expect(page.getByRole('radio', { name: new RegExp(noHours.name) })).toHaveCount(0);
  await page.getByRole('radio', { name: new RegExp(withHours.name) }).check();
  const zone = page.getByLabel('Show times in');
  const { width } = (await zone.boundingBox())!;
  expect(width, 'the select spans the phone width').toBeGreaterThan(300);
  await shot(page, 'book-zone-360');
});

test('14. at 360 px: availability times show AM/PM, the audit log shows every field, and "Leave consult" is on the first screen of a call', async ({ page, browser, request }) => {
  test.setTimeout(180_000);
  // A 12-hour locale puts AM/PM in each time input: none may be narrower than its content.
  const us = await browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 800 } });
  const clinicianPage = await us.newPage();
  await signIn(clinicianPage, 'clinician2@demo.test');
  await clinicianPage.goto('/availability');
  const times = clinicianPage.locator('input[type="time"]');
  await expect(times.first()).toBeVisible();
  for (const box of await times.all()) {
    if (!(await box.isVisible())) continue;
    expect((await box.boundingBox())!.width, 'a time input wide enough for "09:00 AM" and its icon').toBeGreaterThanOrEqual(200);
  }
  await shot(clinicianPage, 'availability-360');
  await us.close();

  await signIn(page, 'lead@demo.test');
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/admin/audit');
  const card = page.getByTestId('audit-card').first();
  for (const label of ['When (UTC)', 'Actor', 'Resource', 'Patient']) await expect(card).toContainText(label);
  await expect(card.getByText(/Allowed|Denied/)).toBeVisible();
  await expectNoA11yViolations(page);
  await shot(page, 'audit-360');

  const b = await factory<{ bookingId: string; patientEmail: string }>(request, 'video-booking', { startsInMinutes: 2 });
  const phone = await browser.newContext({ viewport: { width: 360, height: 640 } });
  const call = await phone.newPage();
  await signIn(call, b.patientEmail);
  await call.goto(`/consult/${b.bookingId}`);
  await call.getByRole('button', { name: /Join the consult with/ }).click();
  await expect(call.getByRole('button', { name: 'Leave consult' })).toBeInViewport();
  await shot(call, 'call-360');
  await phone.close();
});

test('15. a favicon; the consult-types form shows field errors like every other form, and takes no typing before it is ready', async ({ page, browser }) => {
  const icon = await page.request.get('/icon.svg');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
  await signIn(page, 'lead@demo.test');
  await page.goto('/admin/consult-types');
  await expect(page.locator('head link[rel="icon"]')).toHaveAttribute('href', /icon/);

  // Until the page has hydrated its fields are disabled: text typed then would land under the form's defaults when
  // react-hook-form takes the fields over ("95.00ninety"). Without JavaScript the page never gets there.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const before = await noScript.newPage();
  await signIn(before, 'lead@demo.test');
  await before.goto('/admin/consult-types');
  await expect(before.getByRole('button', { name: 'Create consult type' })).toBeDisabled();
  await expect(before.getByLabel('Price').first()).toBeDisabled();
  await noScript.close();

  // Playwright types only into enabled fields: no waiting for hydration here.
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Create consult type' }) });
  await form.getByLabel('Price').fill('ninety');
  await form.getByLabel('Length (minutes)').fill('2');
  await form.getByRole('button', { name: 'Create consult type' }).click();
  await expect(form.getByLabel(/^Name/)).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText('Give the consult type a name of at least 3 characters.');
  await expect(form).toContainText('Give the price like 95 or 95.00.');
  await expect(form).toContainText('Between 5 minutes and 8 hours.');
  await expect(form.getByLabel('Price')).toHaveValue('ninety');
  await atBothWidths(page, 'consult-types-errors');
});

test('15. a clinician is not signed out for idleness in the minutes before a consult they are about to join', async ({ page, browser, request }) => {
  test.setTimeout(180_000);
  const b = await factory<{ clinicianEmail: string }>(request, 'video-booking', { startsInMinutes: 14 });
  await signIn(page, b.clinicianEmail);
  await page.clock.install();
  await page.goto('/schedule');
  await expect(page.getByRole('heading', { name: 'My schedule' })).toBeVisible();
  await page.clock.runFor('31:00');
  await expect(page.getByRole('alertdialog', { name: 'Are you still there?' })).toHaveCount(0);
  await expect(page).toHaveURL(/\/schedule/);

  // The control: a clinician with no consult coming is warned after the same idle time.
  const other = await browser.newContext();
  const idle = await other.newPage();
  await signIn(idle, (await bookingClinician(request)).email);
  await idle.clock.install();
  await idle.goto('/schedule');
  await expect(idle.getByRole('heading', { name: 'My schedule' })).toBeVisible();
  await idle.clock.runFor('28:30');
  await expect(idle.getByRole('alertdialog', { name: 'Are you still there?' })).toBeVisible();
  await other.close();
});
