/**
 * readReportInThread: the reading thread gives what readReport gives (as Buffers), the same refusals, progress, and a
 * timeout that terminates the thread (a stuck reading must not keep running) and leaves the next file a fresh one.
 */
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { malformedPdf, scannedPdf, textPdf } from '@/lib/testing/upload-fixtures';
import { RIGHT_SCAPULA_MRI_REPORT } from '@/lib/triage/mri/corpus/forum-seeds';
import { readReport, readReportInThread, ReadTimeout, stopReadThread, UploadRefusal } from '@/lib/uploads';

describe('reading in the worker thread', () => {
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => stopReadThread());

  it('reads a text PDF like readReport does, with progress up to 1', async () => {
    const bytes = await textPdf(RIGHT_SCAPULA_MRI_REPORT);
    const progress: number[] = [];
    const reading = await readReportInThread(bytes, { timeoutMs: 60_000, onProgress: (f) => progress.push(f) });
    const direct = await readReport(bytes);
    expect(reading.text).toBe(direct.text);
    expect(reading.method).toBe('pdf-text');
    expect(Buffer.isBuffer(reading.file.bytes) && Buffer.isBuffer(reading.thumbnail)).toBe(true);
    expect(reading.file.bytes.equals(direct.file.bytes)).toBe(true);
    expect(progress.at(-1)).toBe(1);
  }, 60_000);

  it('refuses a malformed PDF with the same UploadRefusal', async () => {
    const err = await readReportInThread(malformedPdf(), { timeoutMs: 60_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UploadRefusal);
    expect(err).toMatchObject({ code: 'pdf_malformed', message: new UploadRefusal('pdf_malformed').message, status: 422 });
  }, 60_000);

  it('a timeout terminates the thread; the next file is read by a fresh one', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    const scan = await scannedPdf(RIGHT_SCAPULA_MRI_REPORT);
    await expect(readReportInThread(scan, { timeoutMs: 50 })).rejects.toBeInstanceOf(ReadTimeout);
    expect(terminate).toHaveBeenCalledTimes(1);
    const reading = await readReportInThread(await textPdf(RIGHT_SCAPULA_MRI_REPORT), { timeoutMs: 60_000 });
    expect(reading.method).toBe('pdf-text');
  }, 60_000);
});
