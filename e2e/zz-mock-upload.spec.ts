import sharp from 'sharp';
import { photoJpeg } from '@/lib/testing/upload-fixtures';
import { RIGHT_SCAPULA_MRI_REPORT } from '@/lib/triage/mri/corpus';
import { anotherPatientsIntake, expect, newPatientEmail, SAME_ORIGIN, signIn, test, type Page } from './fixtures';

async function both(page: Page, name: string) {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `/tmp/f-shots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('mock', async ({ page }) => {
  test.setTimeout(200_000);
  const thumb = await sharp(await photoJpeg(RIGHT_SCAPULA_MRI_REPORT)).resize({ width: 400 }).png().toBuffer();
  await signIn(page, newPatientEmail('mock'));
  const { imaging: _i, consent: _c, ...answers } = anotherPatientsIntake('Mock');
  await page.request.put('/api/intake-draft', { data: { data: { ...answers, reachedStep: 'imaging' }, step: 'imaging', baseRevision: 0 }, headers: SAME_ORIGIN });
  let progress = 0;
  let post: 'ok' | 413 | 429 = 413;
  let release: () => void = () => undefined;
  let held = new Promise<void>((r) => (release = r));
  await page.route('**/api/intake-files', async (route) => {
    if (post !== 'ok') return route.fulfill({ status: post, json: { error: 'too_large' } });
    await held;
    await route.fulfill({ status: 202, json: { id: 'f1', status: 'reading' } });
  });
  await page.route('**/api/intake-files/f1', async (route) => {
    progress += 0.25;
    if (progress < 1.5) return route.fulfill({ json: { id: 'f1', status: 'reading', method: 'ocr', progress: Math.min(progress, 0.9), pages: 1 } });
    return route.fulfill({ json: { id: 'f1', status: 'done', method: 'ocr', progress: 1, pages: 1, text: RIGHT_SCAPULA_MRI_REPORT.replace('loss', '1oss') } });
  });
  await page.route('**/api/intake-files/f1/thumbnail', (route) => route.fulfill({ contentType: 'image/png', body: thumb }));
  await page.goto('/intake');
  await expect(page.getByTestId('mri-upload')).toBeVisible();
  await both(page, 'empty');
  await page.getByLabel(/Choose a file/).setInputFiles({ name: 'big-scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(1000, 1) });
  await expect(page.getByTestId('mri-upload-refusal')).toBeVisible();
  await both(page, 'refused');
  post = 'ok';
  await page.getByLabel(/Choose a file/).setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(300_000, 1) });
  await expect(page.getByTestId('mri-upload-progress')).toBeVisible();
  await both(page, 'uploading');
  release();
  await expect(page.getByTestId('mri-reading-progress')).toBeVisible();
  await expect(page.getByTestId('mri-reading-progress').getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');
  await both(page, 'reading');
  await expect(page.getByTestId('mri-upload-done')).toBeVisible({ timeout: 30_000 });
  await both(page, 'done');
  await page.getByRole('button', { name: 'Next' }).click();
  await both(page, 'confirm-error');
  held = new Promise<void>((r) => (release = r));
});
