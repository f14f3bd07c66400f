/**
 * CONTRACTS §7 / issue 16 end to end through the route handlers, on PGlite and (with DATABASE_URL) PostgreSQL: the
 * upload, the reading job (the real pg-boss worker, in this process, with one shared OCR engine), the three GETs'
 * access rule, attaching on submit, refusals that store nothing, and the rate limit. Only the session is faked.
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents, intakeFiles, users } from '@/db/schema';
import { seedAccounts } from '@/db/seed/accounts';
import { rightScapulaIntake } from '@/db/seed/forum-cases';
import { findCaseIntakeFile } from '@/db/queries/intake-files';
import { appUrl, resetEnvCache } from '@/lib/env';
import { INTAKE_FILE_JOBS, stopOcrEngine } from '@/lib/intake-files/jobs';
import { startWorker } from '@/lib/jobs';
import { stopBoss } from '@/lib/jobs/boss';
import type { JobDefinition } from '@/lib/jobs/registry';
import { testDbKinds, useTestDb } from '@/lib/testing/db';
import { sameOriginJson } from '@/lib/testing/requests';
import { bombPng, characterAccuracy, malformedPdf, photoJpeg, scannedPdf, textPdf } from '@/lib/testing/upload-fixtures';
import { extractMriFindings } from '@/lib/triage';
import { RIGHT_SCAPULA_MRI_REPORT } from '@/lib/triage/mri/corpus/forum-seeds';
import type { Role } from '@/lib/domain/roles';
import { eq, sql } from 'drizzle-orm';

type SessionUser = { id: string; email: string; name: string | null; roles: Role[]; timezone: string };
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/config', () => ({
  auth: async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3_600_000).toISOString() } : null),
}));

const { POST: UPLOAD } = await import('./route');
const { GET: GET_FILE } = await import('./[id]/route');
const { GET: GET_ORIGINAL } = await import('./[id]/original/route');
const { GET: GET_THUMBNAIL } = await import('./[id]/thumbnail/route');
const { POST: SUBMIT } = await import('@/app/api/intakes/route');
const { PUT: AMEND } = await import('@/app/api/intakes/[id]/route');

const REPORT = RIGHT_SCAPULA_MRI_REPORT;

function upload(bytes: Uint8Array, name = 'report.pdf', type = 'application/pdf'): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(bytes)], { type }), name);
  return UPLOAD(new Request('http://test/api/intake-files', { method: 'POST', body: form, headers: { origin: new URL(appUrl()).origin } }));
}
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const getFile = (id: string) => GET_FILE(new Request(`http://test/api/intake-files/${id}`), params(id));
const getOriginal = (id: string) => GET_ORIGINAL(new Request(`http://test/api/intake-files/${id}/original`), params(id));
const getThumbnail = (id: string) => GET_THUMBNAIL(new Request(`http://test/api/intake-files/${id}/thumbnail`), params(id));

function expectSeedFindings(text: string): void {
  const findings = extractMriFindings(text).filter((f) => !f.negated);
  expect(findings.find((f) => f.code === 'modic_1')?.levels).toEqual(['T5', 'T7']);
  expect(findings.find((f) => f.code === 'vertebral_height_loss')?.levels).toEqual(['T5', 'T7']);
}

describe.each(testDbKinds())('MRI report files (%s)', (kind) => {
  // The worker runs for the whole suite (as in lib/jobs/jobs.test.ts): rows are not reset between tests.
  const t = useTestDb(kind, { reset: false });
  const ids = new Map<string, string>();
  let n = 0;
  const as = (email: string, roles: Role[] = ['patient']) => {
    session.user = { id: ids.get(email)!, email, name: null, roles, timezone: 'UTC' };
  };
  async function newPatient(): Promise<string> {
    const email = `p${++n}-${kind}@example.test`;
    const [u] = await t.db.insert(users).values({ email, roles: ['patient'] }).returning({ id: users.id });
    ids.set(email, u.id);
    return email;
  }
  const fileRows = async () => Number((await t.db.select({ n: sql<number>`count(*)::int` }).from(intakeFiles))[0].n);

  async function uploadAndRead(bytes: Uint8Array, name: string, type: string) {
    const res = await upload(bytes, name, type);
    expect(res.status).toBe(202);
    const body = await res.json();
    expect(body).toEqual({ id: expect.any(String), status: 'reading' });
    const progress: number[] = [];
    let last: Record<string, unknown> = {};
    await expect
      .poll(
        async () => {
          last = await (await getFile(body.id)).json();
          progress.push(last.progress as number);
          return last.status;
        },
        { timeout: 90_000, interval: 250 },
      )
      .toBe('done');
    return { id: body.id as string, json: last, progress };
  }

  beforeAll(async () => {
    for (const [email, id] of await seedAccounts(t.db)) ids.set(email, id);
    vi.stubEnv('RATE_LIMIT_UPLOADS', '1000/1h');
    resetEnvCache();
    await startWorker(INTAKE_FILE_JOBS as JobDefinition[]);
  }, 180_000);
  afterAll(async () => {
    await stopBoss();
    await stopOcrEngine();
    vi.unstubAllEnvs();
    resetEnvCache();
  });

  it('a text PDF is read from its text layer: done, pdf-text, the seed findings; original and thumbnail served safely', async () => {
    const patient = await newPatient();
    as(patient);
    const pdf = await textPdf(REPORT);
    const { id, json } = await uploadAndRead(pdf, 'report.pdf', 'application/pdf');
    expect(json).toMatchObject({ id, status: 'done', method: 'pdf-text', progress: 1, pages: 1, mime: 'application/pdf', attached: false });
    expect(json.message).toBeUndefined();
    expectSeedFindings(json.text as string);

    const original = await getOriginal(id);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('application/pdf');
    expect(original.headers.get('content-disposition')).toMatch(/^inline/);
    expect(original.headers.get('x-content-type-options')).toBe('nosniff');
    expect(original.headers.get('cache-control')).toBe('private, no-store');
    expect(original.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    expect(Buffer.from(await original.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);

    const thumb = await getThumbnail(id);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await thumb.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
  }, 120_000);

  it('a scanned PDF and a phone photo are read by OCR with progress; the photo is stored re-encoded, without its GPS', async () => {
    const patient = await newPatient();
    as(patient);
    const scan = await uploadAndRead(await scannedPdf(REPORT), 'scan.pdf', 'application/pdf');
    expect(scan.json).toMatchObject({ status: 'done', method: 'ocr', pages: 1 });
    expectSeedFindings(scan.json.text as string);
    expect(characterAccuracy(REPORT, scan.json.text as string)).toBeGreaterThan(0.95);

    const photo = await photoJpeg(REPORT);
    expect(photo.includes(Buffer.from('FixturePhone'))).toBe(true); // its EXIF (with GPS) is there before
    const read = await uploadAndRead(photo, 'IMG_0001.jpg', 'image/jpeg');
    expect(read.json).toMatchObject({ status: 'done', method: 'ocr', mime: 'image/jpeg' });
    expectSeedFindings(read.json.text as string);
    expect(characterAccuracy(REPORT, read.json.text as string)).toBeGreaterThan(0.9);
    // Progress was reported on the way (not only 0 then 1), never going back.
    const seen = read.progress.filter((p) => p > 0 && p < 1);
    expect(seen.length).toBeGreaterThan(0);
    expect(read.progress.every((p, i) => i === 0 || p >= read.progress[i - 1])).toBe(true);

    const stored = Buffer.from(await (await getOriginal(read.id)).arrayBuffer());
    expect(stored.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    expect(stored.equals(photo)).toBe(false);
    expect(stored.includes(Buffer.from('FixturePhone'))).toBe(false);
  }, 240_000);

  it('refuses a malformed PDF, a renamed executable, an oversized image and an over-10-MB file with a message, storing nothing', async () => {
    const patient = await newPatient();
    as(patient);
    const before = await fileRows();
    const cases: [Uint8Array, string, string, number, string][] = [
      [malformedPdf(), 'report.pdf', 'application/pdf', 422, 'pdf_malformed'],
      // The name and the declared type say PDF; the bytes are this machine's /bin/true.
      [readFileSync('/bin/true'), 'report.pdf', 'application/pdf', 415, 'unsupported_type'],
      [bombPng(), 'scan.png', 'image/png', 422, 'image_too_large'],
      [Buffer.concat([Buffer.from(await textPdf(REPORT)), Buffer.alloc(11 * 1024 * 1024)]), 'big.pdf', 'application/pdf', 413, 'too_large'],
    ];
    for (const [bytes, name, type, status, error] of cases) {
      const res = await upload(bytes, name, type);
      expect(res.status, error).toBe(status);
      const body = await res.json();
      expect(body.error).toBe(error);
      expect(body.message, error).toMatch(/\w+ \w+ \w+.*\./);
    }
    expect(await fileRows()).toBe(before);
    const denied = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(sql`${auditEvents.action} = 'intake_file.upload' and ${auditEvents.outcome} = 'denied' and ${auditEvents.actorId} = ${ids.get(patient)!}`);
    expect(denied[0].n).toBe(3); // the 413 is refused while reading the body, before the file is looked at
  }, 60_000);

  it('a picture without writing, and a reading past the time limit, end as failed with a message and no bytes kept', async () => {
    as(await newPatient());
    const blank = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const res = await upload(blank, 'blank.png', 'image/png');
    expect(res.status).toBe(202);
    const { id } = await res.json();
    await expect.poll(async () => (await (await getFile(id)).json()).status, { timeout: 60_000, interval: 250 }).toBe('failed');
    const failed = await (await getFile(id)).json();
    expect(failed.message).toMatch(/couldn't find any writing/);
    expect(failed.text).toBeUndefined();
    expect((await getOriginal(id)).status).toBe(404);

    vi.stubEnv('INTAKE_FILE_READ_TIMEOUT_MS', '50');
    try {
      const slow = await (await upload(await scannedPdf(REPORT), 'scan.pdf', 'application/pdf')).json();
      await expect.poll(async () => (await (await getFile(slow.id)).json()).status, { timeout: 60_000, interval: 250 }).toBe('failed');
      expect((await (await getFile(slow.id)).json()).message).toMatch(/took too long/);
    } finally {
      vi.stubEnv('INTAKE_FILE_READ_TIMEOUT_MS', '120000');
    }
  }, 150_000);

  it('the type comes from the bytes, not the name: a PNG called "report.exe" is taken', async () => {
    as(await newPatient());
    const res = await upload(bombPng(64), 'report.exe', 'application/octet-stream');
    expect(res.status).toBe(202);
  });

  it('another patient gets 404 on all three GETs; the team only once the file is attached to a submitted intake', async () => {
    const patient = await newPatient();
    as(patient);
    const { id, json } = await uploadAndRead(await textPdf(REPORT), 'report.pdf', 'application/pdf');
    const other = await newPatient();
    as(other);
    for (const get of [getFile, getOriginal, getThumbnail]) expect((await get(id)).status).toBe(404);

    as('clinician@demo.test', ['clinician']);
    for (const get of [getFile, getOriginal, getThumbnail]) expect((await get(id)).status).toBe(404);

    // Someone else cannot attach it: 400 on imaging.fileId, nothing stored.
    as(other);
    const theirs = await SUBMIT(sameOriginJson('http://test/api/intakes', 'POST', { ...rightScapulaIntake(), imaging: { mriReport: json.text, fileId: id } }));
    expect(theirs.status).toBe(400);
    expect((await theirs.json()).fieldErrors['imaging.fileId']).toEqual([expect.stringMatching(/upload/)]);

    // The patient corrects one word of the extracted text and submits with the file.
    as(patient);
    const confirmed = (json.text as string).replace('Modic', 'Modic (sic)');
    const res = await SUBMIT(sameOriginJson('http://test/api/intakes', 'POST', { ...rightScapulaIntake(), imaging: { mriReport: confirmed, fileId: id } }));
    expect(res.status).toBe(201);
    const kase = await res.json();
    expect(kase.assignedClinicianId).toBe(ids.get('clinician@demo.test'));
    expect((await (await getFile(id)).json()).attached).toBe(true);

    as('clinician@demo.test', ['clinician']);
    expect((await getFile(id)).status).toBe(200);
    expect((await getOriginal(id)).status).toBe(200);
    expect((await getThumbnail(id)).status).toBe(200);
    const viewer = { id: ids.get('clinician@demo.test')!, roles: ['clinician' as const] };
    expect(await findCaseIntakeFile(t.db, viewer, kase.id)).toEqual({ fileId: id, mime: 'application/pdf', pages: 1, method: 'pdf-text', extractedText: json.text, confirmedText: confirmed });
    // Still nothing for another patient.
    as(other);
    for (const get of [getFile, getOriginal, getThumbnail]) expect((await get(id)).status).toBe(404);
    expect(await findCaseIntakeFile(t.db, { id: ids.get(other)!, roles: ['patient'] }, kase.id)).toBeNull();

    // Attached is final: a second case cannot take it, and the database refuses any change to the row.
    as(patient);
    const again = await SUBMIT(sameOriginJson('http://test/api/intakes', 'POST', { ...rightScapulaIntake(), imaging: { mriReport: confirmed, fileId: id } }));
    expect(again.status).toBe(400);
    await expect(t.db.update(intakeFiles).set({ text: 'changed' }).where(eq(intakeFiles.id, id))).rejects.toThrow();
    await expect(t.db.delete(intakeFiles).where(eq(intakeFiles.id, id))).rejects.toThrow();

    const reads = await t.db.select({ action: auditEvents.action, outcome: auditEvents.outcome }).from(auditEvents).where(eq(auditEvents.resourceId, id));
    expect(reads).toEqual(expect.arrayContaining([
      { action: 'intake_file.upload', outcome: 'allowed' },
      { action: 'intake_file.attach', outcome: 'allowed' },
      { action: 'intake_file.original', outcome: 'allowed' },
      { action: 'intake_file.thumbnail', outcome: 'denied' },
    ]));
  }, 120_000);

  it('an edit of the case keeps its file; another case of the same patient cannot take it', async () => {
    const patient = await newPatient();
    as(patient);
    const { id, json } = await uploadAndRead(await textPdf(REPORT), 'report.pdf', 'application/pdf');
    const first = await (await SUBMIT(sameOriginJson('http://test/api/intakes', 'POST', { ...rightScapulaIntake(), imaging: { mriReport: json.text, fileId: id } }))).json();
    const amend = (caseId: string) => AMEND(sameOriginJson(`http://test/api/intakes/${caseId}`, 'PUT', { ...rightScapulaIntake(), imaging: { mriReport: `${json.text} Edited.`, fileId: id } }), params(caseId));
    const edited = await amend(first.id);
    expect(edited.status).toBe(200);
    expect((await edited.json()).version).toBe(2);
    const viewer = { id: ids.get(patient)!, roles: ['patient' as const] };
    expect(await findCaseIntakeFile(t.db, viewer, first.id)).toMatchObject({ fileId: id, extractedText: json.text, confirmedText: `${json.text} Edited.` });

    const second = await (await SUBMIT(sameOriginJson('http://test/api/intakes', 'POST', rightScapulaIntake()))).json();
    const res = await amend(second.id);
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors['imaging.fileId'][0]).toMatch(/another case/);
  }, 60_000);

  it('a file still being read cannot be attached', async () => {
    const patient = await newPatient();
    as(patient);
    const [row] = await t.db
      .insert(intakeFiles)
      .values({ uploaderId: ids.get(patient)!, pages: 1, original: Buffer.from('x'), mime: 'application/pdf', sizeBytes: 1, sha256: 'x' })
      .returning({ id: intakeFiles.id });
    const res = await SUBMIT(sameOriginJson('http://test/api/intakes', 'POST', { ...rightScapulaIntake(), imaging: { mriReport: REPORT, fileId: row.id } }));
    expect(res.status).toBe(400);
    expect((await res.json()).fieldErrors['imaging.fileId'][0]).toMatch(/still being read/);
  });

  it('rate limited per patient: 429 with Retry-After past RATE_LIMIT_UPLOADS', async () => {
    vi.stubEnv('RATE_LIMIT_UPLOADS', '2/1h');
    resetEnvCache();
    try {
      as(await newPatient());
      expect((await upload(malformedPdf())).status).toBe(422);
      expect((await upload(malformedPdf())).status).toBe(422);
      const res = await upload(malformedPdf());
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await res.json()).message).toMatch(/uploaded a lot of files/);
    } finally {
      vi.stubEnv('RATE_LIMIT_UPLOADS', '1000/1h');
      resetEnvCache();
    }
  });

  it('anonymous → 401; a cross-site upload → 403 before anything is read', async () => {
    session.user = null;
    expect((await upload(await textPdf(REPORT))).status).toBe(401);
    expect((await getFile('00000000-0000-4000-8000-000000000000')).status).toBe(401);
    as(await newPatient());
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(await textPdf(REPORT))]), 'r.pdf');
    const res = await UPLOAD(new Request('http://test/api/intake-files', { method: 'POST', body: form, headers: { origin: 'https://evil.example' } }));
    expect(res.status).toBe(403);
  });
});
