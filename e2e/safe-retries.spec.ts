import { test, expect, newPatientEmail, signIn, SAME_ORIGIN, acceptNoRefundIfAsked, pickSlot, type APIRequestContext } from './fixtures';

/**
 * Issue 13, safe retries (CONTRACTS §4d), in the browser: the hold reaches the server and is written, but the answer
 * is lost on the way back (the connection resets). The booking page says it is retrying, sends the same request
 * with the same Idempotency-Key, gets the first answer again and goes on to checkout — one hold, not two.
 */
async function newClinician(request: APIRequestContext) {
  const res = await request.post('/api/test/booking-clinician', { data: { timezone: 'Europe/London' }, headers: SAME_ORIGIN });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; name: string };
}

test('a hold whose answer was lost is retried with the same key: "Connection lost — retrying…", then checkout, one booking', async ({ page, request }) => {
  const clinician = await newClinician(request);
  await signIn(page, newPatientEmail('retry'));
  const types = (await (await page.request.get('/api/consult-types')).json()) as { id: string; name: string }[];
  await page.goto(`/book?type=${types.find((t) => t.name === 'Initial video consult')!.id}`);
  await page.setViewportSize({ width: 360, height: 900 });
  expect(await pickSlot(page, clinician.name, {})).toBeTruthy();
  await acceptNoRefundIfAsked(page);

  const keys: (string | null)[] = [];
  let lostOne = false;
  await page.route('**/api/bookings', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    keys.push(await route.request().headerValue('idempotency-key'));
    if (lostOne) return route.continue();
    lostOne = true;
    const written = await route.fetch(); // the server holds the time...
    expect(written.status()).toBe(201);
    // ...and the browser never hears of it. Held a while, so the retry notice can be seen.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return route.abort('connectionreset');
  });

  const button = page.getByRole('button', { name: 'Hold this time and pay' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Connection lost — retrying…' })).toBeVisible();
  await expect(page).toHaveURL(/\/demo-checkout\/cs_demo_/);
  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^[\x20-\x7E]{1,100}$/);
  expect(keys[1]).toBe(keys[0]);

  const mine = (await (await page.request.get('/api/bookings')).json()) as { status: string }[];
  expect(mine.map((b) => b.status)).toEqual(['pending_payment']);
});
