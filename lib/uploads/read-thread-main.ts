/**
 * Inside the reading thread (lib/uploads/read-thread.ts): every upload is read here (sniff, PDF checks and text,
 * rendering, re-encoding, OCR), so none of that CPU work runs on the server's event loop. One OCR engine for the
 * thread's life, started on the first page that needs it.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { UploadRefusal } from './errors';
import { createOcrEngine, type OcrEngine } from './ocr';
import { readReport } from './read';
import type { ThreadReply, ThreadRequest } from './read-thread-messages';

const port = parentPort;
if (!port) throw new Error('read-thread-main runs only as a worker thread');

/**
 * Off the event loop is not enough on a small machine: the server's thread and this one (with the threads it starts:
 * tesseract's, pdf.js's) share its cores, and the scheduler treats them alike. This thread runs at the lowest
 * priority, and threads it starts inherit that (Linux: nice is per thread; /proc/thread-self names this one), so a
 * request always wins a core; a reading only waits while the server is busy. Elsewhere this is skipped.
 */
function lowerPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 19);
  } catch {
    // not Linux, or not allowed: read at normal priority
  }
}
lowerPriority();

let engine: Promise<OcrEngine> | undefined;
function sharedEngine(): Promise<OcrEngine> {
  engine ??= createOcrEngine().catch((err: unknown) => {
    engine = undefined;
    throw err;
  });
  return engine;
}
const lazyEngine: OcrEngine = {
  recognize: async (image, onProgress) => (await sharedEngine()).recognize(image, onProgress),
  terminate: async () => undefined,
};

const reply = (message: ThreadReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on('message', (request: ThreadRequest) => {
  const { id, bytes } = request;
  readReport(bytes, { ocr: lazyEngine, onProgress: (fraction) => reply({ id, type: 'progress', fraction }) }).then(
    (reading) => {
      // Copies into fresh buffers that can be handed over without copying again (a Buffer may share a pooled one).
      const file = new Uint8Array(reading.file.bytes);
      const thumbnail = new Uint8Array(reading.thumbnail);
      reply({ id, type: 'done', reading: { ...reading, file: { bytes: file, mime: reading.file.mime }, thumbnail } }, [file.buffer, thumbnail.buffer]);
    },
    (err: unknown) => {
      if (err instanceof UploadRefusal) reply({ id, type: 'refused', code: err.code });
      else reply({ id, type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    },
  );
});
