/**
 * Issue 11 acceptance: the access matrix. Every page.tsx, route.ts (and build-gated route.e2e.ts factory) and server action found ON DISK (app/, and server
 * action files under components/) × every principal, each with the outcome it must get. A route or action added
 * without an entry here fails the first test; an entry whose file is gone fails it too. Then patient A's requests,
 * recorded as the browser made them (API calls and server actions with their action ids), are replayed with patient
 * B's cookie: every one answers 404 / "not found".
 *
 * Outcomes: an HTTP status ('200', '404', …), a redirect as '→/path', and for server actions the result the caller
 * sees: 'ok', 'refused' (validation or a rule said no), 'notfound' (the resource is not theirs), or a redirect.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { expect, expectNoA11yViolations, test, type Page } from './fixtures';

const PRINCIPALS = ['anonymous', 'patientA', 'patientB', 'clinicianInScope', 'clinicianOutOfScope', 'inactiveClinician', 'adminOnly', 'lead'] as const;
type Principal = (typeof PRINCIPALS)[number];
type Outcome = string;
type Expect = Record<Principal, Outcome>;

interface World {
  cookieName: string;
  cookies: Record<Exclude<Principal, 'anonymous'>, string>;
  userIds: Record<Exclude<Principal, 'anonymous'>, string>;
  names: { outOfScope: string; patientA: string };
  caseA: string;
  caseB: string;
  bookingA: string;
  clinicianInScopeId: string;
}

// ---- expectation helpers -------------------------------------------------------------------------------------------
function by(base: Outcome, over: Partial<Expect> = {}): Expect {
  return Object.fromEntries(PRINCIPALS.map((p) => [p, over[p] ?? base])) as Expect;
}
const PATIENTS = { patientA: true, patientB: true } as const;
const CLINICIANS = { clinicianInScope: true, clinicianOutOfScope: true, lead: true } as const;
const ADMINS = { adminOnly: true, lead: true } as const;
/** Pages behind requireRole: the role holders get `ok`, anonymous is sent to sign-in, the rest to access-denied. */
function rolePage(holders: Partial<Record<Principal, true>>, ok: Outcome = '200', over: Partial<Expect> = {}): Expect {
  return Object.fromEntries(PRINCIPALS.map((p) => [p, over[p] ?? (p === 'anonymous' ? '→/signin' : holders[p] ? ok : '→/access-denied')])) as Expect;
}
/** Route handlers behind apiGuard: 401 anonymous, 404 without the role, `ok` for holders (override per principal). */
function roleApi(holders: Partial<Record<Principal, true>>, ok: Outcome, over: Partial<Expect> = {}): Expect {
  return Object.fromEntries(PRINCIPALS.map((p) => [p, over[p] ?? (p === 'anonymous' ? '401' : holders[p] ? ok : '404')])) as Expect;
}
/** Server actions behind requireRole. */
function roleAction(holders: Partial<Record<Principal, true>>, ok: Outcome, over: Partial<Expect> = {}): Expect {
  return Object.fromEntries(PRINCIPALS.map((p) => [p, over[p] ?? (p === 'anonymous' ? '→/signin' : holders[p] ? ok : '→/access-denied')])) as Expect;
}

// ---- the matrix ----------------------------------------------------------------------------------------------------
interface HttpCase {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: (w: World) => string;
  body?: (w: World) => unknown;
  expect: Expect;
}
interface ActionCase {
  args: (w: World) => unknown[];
  /** FormData actions (useActionState): the form fields; sent multipart as React encodes them. */
  form?: Record<string, string>;
  expect: Expect;
  /** Runs after everything else (it ends the session it is called with). */
  last?: boolean;
}
type Entry = { http: HttpCase[] } | { actions: Record<string, ActionCase> };

const uuid0 = '00000000-0000-4000-8000-000000000000';
const page = (url: (w: World) => string, expectation: Expect): Entry => ({ http: [{ method: 'GET', url, expect: expectation }] });
const pagePath = (p: string, expectation: Expect) => page(() => p, expectation);

