import { atBothWidths, expect, newPatientEmail, SAME_ORIGIN, signIn, signInAs, test } from './fixtures';

// Issue #14: a report sentence the triage engine could not read is never presented as a normal report — the clinician
// sees it marked "not read by the system", the queue row says so, and the patient is not reassured.

/** A spinal sentence that yields no finding (the engine reports it in unreadMri). */
const UNREAD = 'A small Tarlov cyst is noted at S2.';
/** A common finding (whose explanation reassures when the whole report was read), the unread sentence, a possible finding. */
const REPORT = `L4-L5: mild disc bulge. ${UNREAD} Query epidural collection at T8. The conus terminates normally at L1.`;
const PATIENT = 'Ulla Unread';
/** What would tell the patient not to worry. */
const REASSURING = /nothing serious|very common|normal part of getting older|not a sign of damage|harmless|not a cause for worry|normal for your age/i;

test('a report with an unread sentence: marked for the clinician, badged in the queue, never reassuring for the patient', async ({ page, browser, request }) => {
  // Six axe scans and two sign-ins: on a loaded machine this has taken three minutes.
  test.setTimeout(360_000);
  const res = await request.post('/api/test/queue-case', {
    data: { patientEmail: newPatientEmail('unread'), patientName: PATIENT, mriReport: REPORT, regions: ['low_back'], areas: ['low_back'] },
    headers: SAME_ORIGIN,
  });
  expect(res.status()).toBe(201);
  const made = (await res.json()) as { caseId: string; patientEmail: string };

  // The queue: the row carries the badge, and the JSON API the count as an extra field.
  await signInAs(page, 'clinician');
  const api = await page.request.get('/api/queue?assignee=any&status=open&limit=200');
  expect(api.status()).toBe(200);
  const { items } = (await api.json()) as { items: { id: string; mriUnread?: number }[] };
  expect(items.find((i) => i.id === made.caseId)?.mriUnread).toBe(1);
  await page.goto('/queue?assignee=any&status=open');
  const row = page.getByTestId('queue-row').filter({ hasText: PATIENT });
  await expect(row.getByTestId('mri-unread-badge')).toHaveText(/MRI: 1 unread/);
  await expect(page.getByTestId('queue-row').filter({ hasText: 'Deniz Aksoy' }).getByTestId('mri-unread-badge')).toHaveCount(0);
  await atBothWidths(page, 'unread-queue');

  // The case view: the count near the MRI findings, the sentence labelled in the report, the possible finding as possible.
  await row.getByRole('link', { name: new RegExp(`^${PATIENT}`) }).first().click();
  await expect(page).toHaveURL(new RegExp(`/queue/cases/${made.caseId}`));
  await expect(page.getByTestId('mri-unread-summary')).toContainText('1 sentence not read by the system');
  const mark = page.getByTestId('mri-report').getByTestId('mri-unread');
  await expect(mark).toHaveCount(1);
  await expect(mark).toContainText('Not read by the system — read it yourself');
  await expect(mark).toContainText(UNREAD);
  await expect(page.getByTestId('reasons-unread-note')).toContainText('not read by the system');
  const possible = page.getByTestId('mri-finding').filter({ hasText: 'Epidural collection' });
  await expect(possible.getByTestId('mri-finding-possible')).toHaveText('Possible — not confirmed, not ruled out');
  await expect(possible).toContainText('Possible (stated as uncertain in the report)');
  await expect(page.getByTestId('mri-report').getByTestId('mri-highlight').filter({ hasText: 'Query epidural' })).toContainText('possible');
  await atBothWidths(page, 'unread-case-view');

  // The patient: told plainly that part of the report was not read and that a clinician will read it; nothing reassures.
  const context = await browser.newContext();
  const patientPage = await context.newPage();
  await signIn(patientPage, made.patientEmail);
  await patientPage.goto(`/cases/${made.caseId}`);
  const panel = patientPage.getByRole('region', { name: 'What we read in your report' });
  await expect(panel.getByTestId('mri-unread-notice')).toContainText('We could not read part of your report automatically');
  await expect(panel.getByTestId('mri-unread-notice')).toContainText('A clinician will read it');
  await expect(panel.getByTestId('mri-unread')).toContainText(UNREAD);
  await expect(panel.getByTestId('mri-unread')).toContainText('Not read automatically — a clinician will read it');
  const explanations = panel.getByTestId('mri-explanations');
  await expect(explanations).toContainText('Disc bulge');
  await expect(explanations).toContainText('possible, not certain');
  await expect(explanations).toContainText('The report says this is possible but not certain');
  expect(await panel.innerText()).not.toMatch(REASSURING);
  await atBothWidths(patientPage, 'unread-patient-case');
  await context.close();
});
