import config from '../playwright.config';
import { type APIRequestContext, expect, expectNoA11yViolations, newPatientEmail, type Page, SAME_ORIGIN, shot, signIn, test } from './fixtures';

// Chromium's fake camera (a moving test pattern) and microphone (a beep), allowed without a prompt.
const baseLaunch = config.use?.launchOptions ?? {};
test.use({ launchOptions: { ...baseLaunch, args: [...(baseLaunch.args ?? []), '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] } });

interface VideoBooking {
  bookingId: string;
  startsAt: string;
  patientEmail: string;
  clinicianEmail: string;
  clinicianName: string;
  timezone: string;
}

async function videoBooking(request: APIRequestContext, startsInMinutes: number): Promise<VideoBooking> {
  const res = await request.post('/api/test/video-booking', { data: { startsInMinutes, timezone: 'Europe/London' }, headers: SAME_ORIGIN });
  expect(res.status()).toBe(201);
  return (await res.json()) as VideoBooking;
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
}

async function joinRoom(page: Page, bookingId: string) {
  await page.goto(`/consult/${bookingId}`);
  await expect(page.getByRole('heading', { name: 'Check your camera and microphone' })).toBeVisible();
  await expect.poll(() => page.getByLabel('Your camera preview').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 15_000 }).toBeGreaterThan(0);
  await page.getByRole('button', { name: /Join the consult with/ }).click();
}

/** The other participant's video shows moving pictures: a live track with a decoded frame size. */
async function expectRemoteVideoLive(page: Page) {
  const remote = page.getByTestId('remote-video');
  await expect.poll(() => remote.evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 20_000 }).toBeGreaterThan(0);
  expect(await remote.evaluate((v: HTMLVideoElement) => (v.srcObject as MediaStream | null)?.getVideoTracks()[0]?.readyState)).toBe('live');
}

test('the patient and the clinician meet in the room: both connected, each sees the other\'s live video', async ({ page, browser, baseURL }) => {
  // Four phases (join, leave and rejoin, reload, checks at two widths), each with its own expect timeouts; on a
  // loaded 2-core CI machine the whole run took up to ~2.7 min, so the budget is for the sum, not for any one wait.
  test.setTimeout(240_000);
  const b = await videoBooking(page.request, 3);

  await signIn(page, b.patientEmail);
  await page.goto(`/consult/${b.bookingId}`);
  await expect(page.getByRole('heading', { name: 'Video consult' })).toBeVisible();
  await expect(page.locator('main p').filter({ hasText: `with ${b.clinicianName}` }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Check your camera and microphone' })).toBeVisible();
  await expect(page.getByLabel('Camera', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Microphone', { exact: true })).toBeVisible();
  await expect.poll(() => page.getByLabel('Your camera preview').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 15_000 }).toBeGreaterThan(0);
  // The fake microphone beeps: the level meter moves.
  await expect.poll(() => page.getByLabel('Microphone level').evaluate((m: HTMLMeterElement) => m.value), { timeout: 10_000 }).toBeGreaterThan(0);
  await expectNoA11yViolations(page);
  await shot(page, 'prejoin-1280');
  await page.getByRole('button', { name: `Join the consult with ${b.clinicianName}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Waiting for ${b.clinicianName} to join` })).toBeVisible();
  await expect(page.getByRole('heading', { name: `Video call with ${b.clinicianName}` })).toBeFocused();

  const clinicianContext = await browser.newContext({ baseURL });
  try {
    const doctor = await clinicianContext.newPage();
    await signIn(doctor, b.clinicianEmail);
    await joinRoom(doctor, b.bookingId);

    await expect(page.getByTestId('call-state')).toHaveText(`Connected with ${b.clinicianName}`, { timeout: 30_000 });
    await expect(doctor.getByTestId('call-state')).toHaveText('Connected with Test Patient', { timeout: 30_000 });
    await expectRemoteVideoLive(page);
    await expectRemoteVideoLive(doctor);

    // Controls are toggle buttons whose state is announced.
    const mute = page.getByRole('button', { name: 'Mute microphone' });
    await expect(mute).toHaveAttribute('aria-pressed', 'false');
    await mute.click();
    await expect(mute).toHaveAttribute('aria-pressed', 'true');
    expect(await page.getByLabel('Your video').evaluate((v: HTMLVideoElement) => (v.srcObject as MediaStream).getAudioTracks()[0]!.enabled)).toBe(false);
    const camera = page.getByRole('button', { name: 'Turn camera off' });
    await camera.click();
    await expect(camera).toHaveAttribute('aria-pressed', 'true');
    await camera.click();
    await expect(camera).toHaveAttribute('aria-pressed', 'false');
    await expectNoA11yViolations(page);
    await shot(page, 'call-1280');

    // A phone: your own video sits inside a corner of the other person's (issue 10 item 14: the controls stay on the
    // screen during a call), nothing scrolls sideways.
    await page.setViewportSize({ width: 360, height: 800 });
    await noSidewaysScroll(page);
    const remoteBox = (await page.getByTestId('remote-video').boundingBox())!;
    const localBox = (await page.getByLabel('Your video').boundingBox())!;
    expect(localBox.width).toBeLessThan(remoteBox.width / 2);
    expect(localBox.x).toBeGreaterThanOrEqual(remoteBox.x);
    expect(localBox.x + localBox.width).toBeLessThanOrEqual(remoteBox.x + remoteBox.width + 1);
    expect(localBox.y + localBox.height).toBeLessThanOrEqual(remoteBox.y + remoteBox.height + 1);
    await expectNoA11yViolations(page);
    await shot(page, 'call-360');

    // The clinician leaves: the patient is told; the clinician rejoins and they are connected again.
    await doctor.getByRole('button', { name: 'Leave consult' }).click();
    await expect(doctor.getByRole('heading', { name: 'You have left the consult' })).toBeFocused();
    await expect(page.getByTestId('call-state')).toHaveText(`Waiting for ${b.clinicianName} to join…`, { timeout: 15_000 });
    await doctor.getByRole('button', { name: 'Rejoin' }).click();
    await expect(doctor.getByRole('heading', { name: 'Check your camera and microphone' })).toBeVisible();
    await expect.poll(() => doctor.getByLabel('Your camera preview').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 15_000 }).toBeGreaterThan(0);
    await doctor.getByRole('button', { name: /Join the consult with/ }).click();
    await expect(page.getByTestId('call-state')).toHaveText(`Connected with ${b.clinicianName}`, { timeout: 30_000 });
    await expect(doctor.getByTestId('call-state')).toHaveText('Connected with Test Patient', { timeout: 30_000 });
    await expectRemoteVideoLive(doctor);

    // The patient reloads the page mid-call: the clinician sees them go, and they meet again after the check.
    await page.reload();
    await expect(doctor.getByTestId('call-state')).toHaveText('Waiting for Test Patient to join…', { timeout: 15_000 });
    await joinRoom(page, b.bookingId);
    await expect(page.getByTestId('call-state')).toHaveText(`Connected with ${b.clinicianName}`, { timeout: 30_000 });
    await expect(doctor.getByTestId('call-state')).toHaveText('Connected with Test Patient', { timeout: 30_000 });
    await expectRemoteVideoLive(page);
  } finally {
    await clinicianContext.close();
  }
});

test('blocked camera and microphone: the check says so and how to fix it, and joining waits', async ({ page }) => {
  const b = await videoBooking(page.request, 4);
  await signIn(page, b.patientEmail);
  // What the browser answers when the person (or a site setting) refused the permission.
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
  });
  await page.goto(`/consult/${b.bookingId}`);
  const alert = page.getByRole('alert').filter({ hasText: 'Camera and microphone are blocked' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('address bar');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Join the consult with/ })).toBeDisabled();
  await expectNoA11yViolations(page);
  await page.setViewportSize({ width: 360, height: 800 });
  await noSidewaysScroll(page);
  await shot(page, 'denied-360');
});

