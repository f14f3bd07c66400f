import { test as base, expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import axe from 'axe-core';
import { rightScapulaIntake } from '@/db/seed/forum-cases';

export const DEMO = {
  patient: 'patient@demo.test',
  patient2: 'patient2@demo.test',
  clinician: 'clinician@demo.test',
  clinician2: 'clinician2@demo.test',
  lead: 'lead@demo.test',
} as const;
export type DemoRole = keyof typeof DEMO;

/**
 * What the app's own pages send with every state-changing API call, so route handlers accept a test's direct
 * request (lib/http.ts refuses cross-site ones). Playwright's API requests carry no Origin; `data: {...}` sets JSON.
 */
export const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin' } as const;

/** A fresh address per call: new emails sign up as patients. */
export function newPatientEmail(tag = 'new'): string {
  return `${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.test`;
}

interface OutboxMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  createdAt: string;
}

export async function readOutbox(request: APIRequestContext, to: string): Promise<OutboxMail[]> {
  const res = await request.get(`/api/dev/outbox?to=${encodeURIComponent(to)}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as OutboxMail[];
}

/** Waits for a mail to `to` whose subject matches and that arrived after `since`. */
export async function waitForMail(request: APIRequestContext, to: string, subject: RegExp, since = 0): Promise<OutboxMail> {
  let found: OutboxMail | undefined;
  await expect
    .poll(async () => {
      const mails = await readOutbox(request, to);
      found = mails.find((m) => subject.test(m.subject) && Date.parse(m.createdAt) >= since - 1000);
      return Boolean(found);
    }, { timeout: 15_000 })
    .toBe(true);
  return found!;
}

/**
 * Signs in through the real journey: the sign-in form, the demo outbox, the magic link. Each attempt carries its
 * own nonce in the callback URL, so two workers signing in as the same demo account never take each other's link.
 * For tests of signing in (e2e/auth.spec.ts, an invitation); the others use signIn.
 */
export async function signInThroughMailbox(page: Page, email: string): Promise<void> {
  const nonce = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(`/home?signin=${nonce}`)}`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: /email me a sign-in link/i }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  let link: string | undefined;
  await expect
    .poll(async () => {
      const mails = await readOutbox(page.request, email);
      link = mails.map((m) => m.text.match(/https?:\/\/\S+/)?.[0]).find((l) => l?.includes(nonce));
      return Boolean(link);
    }, { timeout: 15_000 })
    .toBe(true);
  const url = new URL(link!);
  await page.goto(url.pathname + url.search);
  await expect(page).not.toHaveURL(/\/signin/);
}

/**
 * Signs in as `email` (a new address becomes a patient) with the session a magic link would give, made by the e2e
 * factory in one request (app/api/test/patient-session): ~100 tests sign in, and the mailbox journey — three page loads
 * and a mailbox poll each — was a large part of the suite's time. The journey itself is signInThroughMailbox's.
 */
export async function signIn(page: Page, email: string): Promise<void> {
  const res = await page.request.post('/api/test/patient-session', { headers: SAME_ORIGIN, data: { email } });
  expect(res.status(), await res.text()).toBe(201);
  const { cookie } = (await res.json()) as { cookie: { name: string; value: string } };
  await page.context().addCookies([{ name: cookie.name, value: cookie.value, url: new URL(res.url()).origin }]);
  await page.goto('/home');
  await expect(page).not.toHaveURL(/\/signin/);
}

