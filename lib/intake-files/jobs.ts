import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db';
import { completeIntakeFile, failIntakeFile, findIntakeFileToRead, setIntakeFileProgress } from '@/db/queries/intake-files';
import { defineJob } from '@/lib/jobs/registry';
import { log } from '@/lib/log';
import { createOcrEngine, readReport, UploadRefusal, type OcrEngine } from '@/lib/uploads';
import { createHash } from 'node:crypto';
import { READ_INTAKE_FILE_JOB } from './job-names';

/**
 * A file not read by then is marked failed (a 5-page scan takes well under a minute here; two minutes means something
 * is wrong). INTAKE_FILE_READ_TIMEOUT_MS overrides it (tests).
 */
const readTimeoutMs = () => Number(process.env.INTAKE_FILE_READ_TIMEOUT_MS ?? 120_000);
/** Progress is written at most this often, and only when it moved by at least PROGRESS_STEP (and at the end). */
const PROGRESS_EVERY_MS = 750;
const PROGRESS_STEP = 0.02;

const TIMEOUT_MESSAGE = 'Reading this file took too long, so we stopped. Please try a clearer photo of each page, or type the report in instead.';
const FAILED_MESSAGE = "Something went wrong on our side while reading this file. Please upload it again, or type the report in instead.";

// One tesseract worker per process, started on the first file that needs OCR and reused by every later job (it takes
// ~3 s and ~100 MB to start). On globalThis: Next may load this module more than once in one process.
const g = globalThis as unknown as { __tcOcrEngine?: Promise<OcrEngine> };

function sharedEngine(): Promise<OcrEngine> {
  g.__tcOcrEngine ??= createOcrEngine().catch((err: unknown) => {
    g.__tcOcrEngine = undefined;
    throw err;
  });
  return g.__tcOcrEngine;
}

/** Stops the shared OCR worker (after a timeout, whose recognition may still run, and at the end of tests). */
export async function stopOcrEngine(): Promise<void> {
  const pending = g.__tcOcrEngine;
  g.__tcOcrEngine = undefined;
  if (pending) await (await pending.catch(() => null))?.terminate().catch(() => undefined);
}

/** Hands readReport the shared engine, started only when a page really needs OCR (a text PDF never starts it). */
const lazyEngine: OcrEngine = {
  recognize: async (image, onProgress) => (await sharedEngine()).recognize(image, onProgress),
  terminate: async () => undefined,
};

function throttledProgress(fileId: string) {
  let lastAt = 0;
  let lastValue = 0;
  let writing: Promise<void> = Promise.resolve();
  const db = getDb();
  return {
    report(fraction: number) {
      const now = Date.now();
      if (fraction < 1 && (now - lastAt < PROGRESS_EVERY_MS || fraction - lastValue < PROGRESS_STEP)) return;
      lastAt = now;
      lastValue = fraction;
      // One write at a time, in order; a failed progress write is only logged (the reading goes on).
      writing = writing.then(async () => setIntakeFileProgress(await db, fileId, Math.min(fraction, 0.99))).catch((err: unknown) => log().warn({ err, fileId }, 'progress write failed'));
    },
    settled: () => writing,
  };
}

/**
 * Reads one uploaded file: its text (PDF text layer or OCR), method, page-1 thumbnail and cleaned bytes (a photo
 * re-encoded without EXIF) replace the row's 'reading' state; a refusal found only now (no text, a broken image) or a
 * timeout marks it failed with a message for the patient. Idempotent: a row no longer 'reading' is left alone.
 */
async function readIntakeFile(fileId: string): Promise<void> {
  const db = await getDb();
  const row = await findIntakeFileToRead(db, fileId);
  if (!row || row.status !== 'reading' || !row.original) return;
  const progress = throttledProgress(fileId);
  const timeoutMs = readTimeoutMs();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const reading = readReport(row.original, { ocr: lazyEngine, onProgress: (f) => progress.report(f) });
    reading.catch(() => undefined); // settled below, or abandoned after a timeout
    const result = await Promise.race([reading, timeout]);
    await progress.settled();
    if (result === 'timeout') {
      log().warn({ fileId, ms: timeoutMs }, 'intake file reading timed out');
      await failIntakeFile(db, fileId, { errorCode: 'timeout', message: TIMEOUT_MESSAGE });
      // Its recognition may still be running: the next job gets a fresh worker; this one ends once that is done.
      void stopOcrEngine();
      return;
    }
    await completeIntakeFile(db, fileId, {
      method: result.method,
      text: result.text,
      pages: result.pages,
      original: result.file.bytes,
      mime: result.file.mime,
      sha256: createHash('sha256').update(result.file.bytes).digest('hex'),
      thumbnail: result.thumbnail,
      ocrConfidence: result.ocrConfidence ?? null,
    });
  } catch (err) {
    await progress.settled();
    if (err instanceof UploadRefusal) {
      await failIntakeFile(db, fileId, { errorCode: err.code, message: err.message });
      return;
    }
    log().error({ err, fileId }, 'intake file reading failed');
    await failIntakeFile(db, fileId, { errorCode: 'read_error', message: FAILED_MESSAGE });
  } finally {
    clearTimeout(timer);
  }
}

const readIntakeFileJob = defineJob({
  name: READ_INTAKE_FILE_JOB,
  schema: z.object({ fileId: z.uuid() }),
  handler: async ({ fileId }) => readIntakeFile(fileId),
});

export const INTAKE_FILE_JOBS = [readIntakeFileJob];