const MATRIX: Record<string, Entry> = {
  // Public pages.
  'app/(public)/page.tsx': pagePath('/', by('200')),
  'app/(public)/access-denied/page.tsx': pagePath('/access-denied', by('200')),
  'app/(public)/signin/check-email/page.tsx': pagePath('/signin/check-email?email=a%40b.test', by('200')),
  'app/(public)/signin/error/page.tsx': pagePath('/signin/error', by('200')),
  'app/(public)/signin/page.tsx': pagePath(
    '/signin',
    by('→/cases', { anonymous: '200', clinicianInScope: '→/queue', clinicianOutOfScope: '→/queue', lead: '→/queue', adminOnly: '→/admin' }),
  ),
  // The demo mailbox and outbox exist in demo mode (outbox transport); who may use them is the S1 helper's finding 1.
  'app/(public)/dev/mailbox/page.tsx': pagePath('/dev/mailbox', by('200')),
  'app/(public)/demo-checkout/[sessionId]/page.tsx': page(() => `/demo-checkout/cs_demo_${uuid0}`, by('404', { anonymous: '→/signin' })),
  'app/home/page.tsx': pagePath('/home', by('→/cases', { anonymous: '→/signin', clinicianInScope: '→/queue', clinicianOutOfScope: '→/queue', lead: '→/queue', adminOnly: '→/admin' })),

  // Patient pages: their own only; someone else's case or booking is 404.
  'app/(patient)/intake/page.tsx': pagePath('/intake', rolePage(PATIENTS)),
  'app/(patient)/cases/page.tsx': pagePath('/cases', rolePage(PATIENTS)),
  'app/(patient)/cases/[id]/page.tsx': page((w) => `/cases/${w.caseA}`, rolePage(PATIENTS, '200', { patientB: '404' })),
  'app/(patient)/cases/[id]/edit/page.tsx': page((w) => `/cases/${w.caseA}/edit`, rolePage(PATIENTS, '200', { patientB: '404' })),
  // A check-in form is its patient's only: for anyone signed in, an id that is not theirs (here none) is a 404.
  'app/(patient)/cases/[id]/check-ins/[checkInId]/page.tsx': page((w) => `/cases/${w.caseA}/check-ins/${uuid0}`, by('404', { anonymous: '→/signin' })),
  'app/(patient)/book/page.tsx': pagePath('/book', rolePage(PATIENTS)),
  'app/(patient)/bookings/page.tsx': pagePath('/bookings', rolePage(PATIENTS)),
  'app/(patient)/bookings/[id]/page.tsx': page((w) => `/bookings/${w.bookingA}`, by('404', { anonymous: '→/signin', patientA: '200', clinicianInScope: '200' })),
  'app/consult/[id]/page.tsx': page((w) => `/consult/${w.bookingA}`, by('404', { anonymous: '→/signin', patientA: '200', clinicianInScope: '200' })),

  // Clinician pages. The case view is 404 for everyone but a clinician who may read the case (CONTRACTS §4c).
  'app/(clinician)/queue/page.tsx': pagePath('/queue', rolePage(CLINICIANS)),
  'app/(clinician)/queue/[id]/page.tsx': page((w) => `/queue/${w.caseA}`, by('→/queue/cases', { anonymous: '→/signin' })),
  'app/(clinician)/queue/cases/[id]/page.tsx': page((w) => `/queue/cases/${w.caseA}`, by('404', { anonymous: '→/signin', clinicianInScope: '200', lead: '200' })),
  'app/(clinician)/schedule/page.tsx': pagePath('/schedule', rolePage(CLINICIANS)),
  'app/(clinician)/schedule/[id]/notes/page.tsx': page((w) => `/schedule/${w.bookingA}/notes`, by('404', { anonymous: '→/signin', clinicianInScope: '200' })),
  'app/(clinician)/availability/page.tsx': pagePath('/availability', rolePage(CLINICIANS)),

  // Admin pages: workload and audit for an admin without the clinician role, never clinical content.
  'app/(admin)/admin/page.tsx': pagePath('/admin', rolePage(ADMINS)),
  'app/(admin)/admin/audit/page.tsx': pagePath('/admin/audit', rolePage(ADMINS)),
  'app/(admin)/admin/access/page.tsx': pagePath('/admin/access', rolePage(ADMINS)),
  'app/(admin)/admin/consult-types/page.tsx': pagePath('/admin/consult-types', rolePage(ADMINS)),
  'app/(admin)/admin/slas/page.tsx': pagePath('/admin/slas', rolePage(ADMINS)),
  'app/(admin)/admin/templates/page.tsx': pagePath('/admin/templates', rolePage(ADMINS)),
  'app/(admin)/admin/workload/page.tsx': pagePath('/admin/workload', rolePage(ADMINS)),

  // Public API.
  'app/api/health/route.ts': { http: [{ method: 'GET', url: () => '/api/health', expect: by('200') }] },
  'app/api/clinicians/route.ts': { http: [{ method: 'GET', url: () => '/api/clinicians', expect: by('200') }] },
  'app/api/consult-types/route.ts': { http: [{ method: 'GET', url: () => '/api/consult-types', expect: by('200') }] },
  'app/api/clinicians/[id]/slots/route.ts': { http: [{ method: 'GET', url: (w) => `/api/clinicians/${w.clinicianInScopeId}/slots`, expect: by('400') }] },
  'app/api/dev/outbox/route.ts': { http: [{ method: 'GET', url: () => '/api/dev/outbox?to=nobody%40example.test', expect: by('200') }] },
  'app/api/auth/[...nextauth]/route.ts': { http: [{ method: 'GET', url: () => '/api/auth/csrf', expect: by('200') }] },
  // Signed by Stripe or nothing: an unsigned event is refused for everyone.
  'app/api/stripe/webhook/route.ts': { http: [{ method: 'POST', url: () => '/api/stripe/webhook', body: () => ({ id: 'evt_x' }), expect: by('400') }] },
  'app/api/me/route.ts': { http: [{ method: 'GET', url: () => '/api/me', expect: by('200', { anonymous: '401' }) }] },

  // Intakes: their patient, or a clinician whose scope holds the case; everyone else 404.
  'app/api/intakes/route.ts': { http: [{ method: 'POST', url: () => '/api/intakes', body: () => ({}), expect: roleApi(PATIENTS, '400') }] },
  'app/api/intakes/[id]/route.ts': {
    http: [
      { method: 'GET', url: (w) => `/api/intakes/${w.caseA}`, expect: roleApi({ patientA: true, clinicianInScope: true, lead: true }, '200') },
      { method: 'PUT', url: (w) => `/api/intakes/${w.caseA}`, body: () => ({}), expect: roleApi(PATIENTS, '400') },
    ],
  },
  'app/api/intakes/[id]/fhir/route.ts': { http: [{ method: 'GET', url: (w) => `/api/intakes/${w.caseA}/fhir`, expect: roleApi({ patientA: true, clinicianInScope: true, lead: true }, '200') }] },
  'app/api/intakes/[id]/messages/route.ts': {
    http: [
      { method: 'GET', url: (w) => `/api/intakes/${w.caseA}/messages`, expect: roleApi({ patientA: true, clinicianInScope: true, lead: true }, '200') },
      {
        method: 'POST',
        url: (w) => `/api/intakes/${w.caseA}/messages`,
        body: () => ({ body: 'Matrix: a message to the thread.' }),
        expect: roleApi({ patientA: true, clinicianInScope: true, lead: true }, '201'),
      },
    ],
  },
  // Case actions: a clinician outside the case's scope gets 404 like everyone else.
  // A claim takes only pool cases, which every clinician reads; the loser of a race hears 409 with the winner
  // (CONTRACTS §4b), so a held case answers 409 to every clinician, naming no content.
  'app/api/intakes/[id]/claim/route.ts': { http: [{ method: 'POST', url: (w) => `/api/intakes/${w.caseA}/claim`, expect: roleApi(CLINICIANS, '409') }] },
  'app/api/intakes/[id]/release/route.ts': { http: [{ method: 'POST', url: (w) => `/api/intakes/${w.caseB}/release`, expect: roleApi(CLINICIANS, '409') }] },
  'app/api/intakes/[id]/reassign/route.ts': { http: [{ method: 'POST', url: (w) => `/api/intakes/${w.caseA}/reassign`, body: () => ({}), expect: roleApi(CLINICIANS, '400') }] },
  'app/api/intakes/[id]/decision/route.ts': { http: [{ method: 'POST', url: (w) => `/api/intakes/${w.caseA}/decision`, body: () => ({}), expect: roleApi(CLINICIANS, '400') }] },
  'app/api/cases/[id]/access/route.ts': {
    http: [
      { method: 'POST', url: (w) => `/api/cases/${w.caseA}/access`, body: () => ({ reason: 'short' }), expect: roleApi(CLINICIANS, '400') },
      { method: 'POST', url: () => `/api/cases/${uuid0}/access`, body: () => ({ reason: 'Looking for a case that is not there.' }), expect: roleApi(CLINICIANS, '404') },
    ],
  },
  // Outcomes (CONTRACTS §6): the case's patient and the clinicians who may read it; a check-in only its patient.
  'app/api/cases/[id]/outcomes/route.ts': { http: [{ method: 'GET', url: (w) => `/api/cases/${w.caseA}/outcomes`, expect: roleApi({ patientA: true, clinicianInScope: true, lead: true }, '200') }] },
  'app/api/cases/[id]/outcomes/fhir/route.ts': { http: [{ method: 'GET', url: (w) => `/api/cases/${w.caseA}/outcomes/fhir`, expect: roleApi({ patientA: true, clinicianInScope: true, lead: true }, '200') }] },
  'app/api/check-ins/[id]/route.ts': { http: [{ method: 'POST', url: () => `/api/check-ins/${uuid0}`, body: () => ({}), expect: roleApi(PATIENTS, '400') }] },
  'app/api/check-ins/[id]/draft/route.ts': { http: [{ method: 'PUT', url: () => `/api/check-ins/${uuid0}/draft`, body: () => ({}), expect: roleApi(PATIENTS, '404') }] },
  'app/api/queue/route.ts': { http: [{ method: 'GET', url: () => '/api/queue', expect: roleApi(CLINICIANS, '200') }] },
  'app/api/intake-draft/route.ts': {
    http: [
      // Nobody has a draft here: each patient only ever reaches their own (none → 404).
      { method: 'GET', url: () => '/api/intake-draft', expect: roleApi(PATIENTS, '404') },
      { method: 'PUT', url: () => '/api/intake-draft', body: () => 'not an object', expect: roleApi(PATIENTS, '400') },
      { method: 'DELETE', url: () => '/api/intake-draft', expect: roleApi(PATIENTS, '204') },
    ],
  },
  // Uploaded MRI reports (CONTRACTS §7): a multipart upload, so a JSON body is refused (415) before any session is read;
  // a file nobody uploaded is 404 to every signed-in user (the uploader and their case's team are in the integration test).
  'app/api/intake-files/route.ts': { http: [{ method: 'POST', url: () => '/api/intake-files', body: () => ({}), expect: by('415') }] },
  'app/api/intake-files/[id]/route.ts': { http: [{ method: 'GET', url: () => `/api/intake-files/${uuid0}`, expect: by('404', { anonymous: '401' }) }] },
  'app/api/intake-files/[id]/original/route.ts': { http: [{ method: 'GET', url: () => `/api/intake-files/${uuid0}/original`, expect: by('404', { anonymous: '401' }) }] },
  'app/api/intake-files/[id]/thumbnail/route.ts': { http: [{ method: 'GET', url: () => `/api/intake-files/${uuid0}/thumbnail`, expect: by('404', { anonymous: '401' }) }] },
  // An emergency report reads the caller's own draft only: no draft here, so nothing to report (400) for a patient.
  'app/api/intake-draft/emergency/route.ts': { http: [{ method: 'POST', url: () => '/api/intake-draft/emergency', body: () => ({}), expect: roleApi(PATIENTS, '400') }] },

  // Bookings: the patient and the clinician of the booking; anyone else 404.
  'app/api/bookings/route.ts': {
    http: [
      { method: 'GET', url: () => '/api/bookings', expect: roleApi(PATIENTS, '200') },
      { method: 'POST', url: () => '/api/bookings', body: () => ({}), expect: roleApi(PATIENTS, '400') },
    ],
  },
  'app/api/bookings/[id]/route.ts': { http: [{ method: 'GET', url: (w) => `/api/bookings/${w.bookingA}`, expect: roleApi({ patientA: true, clinicianInScope: true }, '200') }] },
  'app/api/bookings/[id]/ics/route.ts': { http: [{ method: 'GET', url: (w) => `/api/bookings/${w.bookingA}/ics`, expect: roleApi({ patientA: true, clinicianInScope: true }, '200') }] },
  'app/api/bookings/[id]/cancel/route.ts': { http: [{ method: 'POST', url: () => `/api/bookings/${uuid0}/cancel`, body: () => ({}), expect: roleApi({ ...PATIENTS, ...CLINICIANS }, '404') }] },
  // The body is validated before the booking is looked up (a 400 says nothing about the booking); with a valid
  // body the ownership check answers 404 to anyone but its patient and clinician (replay test below).
  'app/api/bookings/[id]/reschedule/route.ts': { http: [{ method: 'POST', url: (w) => `/api/bookings/${w.bookingA}/reschedule`, body: () => ({}), expect: roleApi({ ...PATIENTS, ...CLINICIANS }, '400') }] },
  'app/api/consult/[id]/signal/route.ts': {
    // The room opens shortly before the start (the booking is tomorrow): its two participants hear 409, others 404.
    http: [{ method: 'GET', url: (w) => `/api/consult/${w.bookingA}/signal`, expect: roleApi({ patientA: true, clinicianInScope: true }, '409') }],
  },
  'app/api/admin/audit/route.ts': { http: [{ method: 'GET', url: () => '/api/admin/audit', expect: roleApi(ADMINS, '200') }] },
  'app/api/admin/audit/export/route.ts': { http: [{ method: 'GET', url: () => '/api/admin/audit/export', expect: roleApi(ADMINS, '200') }] },

  // Test factories (only in builds made for e2e): everyone may call them there; absent elsewhere (issue 11 finding 14).
  'app/api/test/access-principals/route.e2e.ts': { http: [] },
  'app/api/test/booking-clinician/route.e2e.ts': { http: [] },
  'app/api/test/check-in/route.e2e.ts': { http: [] },
  'app/api/test/outcomes-tick/route.e2e.ts': { http: [] },
  'app/api/test/patient-session/route.e2e.ts': { http: [] },
  'app/api/test/queue-case/route.e2e.ts': { http: [] },
  'app/api/test/video-booking/route.e2e.ts': { http: [] },

  // Server actions.
  'app/(admin)/admin/actions.ts': {
    actions: {
      inviteClinicianAction: { args: () => [{}], expect: roleAction(ADMINS, 'refused') },
      updateClinicianAction: { args: () => [{}], expect: roleAction(ADMINS, 'refused') },
      removeRoleAction: { args: () => [{}], expect: roleAction(ADMINS, 'refused') },
      saveTemplateAction: { args: () => [{}], expect: roleAction(ADMINS, 'refused') },
      savePlanTemplateAction: { args: () => [{}], expect: roleAction(ADMINS, 'refused') },
      saveSlasAction: { args: () => [{}], expect: roleAction(ADMINS, 'refused') },
    },
  },
  'app/(admin)/admin/consult-types/actions.ts': { actions: { saveConsultType: { args: () => [null, null], form: {}, expect: roleAction(ADMINS, 'refused') } } },
  'app/(clinician)/availability/actions.ts': {
    actions: {
      saveWeeklyHours: { args: () => [null], form: { 'mon-start': 'x' }, expect: roleAction(CLINICIANS, 'refused') },
      saveDateOverride: { args: () => [null], form: {}, expect: roleAction(CLINICIANS, 'refused') },
      removeDateOverride: { args: () => ['not-a-date'], expect: roleAction(CLINICIANS, 'void') },
      saveTimeOff: { args: () => [null], form: {}, expect: roleAction(CLINICIANS, 'refused') },
      removeTimeOff: { args: () => [uuid0], expect: roleAction(CLINICIANS, 'void') },
    },
  },
  'app/(clinician)/queue/cases/[id]/actions.ts': {
    actions: {
      // Held by the in-scope clinician: a claim is refused for every clinician (see the claim route above).
      claimCaseAction: { args: (w) => [w.caseA], expect: roleAction(CLINICIANS, 'refused') },
      releaseCaseAction: { args: (w) => [w.caseB], expect: roleAction(CLINICIANS, 'refused') },
      reassignCaseAction: { args: (w) => [w.caseA, {}], expect: roleAction(CLINICIANS, 'refused') },
      decideCaseAction: { args: (w) => [w.caseA, {}], expect: roleAction(CLINICIANS, 'refused') },
      closeCaseAction: { args: (w) => [w.caseB], expect: roleAction(CLINICIANS, 'refused') },
      setPlanAction: { args: (w) => [w.caseA, {}], expect: roleAction(CLINICIANS, 'refused') },
    },
  },
  'app/(clinician)/schedule/[id]/notes/actions.ts': {
    actions: {
      completeConsultAction: { args: (w) => [w.bookingA, {}], expect: roleAction(CLINICIANS, 'refused') },
      correctConsultNotesAction: { args: (w) => [w.bookingA, {}], expect: roleAction(CLINICIANS, 'refused') },
    },
  },
  'app/(public)/demo-checkout/[sessionId]/actions.ts': {
    actions: {
      payDemoCheckout: { args: () => [`cs_demo_${uuid0}`, null], expect: by('notfound', { anonymous: '→/signin' }) },
      abandonDemoCheckout: { args: () => [`cs_demo_${uuid0}`, null], expect: by('notfound', { anonymous: '→/signin' }) },
    },
  },
  'app/(public)/signin/actions.ts': { actions: { requestMagicLink: { args: () => [null], form: { email: 'not-an-email' }, expect: by('refused') } } },
  'app/actions/post-case-message.ts': {
    actions: {
      postCaseMessageAction: {
        args: (w) => [w.caseA, { body: 'Matrix: a message by server action.', internal: false }],
        expect: by('notfound', { anonymous: '→/signin', patientA: 'ok', clinicianInScope: 'ok', lead: 'ok' }),
      },
    },
  },
  'app/actions/sign-out.ts': {
    actions: {
      signOutAction: { args: () => [], expect: by('→/signin'), last: true },
      signOutForInactivity: { args: () => [], expect: by('→/signin'), last: true },
    },
  },
};