test('another patient gets 404 for the room page and its signalling API', async ({ page }) => {
  const b = await videoBooking(page.request, 2);
  await signIn(page, newPatientEmail('video-outsider'));
  const res = await page.goto(`/consult/${b.bookingId}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  expect((await page.request.get(`/api/consult/${b.bookingId}/signal?after=0`)).status()).toBe(404);
  const post = await page.request.post(`/api/consult/${b.bookingId}/signal`, { data: { kind: 'hello', payload: { session: 'intruder-session-1' } }, headers: SAME_ORIGIN });
  expect(post.status()).toBe(404);
  await expectNoA11yViolations(page);
});

test('before the window the room says when it opens (in the viewer\'s zone) with a countdown', async ({ page }) => {
  const later = await videoBooking(page.request, 90);
  await signIn(page, later.patientEmail);
  await page.goto(`/consult/${later.bookingId}`);
  await expect(page.getByRole('heading', { name: 'The room is not open yet' })).toBeVisible();
  const opensAt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.parse(later.startsAt) - 10 * 60_000);
  await expect(page.getByTestId('room-opens-at')).toContainText(`It opens at ${opensAt} (your time zone: Europe/London`);
  const countdown = page.getByRole('timer');
  await expect(countdown).toHaveText(/^1 h (19|20) min$/);
  await expect(page.getByRole('button', { name: /Join/ })).toHaveCount(0);
  expect((await page.request.get(`/api/consult/${later.bookingId}/signal?after=0`)).status()).toBe(409);
  await expectNoA11yViolations(page);
  await shot(page, 'before-1280');
  await page.setViewportSize({ width: 360, height: 800 });
  await noSidewaysScroll(page);
  await shot(page, 'before-360');
});

test('the waiting page turns into the room by itself when the countdown reaches the opening time', async ({ page }) => {
  // Opens (10 minutes before the start) about 15 seconds from now.
  const b = await videoBooking(page.request, 10 + 15 / 60);
  await signIn(page, b.patientEmail);
  await page.goto(`/consult/${b.bookingId}`);
  await expect(page.getByRole('heading', { name: 'The room is not open yet' })).toBeVisible();
  await expect(page.getByRole('timer')).toHaveText(/^\d{1,2} s$/);
  await expect(page.getByRole('heading', { name: 'Check your camera and microphone' })).toBeVisible({ timeout: 30_000 });
});

test('after the window the room says the consult has ended', async ({ page }) => {
  const past = await videoBooking(page.request, -120);
  await signIn(page, past.patientEmail);
  await page.goto(`/consult/${past.bookingId}`);
  await expect(page.getByRole('heading', { name: 'This consult has ended' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Join/ })).toHaveCount(0);
  await expectNoA11yViolations(page);
  await page.setViewportSize({ width: 360, height: 800 });
  await noSidewaysScroll(page);
  await shot(page, 'ended-360');
});
