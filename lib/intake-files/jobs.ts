import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db';
import { completeIntakeFile, failIntakeFile, findIntakeFileToRead, setIntakeFileProgress } from '@/db/queries/intake-files';
import { defineJob } from '@/lib/jobs/registry';
import { log } from '@/lib/log';
import { readReportInThread, ReadTimeout, stopReadThread, UploadRefusal } from '@/lib/uploads';
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

/** Stops the reading thread (and its OCR engine) at the end of tests; the next file starts a new one. */
export async function stopOcrEngine(): Promise<void> {
  await stopReadThread();
}

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
  try {
    // In the reading thread (lib/uploads/read-thread.ts): this process's event loop only relays progress and writes
    // rows. A timeout terminates that thread, so a stuck reading cannot leak; the next job gets a fresh one.
    const result = await readReportInThread(row.original, { timeoutMs, onProgress: (f) => progress.report(f) });
    await progress.settled();
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
    if (err instanceof ReadTimeout) {
      log().warn({ fileId, ms: timeoutMs }, 'intake file reading timed out');
      await failIntakeFile(db, fileId, { errorCode: 'timeout', message: TIMEOUT_MESSAGE });
      return;
    }
    if (err instanceof UploadRefusal) {
      await failIntakeFile(db, fileId, { errorCode: err.code, message: err.message });
      return;
    }
    log().error({ err, fileId }, 'intake file reading failed');
    await failIntakeFile(db, fileId, { errorCode: 'read_error', message: FAILED_MESSAGE });
  }
}

const readIntakeFileJob = defineJob({
  name: READ_INTAKE_FILE_JOB,
  schema: z.object({ fileId: z.uuid() }),
  handler: async ({ fileId }) => readIntakeFile(fileId),
});

export const INTAKE_FILE_JOBS = [readIntakeFileJob];
