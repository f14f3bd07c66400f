import { test, expect, expectNoA11yViolations, signIn, signInAs, waitForMail, readOutbox, type Page, SAME_ORIGIN } from './fixtures';

const NOTES = 'PRIVATE-NOTE: thoracic rotation reproduces T6 pain; costovertebral joint suspected; review MRI with radiology.';
const SUMMARY = 'Keep deadlifting at RPE 6 for two weeks and do the thoracic mobility drill daily. We meet again in three weeks.';

interface PastConsult {
  bookingId: string;
  caseId: string;
  startsAt: string;
  patientEmail: string;
  clinicianEmail: string;
  clinicianName: string;
}

/** Screenshots for looking at the pages by eye, at 1280 and 360 px, only when SHOTS_DIR is set; axe at both widths. */
async function checkAtBothWidths(page: Page, name: string) {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoA11yViolations(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow at ${width} px`).toBeLessThanOrEqual(0);
    if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the clinician writes notes after a past consult and completes it; the patient reads only the summary', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const res = await page.request.post('/api/test/video-booking', { data: { startsInMinutes: -50, timezone: 'Europe/London', withCase: true }, headers: SAME_ORIGIN });
  expect(res.status()).toBe(201);
  const b = (await res.json()) as PastConsult;
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(b.startsAt));

  // The clinician opens the consult from their schedule.
  await signIn(page, b.clinicianEmail);
  await page.goto(`/schedule?view=day&date=${day}`);
  await checkAtBothWidths(page, 'schedule-before');
  await page.getByRole('link', { name: /^Write notes for/ }).click();
  await expect(page.getByRole('heading', { name: 'Consult notes' })).toBeVisible();
  await checkAtBothWidths(page, 'notes-empty');

  // A required field left empty: the error sits beside it and the summary typed is kept.
  const notes = page.getByLabel(/^Clinical notes/);
  const summary = page.getByLabel(/^Summary and plan for the patient/);
  await summary.fill(SUMMARY);
  await page.getByRole('button', { name: 'Save notes and complete consult' }).click();
  await expect(page.getByText('Write your clinical notes (at least a sentence)')).toBeVisible();
  await expect(notes).toHaveAttribute('aria-invalid', 'true');
  await expect(notes).toBeFocused();
  await expect(summary).toHaveValue(SUMMARY);
  await checkAtBothWidths(page, 'notes-error');

  await notes.fill(NOTES);
  await page.getByRole('button', { name: 'Save notes and complete consult' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Consult completed, notes saved' })).toBeVisible();
  await expect(page.getByText('Completed', { exact: true })).toBeVisible();
  await expect(page.getByLabel(/^Clinical notes/)).toHaveValue(NOTES);
  await expect(page.getByRole('button', { name: 'Save correction' })).toBeVisible();
  await checkAtBothWidths(page, 'notes-completed');

  // The schedule, the video room and the team's case view lead to the notes.
  await page.goto(`/schedule?view=day&date=${day}`);
  await expect(page.getByRole('link', { name: /^Notes for/ })).toBeVisible();
  await checkAtBothWidths(page, 'schedule-after');
  await page.goto(`/consult/${b.bookingId}`);
  await expect(page.getByRole('heading', { name: 'This consult has ended' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Consult notes' })).toHaveAttribute('href', `/schedule/${b.bookingId}/notes`);
  await checkAtBothWidths(page, 'consult-ended');
  await page.goto(`/queue/cases/${b.caseId}`);
  await expect(page.getByTestId('case-consult-notes')).toContainText(NOTES);
  await expect(page.getByTestId('case-history')).toContainText('Video consult completed, notes written');
  await checkAtBothWidths(page, 'case-view-clinician');

  // The patient: Completed and the summary, never the private notes; the mail says where to read it.
  const patientContext = await browser.newContext();
  const patient = await patientContext.newPage();
  await signIn(patient, b.patientEmail);
  await patient.goto('/bookings');
  const item = patient.getByRole('listitem').filter({ hasText: b.clinicianName });
  await expect(item.getByText('Completed', { exact: true })).toBeVisible();
  await expect(item.getByTestId('consult-summary')).toContainText(SUMMARY);
  expect(await patient.content()).not.toContain('PRIVATE-NOTE');
  await checkAtBothWidths(patient, 'patient-bookings');
  const mail = await waitForMail(patient.request, b.patientEmail, /^Your consult summary is ready/);
  expect(mail.text).toContain(`/bookings/${b.bookingId}`);
  expect(JSON.stringify(await readOutbox(patient.request, b.patientEmail))).not.toContain('PRIVATE-NOTE');
  await patient.goto(`/bookings/${b.bookingId}`);
  await expect(patient.getByTestId('consult-summary')).toContainText(SUMMARY);
  expect(await patient.content()).not.toContain('PRIVATE-NOTE');
  await checkAtBothWidths(patient, 'patient-booking');
  await patient.goto(`/cases/${b.caseId}`);
  await expect(patient.getByTestId('consult-summary')).toContainText(SUMMARY);
  expect(await patient.content()).not.toContain('PRIVATE-NOTE');
  await checkAtBothWidths(patient, 'patient-case');

  // Nobody else reaches the notes: the patient and another clinician get 404.
  const asPatient = await patient.goto(`/schedule/${b.bookingId}/notes`);
  expect(asPatient?.status()).toBe(404);
  expect(await patient.content()).not.toContain('PRIVATE-NOTE');
  await patientContext.close();

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signInAs(other, 'clinician2');
  const asOther = await other.goto(`/schedule/${b.bookingId}/notes`);
  expect(asOther?.status()).toBe(404);
  expect(await other.content()).not.toContain('PRIVATE-NOTE');
  await otherContext.close();
});

test('before the start time the notes page does not offer to complete the consult', async ({ page }) => {
  const res = await page.request.post('/api/test/video-booking', { data: { startsInMinutes: 120, timezone: 'Europe/London' }, headers: SAME_ORIGIN });
  const b = (await res.json()) as PastConsult;
  await signIn(page, b.clinicianEmail);
  await page.goto(`/schedule/${b.bookingId}/notes`);
  await expect(page.getByText('Notes open when the consult starts')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save notes and complete consult' })).toHaveCount(0);
  await checkAtBothWidths(page, 'notes-before-start');
});
