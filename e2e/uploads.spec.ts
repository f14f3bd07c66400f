import { photoJpeg } from '@/lib/testing/upload-fixtures';
import { RIGHT_SCAPULA_MRI_REPORT } from '@/lib/triage/mri/corpus';
import { anotherPatientsIntake, atBothWidths, expect, newPatientEmail, type Page, SAME_ORIGIN, signIn, signInAs, test } from './fixtures';

// Issue #16: a patient uploads a phone photo of their MRI report, watches it upload and be read, corrects the text,
// sees the findings highlighted, confirms and sends; the clinician sees the original beside the confirmed text with
// the patient's edit marked; nobody else can fetch the file.

const PATIENT = 'Umut Upload';
/** Read slowly enough to hold the "reading" state: OCR of a photo takes several seconds, longer on a loaded machine. */
const OCR_TIMEOUT = 150_000;

/** Holds matching requests until `release()`: a state the test must look at stays on screen until it has. */
async function gate(page: Page, url: string | RegExp) {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  await page.route(url, async (route) => {
    await opened;
    await route.fallback();
  });
  return async () => {
    open();
    await page.unroute(url);
  };
}

/** A draft with every answer but the imaging and the consents, opened on the imaging step (the review reached before). */
async function draftUpToImaging(page: Page) {
  const { imaging: _imaging, consent: _consent, ...answers } = anotherPatientsIntake(PATIENT);
  const res = await page.request.put('/api/intake-draft', {
    data: { data: { ...answers, reachedStep: 'review' }, step: 'imaging', baseRevision: 0 },
    headers: SAME_ORIGIN,
  });
  expect(res.status()).toBe(200);
}

/** A word of the report that the OCR reads reliably and that carries no finding: the one the patient "corrects". */
function wordToCorrect(text: string): { from: string; to: string } {
  for (const [from, to] of [
    ['paraspinal', 'paravertebral'],
    ['calibration', 'calibre'],
    ['examination', 'imaging'],
  ] as const) {
    if (new RegExp(`\\b${from}\\b`).test(text)) return { from, to };
  }
  throw new Error(`none of the expected words was read from the photo:\n${text}`);
}

