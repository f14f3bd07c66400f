import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO, expect, expectNoA11yViolations, newPatientEmail, readOutbox, signInAs, test, waitForMail, SAME_ORIGIN } from './fixtures';

interface QueueItem {
  id: string;
  urgency: 'emergency' | 'urgent' | 'routine';
  status: string;
  assignedClinicianId: string | null;
  regions: string[];
  submittedAt: string;
  slaDueAt: string;
  patientName: string | null;
}

const RANK = { emergency: 0, urgent: 1, routine: 2 } as const;

/** A fresh pool case nobody else touches (E2E factory), assessed by the real triage engine. */
async function makePoolCase(request: APIRequestContext, body: Record<string, unknown> = {}) {
  const res = await request.post('/api/test/queue-case', { data: { patientEmail: newPatientEmail('queue'), ...body }, headers: SAME_ORIGIN });
  expect(res.status()).toBe(201);
  return (await res.json()) as { caseId: string; patientEmail: string; urgency: string };
}

async function caseIdOf(page: Page, patientName: string): Promise<string> {
  const link = page.getByRole('link', { name: new RegExp(`^${patientName}`) }).first();
  const href = await link.getAttribute('href');
  const id = href?.match(/\/queue\/cases\/([0-9a-f-]{36})/)?.[1];
  expect(id, `case link of ${patientName}`).toBeTruthy();
  return id!;
}