// ---- the routes on disk --------------------------------------------------------------------------------------------
function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p) : [p];
  });
}
function routeFilesOnDisk(): string[] {
  const pagesAndRoutes = walk('app').filter((f) => /(^|\/)(page\.tsx|route(\.e2e)?\.ts)$/.test(f));
  const actionFiles = [...walk('app'), ...walk('components')].filter((f) => /\.tsx?$/.test(f) && /^\s*['"]use server['"]/.test(fs.readFileSync(f, 'utf8')));
  return [...new Set([...pagesAndRoutes, ...actionFiles])].map((f) => f.split(path.sep).join('/')).sort();
}
function exportedActions(file: string): string[] {
  return [...fs.readFileSync(file, 'utf8').matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => m[1]).sort();
}

// ---- server action ids from the build ------------------------------------------------------------------------------
interface ManifestEntry {
  workers: Record<string, unknown>;
  filename?: string;
  exportedName?: string;
}
function actionIndex(): Map<string, { id: string; worker: string }> {
  const dist = process.env.NEXT_DIST_DIR || '.next';
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'server', 'server-reference-manifest.json'), 'utf8')) as { node: Record<string, ManifestEntry> };
  const out = new Map<string, { id: string; worker: string }>();
  for (const [id, e] of Object.entries(manifest.node)) {
    if (!e.filename || !e.exportedName) continue;
    // A public page when the action is on one (the proxy sends cookie-less visitors of the others to sign-in first).
    const pages = Object.keys(e.workers).filter((k) => k.startsWith('app/') && k.endsWith('/page'));
    const worker = pages.find((k) => k === 'app/(public)/page') ?? pages[0] ?? Object.keys(e.workers)[0];
    out.set(`${e.filename.replace(/^\.\//, '')}#${e.exportedName}`, { id, worker });
  }
  return out;
}
/** 'app/(clinician)/queue/cases/[id]/page' → '/queue/cases/<caseA>' */
function urlOfWorker(worker: string, w: World): string {
  const values: Record<string, string> = { id: w.caseA, sessionId: `cs_demo_${uuid0}` };
  if (/bookings|schedule|consult/.test(worker)) values.id = w.bookingA;
  const p = worker
    .replace(/^app/, '')
    .replace(/\/page$/, '')
    .split('/')
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .map((s) => s.replace(/^\[(\w+)\]$/, (_m, k: string) => values[k] ?? k))
    .join('/');
  return `/${p}`;
}