test('a patient uploads a photo of the report, corrects a word, confirms and sends; the clinician sees the original and the edit; nobody else gets the file', async ({
  page,
  browser,
}) => {
  // OCR, ten axe scans and three sign-ins on a shared machine.
  test.setTimeout(420_000);
  const photo = await photoJpeg(RIGHT_SCAPULA_MRI_REPORT);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, newPatientEmail('upload'));
  await draftUpToImaging(page);
  await page.goto('/intake');
  await expect(page.getByRole('heading', { level: 2, name: 'Imaging' })).toBeVisible();
  const upload = page.getByTestId('mri-upload');
  const chooser = page.getByLabel(/Choose a file/);
  await expect(chooser).toHaveAttribute('type', 'file');
  await expect(chooser).toHaveAttribute('accept', /application\/pdf/);
  await atBothWidths(page, 'upload-empty', { thenWidth: 1280 });

  // Something typed first, then a program renamed to .pdf: refused by its bytes, the typed text kept.
  const box = page.getByRole('textbox', { name: /Paste your MRI report as text instead/ });
  await box.fill('My notes from the phone call with the imaging centre.');
  await chooser.setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(2048, 7)]) });
  await expect(upload.getByTestId('mri-upload-refusal')).toContainText('We can only read PDF, JPEG or PNG files');
  await expect(box).toHaveValue('My notes from the phone call with the imaging centre.');
  await atBothWidths(page, 'upload-refused', { thenWidth: 1280 });

  // The photo: the upload held at the server's door so its progress can be seen, then the reading's.
  const releaseUpload = await gate(page, '**/api/intake-files');
  await page.getByLabel(/Choose a file/).setInputFiles({ name: 'report-photo.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(upload.getByTestId('mri-upload-progress').getByRole('progressbar')).toHaveAttribute('aria-valuenow', /\d+/);
  await expect(upload.getByTestId('mri-upload-progress')).toContainText('Uploading “report-photo.jpg”');
  await atBothWidths(page, 'upload-uploading', { thenWidth: 1280, axe: false });
  const releasePolls = await gate(page, /\/api\/intake-files\/[^/]+$/);
  await releaseUpload();
  const reading = upload.getByTestId('mri-reading-progress');
  await expect(reading).toContainText('Reading your report…');
  await expect(reading.getByRole('progressbar')).toHaveAttribute('aria-valuenow', /\d+/);
  await expect(upload).toContainText('You can go on with the next steps');
  await atBothWidths(page, 'upload-reading', { thenWidth: 1280 });

  // Reading holds nobody up: the patient goes on to the review. Sending waits for the reading and the check, and
  // leads back to the upload, still reading (the wizard kept it while the step was away).
  await page.getByRole('button', { name: /Go to step 8/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Review and consent' })).toBeVisible();
  await page.getByLabel(/I agree that the rehab team stores my answers/).check();
  await page.getByLabel(/I understand this service is not for emergencies/).check();
  await page.getByRole('button', { name: 'Send to the rehab team' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Imaging' })).toBeVisible();
  await expect(upload).toBeFocused();
  await expect(upload).toContainText('We are still reading your report. Wait until it is done');
  await expect(upload.getByTestId('mri-reading-progress')).toBeVisible();
  await releasePolls();

  // The patient empties the box for the file's text and reloads mid-reading: the draft remembered the file.
  await box.fill('');
  await expect(page.getByTestId('save-status')).toHaveText(/Saved at \d{1,2}:\d{2}/, { timeout: 15_000 });
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Imaging' })).toBeVisible();
  await expect(upload).toHaveAttribute('data-phase', /reading|done/);

  // Read: the text sits in the box, beside a picture of the page.
  await expect(upload.getByTestId('mri-upload-done')).toBeVisible({ timeout: OCR_TIMEOUT });
  const textBox = page.getByRole('textbox', { name: /The text we read from your report/ });
  const read = await textBox.inputValue();
  expect(read).toMatch(/Modic/);
  const original = page.getByTestId('mri-original');
  await expect(original.getByRole('img', { name: /First page of “report-photo.jpg”/ })).toBeVisible();
  expect(await original.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const openLink = original.getByRole('link', { name: /Open your original file/ });
  const fileId = /\/api\/intake-files\/([^/]+)\/original/.exec((await openLink.getAttribute('href')) ?? '')?.[1];
  expect(fileId).toBeTruthy();

  // One word corrected; the engine's highlights follow the text as for pasted text.
  const edit = wordToCorrect(read);
  const corrected = read.replace(new RegExp(`\\b${edit.from}\\b`), edit.to);
  await textBox.fill(corrected);
  const explanations = page.getByTestId('mri-explanations');
  await expect(explanations).toContainText('Modic type 1 change');
  await expect(explanations).toContainText('Loss of vertebral body height');
  await expect(explanations.getByText('T5, T7').first()).toBeVisible();
  await expect(page.getByTestId('mri-marked-report').locator('mark').first()).toContainText('Modic type 1');

  // Not confirmed: Next stops at the box, with the reason.
  await page.getByRole('button', { name: 'Next' }).click();
  const confirm = page.getByLabel(/I have checked this text against my report/);
  await expect(confirm).toBeFocused();
  await expect(page.getByTestId('mri-confirm')).toContainText('Please check the text against your report');
  await atBothWidths(page, 'upload-confirm', { thenWidth: 1280, part: page.locator('form[aria-labelledby="step-heading"]') });
  await confirm.check();
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Review and consent' })).toBeVisible();
  await expect(page.getByLabel(/I agree that the rehab team stores my answers/)).toBeChecked();
  await expect(page.getByRole('link', { name: /Your uploaded report/ })).toHaveAttribute('href', `/api/intake-files/${fileId}/original`);
  await page.getByRole('button', { name: 'Send to the rehab team' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}\?submitted=1$/);
  const caseId = /\/cases\/([0-9a-f-]{36})/.exec(page.url())![1];
  const sent = (await (await page.request.get(`/api/intakes/${caseId}`)).json()) as { submission: { imaging?: { fileId?: string; mriReport?: string } } };
  expect(sent.submission.imaging?.fileId).toBe(fileId);
  expect(sent.submission.imaging?.mriReport).toContain(edit.to);

  // The clinician: page 1 and the original beside the confirmed text, the corrected word marked as the patient's.
  const clinician = await browser.newContext();
  const staff = await clinician.newPage();
  await staff.setViewportSize({ width: 1280, height: 900 });
  await signInAs(staff, 'clinician');
  await staff.goto(`/queue/cases/${caseId}`);
  const view = staff.getByTestId('mri-upload-view');
  await expect(view.getByRole('img', { name: 'First page of the report the patient uploaded' })).toBeVisible();
  expect(await view.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const originalRes = await staff.request.get(`/api/intake-files/${fileId}/original`);
  expect(originalRes.status()).toBe(200);
  await expect(view.getByTestId('mri-upload-legend')).toContainText('Changed by the patient');
  await expect(view.getByTestId('mri-upload-diff').locator('ins').filter({ hasText: edit.to })).toHaveCount(1);
  await expect(view.getByTestId('mri-upload-diff').locator('del').filter({ hasText: edit.from })).toHaveCount(1);
  await view.scrollIntoViewIfNeeded();
  await atBothWidths(staff, 'upload-clinician', { thenWidth: 1280, part: view });
  await clinician.close();

  // Another patient: 404 for the file's status, the file and its picture.
  const other = await browser.newContext();
  const stranger = await other.newPage();
  await signInAs(stranger, 'patient2');
  for (const path of [`/api/intake-files/${fileId}`, `/api/intake-files/${fileId}/original`, `/api/intake-files/${fileId}/thumbnail`]) {
    expect((await stranger.request.get(path)).status(), path).toBe(404);
  }
  await other.close();
});