test.describe('triage queue', () => {
  test('a clinician reads the forum case, claims it and sends personalised advice; the patient reads it on the case page and in the mailbox', async ({ page, browser }) => {
    await signInAs(page, 'clinician');
    await page.goto('/queue');
    await expect(page.getByRole('heading', { level: 1, name: 'Triage queue' })).toBeVisible();

    // The seeded forum cases are listed, in the API's order, which is urgency then SLA due time. (Other specs' new
    // patients never reuse the forum patients' names, so the names identify the seeded cases.)
    const api = await page.request.get('/api/queue?assignee=any&status=open&limit=200');
    expect(api.status()).toBe(200);
    const { items } = (await api.json()) as { items: QueueItem[] };
    for (let i = 1; i < items.length; i++) {
      const a = items[i - 1];
      const b = items[i];
      expect(RANK[a.urgency] < RANK[b.urgency] || (a.urgency === b.urgency && a.slaDueAt <= b.slaDueAt)).toBe(true);
    }
    const forum = items.filter((i) => i.patientName === 'Deniz Aksoy' || i.patientName === 'Jordan Reyes').map((i) => i.patientName);
    expect(forum).toHaveLength(2);
    const table = page.locator('table');
    await expect(table.getByRole('link', { name: /^Deniz Aksoy, \d+/ })).toBeVisible();
    await expect(table.getByRole('link', { name: /^Jordan Reyes, \d+/ })).toBeVisible();
    const shown = (await table.getByRole('link').allTextContents()).map((t) => t.replace(/,.*$/, '')).filter((n) => n === 'Deniz Aksoy' || n === 'Jordan Reyes');
    expect(shown).toEqual(forum);

    // Urgency reasons are reachable by keyboard focus (accessible tooltip).
    const denizRow = table.getByTestId('queue-row').filter({ hasText: 'Deniz Aksoy' });
    await denizRow.getByRole('button', { name: /routine/i }).focus();
    await expect(denizRow.getByRole('tooltip')).toContainText(/Modic/i);

    // The case view: own words, highlighted MRI findings with their explanation.
    const caseId = await caseIdOf(page, 'Deniz Aksoy');
    await page.goto(`/queue/cases/${caseId}`);
    await expect(page.getByRole('heading', { level: 1, name: /Deniz Aksoy/ })).toBeVisible();
    await expect(page.getByTestId('patient-summary')).toContainText('right shoulder blade');
    await expect(page.getByTestId('mri-highlight').filter({ hasText: 'Modic type 1' })).toBeVisible();
    const modic = page.getByTestId('mri-finding').filter({ hasText: /Modic type 1/ });
    await expect(modic).toContainText('T5');
    await expect(modic).toContainText(/Needs review/);
    await expect(page.getByRole('list', { name: 'Episode timeline' })).toContainText(/First episode/);

    // Routing gave the case to this clinician: hand it back to the pool, then claim it from the pool.
    const assignment = page.getByTestId('case-assignee');
    if (await page.getByRole('button', { name: 'Release to pool' }).isVisible()) {
      await page.getByRole('button', { name: 'Release to pool' }).click();
      await expect(assignment).toHaveText(/Unassigned: in the pool/);
    }
    await page.getByRole('button', { name: 'Claim this case' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'You claimed this case.' })).toBeVisible();
    await expect(assignment).toHaveText(/You hold this case/);

    // Advice from a template, personalised before sending.
    const since = Date.now();
    await page.getByLabel('Self-management advice').check();
    await page.getByLabel('Start from a template').selectOption({ label: 'Keep moving: graded return' });
    const advice = page.getByLabel(/Advice the patient will read/);
    await expect(advice).toHaveValue(/^Hi Deniz,/);
    const personal = 'For your bench press: start with the empty bar and pause if the pain near your shoulder blade goes above 3/10.';
    await advice.fill(`${await advice.inputValue()}\n\n${personal}`);
    await page.getByRole('button', { name: 'Send advice' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Advice sent' })).toBeVisible();
    await expect(page.getByTestId('case-history')).toContainText('Advice sent by Sam Carter');
    await expect(page.getByTestId('case-thread')).toContainText(personal);

    // The patient: the mail, then the advice on their own case page.
    const mail = await waitForMail(page.request, DEMO.patient, /Your rehab team has sent you advice/, since);
    expect(mail.text).toContain(`/cases/${caseId}`);
    const patient = await browser.newPage();
    await signInAs(patient, 'patient');
    await patient.goto(`/cases/${caseId}`);
    await expect(patient.getByText(personal)).toBeVisible();
    await expect(patient.getByText(/Hi Deniz,/).first()).toBeVisible();

    // The patient answers in the same thread (own case only; internal notes are the team's), and the team sees it.
    const replySince = Date.now();
    const reply = 'Thank you! I will start with the empty bar on Monday.';
    await patient.getByLabel('Write to your rehab team').fill(reply);
    await patient.getByRole('button', { name: 'Send message' }).click();
    await expect(patient.getByTestId('case-thread')).toContainText(reply);
    expect((await patient.request.post(`/api/intakes/${caseId}/messages`, { data: { body: 'note', internal: true }, headers: SAME_ORIGIN })).status()).toBe(400);
    await waitForMail(page.request, DEMO.clinician, /A patient replied/, replySince);
    await page.reload();
    await expect(page.getByTestId('case-thread')).toContainText(reply);
    await patient.close();
  });

  test('two clinicians claim the same case at the same moment: one wins, the other is told who', async ({ browser, request }) => {
    const { caseId } = await makePoolCase(request, { patientName: 'Race Case', slaDueInMinutes: 600 });
    const sam = await browser.newPage();
    const priya = await browser.newPage();
    await Promise.all([signInAs(sam, 'clinician'), signInAs(priya, 'clinician2')]);
    await Promise.all([sam.goto(`/queue/cases/${caseId}`), priya.goto(`/queue/cases/${caseId}`)]);
    await Promise.all([sam.getByRole('button', { name: 'Claim this case' }).click(), priya.getByRole('button', { name: 'Claim this case' }).click()]);
    const outcome = async (p: Page) => {
      const status = p.getByRole('status').filter({ hasText: /claimed this case/ });
      await expect(status).toBeVisible();
      return (await status.textContent()) ?? '';
    };
    const [a, b] = await Promise.all([outcome(sam), outcome(priya)]);
    const wins = [a, b].filter((t) => t.includes('You claimed this case.'));
    expect(wins).toHaveLength(1);
    const lost = a.includes('You claimed') ? b : a;
    const winner = a.includes('You claimed') ? 'Sam Carter' : 'Priya Nair';
    expect(lost).toContain(`${winner} already claimed this case.`);
    await sam.close();
    await priya.close();
  });

  test('the claim API lets exactly one of simultaneous claims win (CONTRACTS §4b) and release returns the case', async ({ browser, request }) => {
    const { caseId } = await makePoolCase(request, { patientName: 'Api Race' });
    const sam = await browser.newPage();
    const priya = await browser.newPage();
    await Promise.all([signInAs(sam, 'clinician'), signInAs(priya, 'clinician2')]);
    const [r1, r2] = await Promise.all([sam.request.post(`/api/intakes/${caseId}/claim`, { data: {}, headers: SAME_ORIGIN }), priya.request.post(`/api/intakes/${caseId}/claim`, { data: {}, headers: SAME_ORIGIN })]);
    expect([r1.status(), r2.status()].sort()).toEqual([200, 409]);
    const win = r1.status() === 200 ? r1 : r2;
    const lose = r1.status() === 200 ? r2 : r1;
    const { assignedClinicianId } = await win.json();
    expect(await lose.json()).toMatchObject({ error: 'already_claimed', assignedClinicianId });
    const loserPage = r1.status() === 200 ? priya : sam;
    const winnerPage = r1.status() === 200 ? sam : priya;
    expect((await loserPage.request.post(`/api/intakes/${caseId}/release`, { data: {}, headers: SAME_ORIGIN })).status()).toBe(409);
    expect((await winnerPage.request.post(`/api/intakes/${caseId}/release`, { data: {}, headers: SAME_ORIGIN })).status()).toBe(200);
    const pool = await winnerPage.request.get('/api/queue?assignee=none&limit=200');
    expect(((await pool.json()) as { items: QueueItem[] }).items.some((i) => i.id === caseId)).toBe(true);
    await sam.close();
    await priya.close();
  });

  test('an urgent case prompts a referral; a consult recommendation sends the booking link; a case is handed over with a reason', async ({ page, request }) => {
    const urgent = await makePoolCase(request, { patientName: 'Ref Urgent', redFlags: ['fever_unwell'] });
    expect(urgent.urgency).toBe('urgent');
    await signInAs(page, 'clinician');
    await page.goto(`/queue/cases/${urgent.caseId}`);
    await expect(page.getByText('Urgent case: consider a referral')).toBeVisible();
    await expect(page.getByLabel('Refer to medical care')).toBeChecked();
    await page.getByRole('button', { name: 'Send referral' }).click();
    await expect(page.getByText('Give the reason for the referral (the patient reads it).')).toBeVisible();
    const since = Date.now();
    await page.getByLabel('Within 1–2 days').check();
    await page.getByLabel(/Reason \(the patient reads this\)/).fill('Fever with back pain needs a doctor to rule out an infection.');
    await page.getByRole('button', { name: 'Send referral' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Referral sent' })).toBeVisible();
    const referral = await waitForMail(request, urgent.patientEmail, /recommends medical care/, since);
    expect(referral.text).toContain('within the next day or two');

    const routine = await makePoolCase(request, { patientName: 'Consult Routine' });
    await page.goto(`/queue/cases/${routine.caseId}`);
    await page.getByLabel('Recommend a video consult').check();
    await page.getByRole('button', { name: 'Send consult invitation' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Consult recommended' })).toBeVisible();
    const invite = await waitForMail(request, routine.patientEmail, /recommends a video consult/, since);
    expect(invite.text).toContain(`/book?case=${routine.caseId}`);
    await page.getByRole('button', { name: 'Close case' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Case closed.' })).toBeVisible();
    await expect(page.getByText('This case is closed.')).toBeVisible();

    const handover = await makePoolCase(request, { patientName: 'Hand Over' });
    await page.goto(`/queue/cases/${handover.caseId}`);
    await page.getByRole('button', { name: 'Claim this case' }).click();
    await expect(page.getByTestId('case-assignee')).toHaveText(/You hold this case/);
    await page.getByRole('button', { name: 'Reassign…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reassign to a colleague' });
    await dialog.getByLabel('Colleague').selectOption({ label: 'Priya Nair' });
    await dialog.getByLabel('Reason').fill('Priya covers this area this week.');
    await dialog.getByRole('button', { name: 'Reassign' }).click();
    await expect(page.getByTestId('case-assignee')).toHaveText(/Held by Priya Nair/);
    await expect(page.getByTestId('case-history')).toContainText('reason: Priya covers this area this week.');
    await waitForMail(request, DEMO.clinician2, /A case was handed to you/, since);
  });

  test('a breached SLA is alerted to the lead by the background job (once-only is proven in the integration test)', async ({ request }) => {
    test.setTimeout(150_000);
    const since = Date.now();
    const { caseId } = await makePoolCase(request, { patientName: 'Late Case', slaDueInMinutes: -2 });
    // The job runs every minute inside the server (pg-boss on the app's database).
    let alerts: { text: string }[] = [];
    await expect
      .poll(
        async () => {
          alerts = (await readOutbox(request, DEMO.lead)).filter((m) => /SLA breached/.test(m.subject) && Date.parse(m.createdAt) >= since - 1000 && m.text.includes(caseId));
          return alerts.length;
        },
        { timeout: 130_000, intervals: [2_000] },
      )
      .toBe(1);
  });

  test('the queue refreshes itself when a case arrives, without a reload', async ({ page, request }) => {
    await signInAs(page, 'clinician2');
    await page.goto('/queue?assignee=none&status=open&urgency=emergency');
    const name = `Arrival ${Date.now().toString(36)}`;
    await makePoolCase(request, { patientName: name, redFlags: ['saddle_numbness'] });
    await expect(page.locator('table').getByRole('link', { name: new RegExp(name) })).toBeVisible({ timeout: 25_000 });
  });

  test('a patient gets 404 or the access-denied page on every clinician page and API', async ({ page, request }) => {
    const { caseId } = await makePoolCase(request, { patientName: 'Not Yours' });
    await signInAs(page, 'patient2');
    for (const path of ['/queue', '/queue?assignee=none', '/admin', '/admin/audit', '/admin/templates', '/admin/slas', '/admin/workload']) {
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/access-denied$/);
    }
    // A case address is "not found" to anyone who may not read it (CONTRACTS §4c), with no offer to open it.
    expect((await page.goto(`/queue/cases/${caseId}`))?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Open the case' })).toHaveCount(0);
    const r = page.request;
    expect((await r.get('/api/queue')).status()).toBe(404);
    for (const action of ['claim', 'release', 'reassign', 'decision']) {
      expect((await r.post(`/api/intakes/${caseId}/${action}`, { data: {}, headers: SAME_ORIGIN })).status(), action).toBe(404);
    }
    expect((await r.get(`/api/intakes/${caseId}/messages`)).status()).toBe(404);
    expect((await r.post(`/api/intakes/${caseId}/messages`, { data: { body: 'hello' }, headers: SAME_ORIGIN })).status()).toBe(404);
    expect((await r.get('/api/admin/audit/export')).status()).toBe(404);
    // Anonymous: 401.
    expect((await request.get('/api/queue')).status()).toBe(401);
  });

  for (const width of [1280, 360]) {
    test(`queue and case view are axe-clean and fit ${width}px`, async ({ page, request }) => {
      const { caseId } = await makePoolCase(request, {
        patientName: 'Axe Check',
        mriReport: 'Disc desiccation at L4-L5. No nerve root compression. Modic type 1 changes at L5.',
        redFlags: ['night_pain'],
        slaDueInMinutes: -5,
      });
      await page.setViewportSize({ width, height: 900 });
      await signInAs(page, 'lead');
      for (const path of ['/queue', '/queue?assignee=none&status=any', `/queue/cases/${caseId}`]) {
        await page.goto(path);
        await expectNoA11yViolations(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
      }
      // Breached cases stand out.
      await page.goto('/queue?assignee=none&status=open&urgency=urgent');
      await expect(page.getByTestId('sla-breached').filter({ visible: true }).first()).toContainText('overdue');
    });
  }
});