// ---- requests and classification ----------------------------------------------------------------------------------
function cookieHeader(w: World, p: Principal): Record<string, string> {
  return p === 'anonymous' ? {} : { cookie: `${w.cookieName}=${w.cookies[p]}` };
}
function redirectTarget(res: APIResponse): string | null {
  const loc = res.headers()['location'] ?? res.headers()['x-action-redirect']?.split(';')[0];
  if (!loc) return null;
  const pathname = new URL(loc, 'http://x').pathname;
  return `→${pathname.replace(/^\/queue\/cases\/.*/, '/queue/cases')}`;
}
function classifyHttp(res: APIResponse): Outcome {
  if (res.status() >= 300 && res.status() < 400) return redirectTarget(res) ?? String(res.status());
  return String(res.status());
}
/** The action's return value from its RSC reply: row 0 is {"a": <value or "$@row">, "f": <refreshed page tree>, …}. */
function actionResult(text: string): unknown {
  const rows = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = line.match(/^([0-9a-f]+):(.*)$/);
    if (m) rows.set(m[1], m[2]);
  }
  const parse = (raw: string | undefined): unknown => {
    if (raw === undefined) return undefined;
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  };
  const root = parse(rows.get('0')) as { a?: unknown } | undefined;
  const a = root && typeof root === 'object' ? root.a : undefined;
  return typeof a === 'string' && a.startsWith('$@') ? parse(rows.get(a.slice(2))) : a;
}
async function classifyAction(res: APIResponse): Promise<Outcome> {
  const redirect = redirectTarget(res);
  if (redirect) return redirect;
  if (res.status() !== 200) return String(res.status());
  const result = actionResult(await res.text());
  if (result === undefined || result === null || result === '$undefined') return 'void';
  const json = JSON.stringify(result);
  if (/"ok":true/.test(json)) return 'ok';
  if (/not found|not yours|no longer exists/i.test(json)) return 'notfound';
  return 'refused';
}