export async function signInAs(page: Page, role: DemoRole): Promise<void> {
  await signIn(page, DEMO[role]);
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe scan with the WCAG 2.x A/AA tags (2.2 included); asserts no violations.
 *
 * axe-core runs in the page itself, put there once per document. @axe-core/playwright parsed axe's 0.5 MB source
 * three times a scan and opened a second page per scan to merge the frames' results; with ~80 scans that was most of
 * the e2e suite's time on this 2-core machine (issue 13: CI under 45 minutes). The app has no iframes, so the one
 * frame is the whole page, which is what axe.run covers.
 */
export async function expectNoA11yViolations(page: Page): Promise<void> {
  // Once in CI, a scan right after a server action's refresh found the page without its <title> for an instant
  // ("document-title", admin plan templates; the retry passed). Wait for the title first: a page that never gets one
  // still fails here.
  await expect(page).toHaveTitle(/\S/);
  const injected = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!injected) await page.evaluate(axe.source);
  const summary = await page.evaluate(async (tags) => {
    const a = (window as unknown as { axe: typeof axe }).axe;
    const results = await a.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  }, AXE_TAGS);
  expect(summary, 'axe violations').toEqual([]);
}

/** A full-page screenshot (and one of `part`) into SHOTS_DIR when it is set: the pictures a person looks at. */
export async function shot(page: Page, name: string, part?: Locator): Promise<void> {
  if (!process.env.SHOTS_DIR) return;
  await page.screenshot({ path: `${process.env.SHOTS_DIR}/${name}.png`, fullPage: true });
  if (part) await part.screenshot({ path: `${process.env.SHOTS_DIR}/${name}-part.png` });
}

/**
 * The page at 1280 and then 360 px: axe-clean (unless `axe: false`), no sideways scrolling, `check` if given, and a
 * screenshot at each width. The page is left at 360 px unless `thenWidth` says otherwise.
 */
export async function atBothWidths(
  page: Page,
  name: string,
  opts: { part?: Locator; axe?: boolean; check?: () => Promise<void>; thenWidth?: number } = {},
): Promise<void> {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    if (opts.axe !== false) await expectNoA11yViolations(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
    await opts.check?.();
    await shot(page, `${name}-${width}`, opts.part);
  }
  if (opts.thenWidth) await page.setViewportSize({ width: opts.thenWidth, height: 900 });
}

export const test = base;
export { expect };
export type { APIRequestContext, Page };

/**
 * The right-scapula forum story told by someone else: specs that submit it must not add cases under the seeded forum
 * patient's name, which the queue spec uses to find the two seeded cases.
 */
export function anotherPatientsIntake(name = 'Robin Tester'): ReturnType<typeof rightScapulaIntake> {
  const submission = rightScapulaIntake();
  submission.patient.name = name;
  return submission;
}

/** Ticks the booking step's no-refund acknowledgement when the chosen time needs it (issue 10 item 6). */
export async function acceptNoRefundIfAsked(page: Page): Promise<void> {
  const box = page.getByLabel('I understand that this consult is not refunded if I cancel or miss it.');
  if (await box.isVisible()) await box.check();
}

/**
 * On the booking page: chooses the clinician, then the first listed time at least `minHours` ahead (null when none is
 * listed before `maxHours`). Returns the slot's ISO start (UTC).
 */
export async function pickSlot(page: Page, clinicianName: string, want: { minHours?: number; maxHours?: number }) {
  await page.getByRole('radio', { name: new RegExp(clinicianName) }).check();
  const days = page.locator('input[name="slot-day"]');
  await expect(days.first()).toBeAttached();
  for (let d = 0; d < (await days.count()); d++) {
    await page.locator(`label[for="${await days.nth(d).getAttribute('id')}"]`).click();
    const times = page.locator('input[name="slot-time"]');
    await expect(times.first()).toBeAttached();
    for (let i = 0; i < (await times.count()); i++) {
      const startsAt = (await times.nth(i).getAttribute('value'))!;
      const hours = (Date.parse(startsAt) - Date.now()) / 3_600_000;
      if (want.minHours !== undefined && hours < want.minHours) continue;
      if (want.maxHours !== undefined && hours > want.maxHours) return null;
      await page.locator(`label[for="${await times.nth(i).getAttribute('id')}"]`).click();
      return startsAt;
    }
  }
  return null;
}