async function sendHttp(request: APIRequestContext, baseURL: string, w: World, p: Principal, c: HttpCase): Promise<APIResponse> {
  const headers: Record<string, string> = { ...cookieHeader(w, p) };
  if (c.method !== 'GET') Object.assign(headers, { origin: baseURL, 'content-type': 'application/json' });
  return request.fetch(c.url(w), { method: c.method, headers, data: c.body ? JSON.stringify(c.body(w)) : undefined, maxRedirects: 0 });
}

/** A server action call as React makes it: JSON args (or multipart with the FormData as `$K1`), Next-Action header. */
async function sendAction(request: APIRequestContext, baseURL: string, w: World, p: Principal, id: string, url: string, a: ActionCase): Promise<APIResponse> {
  const headers: Record<string, string> = { ...cookieHeader(w, p), 'next-action': id, accept: 'text/x-component', origin: baseURL };
  const args = a.args(w);
  if (a.form) {
    const multipart: Record<string, string> = { '0': JSON.stringify([...args, '$K1']) };
    for (const [k, v] of Object.entries(a.form)) multipart[`1_${k}`] = v;
    return request.post(url, { headers, multipart, maxRedirects: 0 });
  }
  return request.post(url, { headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8' }, data: JSON.stringify(args), maxRedirects: 0 });
}

async function makeWorld(request: APIRequestContext, baseURL: string): Promise<World> {
  const res = await request.post('/api/test/access-principals', { headers: { origin: baseURL, 'content-type': 'application/json' }, data: '{}' });
  expect(res.status()).toBe(201);
  return (await res.json()) as World;
}

test.describe('access matrix (issue 11 acceptance)', () => {
  test('every page, route handler and server action on disk has an entry, and no entry is stale', () => {
    const files = routeFilesOnDisk();
    const missing = files.filter((f) => !MATRIX[f]);
    const stale = Object.keys(MATRIX).filter((f) => !files.includes(f));
    expect(missing, 'routes without an entry in e2e/access-matrix.spec.ts').toEqual([]);
    expect(stale, 'entries whose file is gone').toEqual([]);
    const actionGaps: string[] = [];
    for (const [file, entry] of Object.entries(MATRIX)) {
      if (!('actions' in entry)) {
        if (/actions?\.ts$|sign-out\.ts$/.test(file)) actionGaps.push(`${file}: a server action file needs per-action entries`);
        continue;
      }
      const onDisk = exportedActions(file);
      const listed = Object.keys(entry.actions).sort();
      if (JSON.stringify(onDisk) !== JSON.stringify(listed)) actionGaps.push(`${file}: exported ${onDisk.join(', ')}; listed ${listed.join(', ')}`);
    }
    expect(actionGaps).toEqual([]);
  });

  test('each principal gets the expected outcome on every route and server action', async ({ request, baseURL }) => {
    test.setTimeout(240_000);
    const w = await makeWorld(request, baseURL!);
    const ids = actionIndex();
    const wrong: string[] = [];
    const late: (() => Promise<void>)[] = [];
    for (const [file, entry] of Object.entries(MATRIX)) {
      if ('http' in entry) {
        for (const c of entry.http) {
          for (const p of PRINCIPALS) {
            const got = classifyHttp(await sendHttp(request, baseURL!, w, p, c));
            if (got !== c.expect[p]) wrong.push(`${c.method} ${c.url(w)} as ${p}: expected ${c.expect[p]}, got ${got}`);
          }
        }
        continue;
      }
      for (const [name, a] of Object.entries(entry.actions)) {
        const ref = ids.get(`${file}#${name}`);
        if (!ref) {
          wrong.push(`${file}#${name}: no action id in the build's server-reference-manifest`);
          continue;
        }
        const run = async () => {
          for (const p of PRINCIPALS) {
            const got = await classifyAction(await sendAction(request, baseURL!, w, p, ref.id, urlOfWorker(ref.worker, w), a));
            if (got !== a.expect[p]) wrong.push(`action ${file}#${name} as ${p}: expected ${a.expect[p]}, got ${got}`);
          }
        };
        if (a.last) late.push(run);
        else await run();
      }
    }
    for (const run of late) await run();
    expect(wrong).toEqual([]);
  });

  test("patient A's recorded requests replayed with patient B's cookie all answer 404 / not found", async ({ browser, baseURL }) => {
    const api = await browser.newContext();
    const w = await makeWorld(api.request, baseURL!);
    const host = new URL(baseURL!).hostname;
    const contextA = await browser.newContext();
    await contextA.addCookies([{ name: w.cookieName, value: w.cookies.patientA, domain: host, path: '/', httpOnly: true, sameSite: 'Lax' }]);
    const pageA = await contextA.newPage();
    const recorded: { method: string; url: string; headers: Record<string, string>; body: Buffer | null; kind: 'api' | 'action' | 'page' }[] = [];
    // allHeaders(), not headers(): a replay carries the Origin and Sec-Fetch-Site the browser sent (the requests are
    // same-origin, so the cross-site guard lets them through and the replay reaches the ownership checks).
    const recording: Promise<void>[] = [];
    pageA.on('request', (r) => {
      const u = new URL(r.url());
      if (u.origin !== new URL(baseURL!).origin || u.pathname.startsWith('/_next/')) return;
      recording.push(
        r.allHeaders().then((headers) => {
          const kind = headers['next-action'] ? 'action' : u.pathname.startsWith('/api/') ? 'api' : r.isNavigationRequest() ? 'page' : null;
          if (!kind || u.pathname.startsWith('/api/auth/')) return;
          recorded.push({ method: r.method(), url: u.pathname + u.search, headers, body: r.postDataBuffer(), kind });
        }),
      );
    });

    // What patient A does: open the case, read it by API as the app's pages do, post in the thread, open the booking.
    await pageA.goto(`/cases/${w.caseA}`);
    await pageA.evaluate(async (id) => {
      for (const p of [`/api/intakes/${id}`, `/api/intakes/${id}/fhir`, `/api/intakes/${id}/messages`]) await fetch(p);
      await fetch(`/api/intakes/${id}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body: 'Replay: is squatting OK?' }) });
    }, w.caseA);
    await pageA.getByLabel('Write to your rehab team').fill('Replay: a message through the page.');
    await pageA.getByRole('button', { name: 'Send message' }).click();
    await expect(pageA.getByText('Replay: a message through the page.')).toBeVisible();
    await pageA.goto(`/bookings/${w.bookingA}`);
    await pageA.evaluate(async (id) => {
      for (const p of [`/api/bookings/${id}`, `/api/bookings/${id}/ics`, `/api/consult/${id}/signal`]) await fetch(p);
    }, w.bookingA);
    await Promise.all(recording);
    await contextA.close();

    const kinds = new Set(recorded.map((r) => r.kind));
    expect([...kinds].sort(), 'recorded pages, API calls and server actions').toEqual(['action', 'api', 'page']);
    const leaks: string[] = [];
    for (const r of recorded) {
      const headers: Record<string, string> = { ...r.headers, cookie: `${w.cookieName}=${w.cookies.patientB}` };
      delete headers['content-length'];
      const res = await api.request.fetch(r.url, { method: r.method, headers, data: r.body ?? undefined, maxRedirects: 0 });
      const outcome = r.kind === 'action' ? await classifyAction(res) : classifyHttp(res);
      const ok = r.kind === 'action' ? outcome === 'notfound' : outcome === '404';
      if (!ok) leaks.push(`${r.kind} ${r.method} ${r.url}${r.headers['next-action'] ? ` (action ${r.headers['next-action']})` : ''}: ${outcome}`);
      const text = await res.text().catch(() => '');
      if (/Replay:|Knee pain after squats|Small joint effusion/.test(text)) leaks.push(`${r.method} ${r.url} shows patient A's content`);
    }
    expect(recorded.length).toBeGreaterThan(8);
    expect(leaks).toEqual([]);
    await api.close();
  });

  const SHOTS = '/tmp/s4-access-shots';
  async function shoot(p: Page, name: string) {
    for (const width of [1280, 360]) {
      await p.setViewportSize({ width, height: 900 });
      await expectNoA11yViolations(p);
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
      await p.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    }
  }
  async function as(browser: import('@playwright/test').Browser, w: World, who: Exclude<Principal, 'anonymous'>, baseURL: string) {
    const ctx = await browser.newContext();
    await ctx.addCookies([{ name: w.cookieName, value: w.cookies[who], domain: new URL(baseURL).hostname, path: '/', httpOnly: true, sameSite: 'Lax' }]);
    return ctx;
  }

  test('issue 10 item 8: out of scope the case view is a 404 offering "open with a reason"; the opening is time-limited, audited and listed to the lead', async ({ browser, request, baseURL }) => {
    test.setTimeout(120_000);
    const w = await makeWorld(request, baseURL!);
    // An admin without the clinician role gets the same 404, with no offer.
    const admin = await (await as(browser, w, 'adminOnly', baseURL!)).newPage();
    expect((await admin.goto(`/queue/cases/${w.caseA}`))?.status()).toBe(404);
    await expect(admin.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(admin.getByRole('button', { name: 'Open the case' })).toHaveCount(0);

    const page = await (await as(browser, w, 'clinicianOutOfScope', baseURL!)).newPage();
    expect((await page.goto(`/queue/cases/${w.caseA}`))?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Open with a reason' })).toBeVisible();
    await expect(page.getByText(w.names.patientA)).toHaveCount(0);
    await shoot(page, 'case-404-open-with-reason');
    await page.getByLabel(/Why do you need this case/).fill('short');
    await page.getByRole('button', { name: 'Open the case' }).click();
    await expect(page.getByText('Say in at least 10 characters why you need to open this case.')).toBeVisible();
    await page.getByLabel(/Why do you need this case/).fill('Covering the knee clinic today for a colleague.');
    await page.getByRole('button', { name: 'Open the case' }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(w.names.patientA) })).toBeVisible();
    // The same clinician's API reads follow the grant.
    expect((await page.request.get(`/api/intakes/${w.caseA}`)).status()).toBe(200);

    const lead = await (await as(browser, w, 'lead', baseURL!)).newPage();
    await lead.goto('/admin/access');
    const row = lead.getByTestId('break-glass-row').filter({ hasText: w.names.outOfScope });
    await expect(row).toContainText('Covering the knee clinic today for a colleague.');
    await expect(row).toContainText('Open now');
    await shoot(lead, 'admin-break-the-glass');
  });

  test('finding 3: deactivating a clinician on the admin page ends their session at once; their old cookie gets 401', async ({ browser, request, baseURL }) => {
    test.setTimeout(120_000);
    const w = await makeWorld(request, baseURL!);
    const cookie = { cookie: `${w.cookieName}=${w.cookies.clinicianOutOfScope}` };
    expect((await request.get('/api/queue', { headers: cookie })).status()).toBe(200);
    const lead = await (await as(browser, w, 'lead', baseURL!)).newPage();
    await lead.goto('/admin');
    await lead.getByRole('button', { name: `Edit ${w.names.outOfScope}` }).click();
    await expect(lead.getByRole('group', { name: `Roles of ${w.names.outOfScope}` })).toBeVisible();
    await shoot(lead, 'admin-team-editor-remove-role');
    await lead.setViewportSize({ width: 1280, height: 900 });
    await lead.getByLabel('Active (receives new cases)').uncheck();
    await lead.getByRole('button', { name: `Save ${w.names.outOfScope}` }).click();
    await expect(lead.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    expect((await request.get('/api/queue', { headers: cookie })).status()).toBe(401);
    expect((await request.get(`/api/intakes/${w.caseB}`, { headers: cookie })).status()).toBe(401);
    const pageRes = await request.get('/queue', { headers: cookie, maxRedirects: 0 });
    expect(pageRes.status()).toBe(307);
  });
});
