import 'server-only';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { UploadRefusal } from './errors';
import type { ReportReading } from './read';
import type { ThreadReply, ThreadRequest } from './read-thread-messages';

/**
 * readReport in a worker thread: pdf.js, the page rendering, sharp and tesseract all run off the server's event loop,
 * so requests are answered at their usual speed while a file is read (issue 16; bench/uploads-server.bench.ts).
 * One thread per process, started on the first file and reused (its OCR engine takes ~3 s and ~100 MB to start).
 * The entry (thread-entry.mjs) is a plain .mjs resolved from the app's folder, not bundled: the same file loads under `next start` and tsx.
 */
const ENTRY = () => path.join(/*turbopackIgnore: true*/ process.cwd(), 'lib', 'uploads', 'thread-entry.mjs');

/** A reading stopped by readReportInThread's timeout (the thread is replaced, so nothing stuck outlives it). */
export class ReadTimeout extends Error {
  constructor(ms: number) {
    super(`reading took longer than ${ms} ms`);
    this.name = 'ReadTimeout';
  }
}

interface Pending {
  onProgress?: (fraction: number) => void;
  resolve: (reading: ReportReading) => void;
  reject: (err: unknown) => void;
}

interface ReadThread {
  worker: Worker;
  pending: Map<number, Pending>;
}

// On globalThis: Next may load this module more than once in one process, and there must be one thread.
const g = globalThis as unknown as { __tcReadThread?: ReadThread; __tcReadThreadSeq?: number };

const toBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

function endThread(thread: ReadThread, err: Error): void {
  if (g.__tcReadThread === thread) g.__tcReadThread = undefined;
  for (const p of thread.pending.values()) p.reject(err);
  thread.pending.clear();
}

function startThread(): ReadThread {
  // execArgv replaces the parent's (tsx's own loader flags under `npm run worker`): thread-entry.mjs registers tsx
  // itself, and react-server lets lib/uploads' `server-only` imports load.
  const worker = new Worker(ENTRY(), { execArgv: ['--conditions=react-server'] });
  const thread: ReadThread = { worker, pending: new Map() };
  worker.unref(); // an idle thread does not keep the process alive; it is ref'd while a reading is pending
  worker.on('message', (m: ThreadReply) => {
    const p = thread.pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') {
      p.onProgress?.(m.fraction);
      return;
    }
    thread.pending.delete(m.id);
    if (thread.pending.size === 0) worker.unref();
    if (m.type === 'done') p.resolve({ ...m.reading, thumbnail: toBuffer(m.reading.thumbnail), file: { bytes: toBuffer(m.reading.file.bytes), mime: m.reading.file.mime } });
    else if (m.type === 'refused') p.reject(new UploadRefusal(m.code));
    else p.reject(new Error(`reading thread: ${m.message}`));
  });
  worker.on('error', (err) => endThread(thread, err));
  worker.on('exit', (code) => endThread(thread, new Error(`reading thread exited (code ${code})`)));
  return thread;
}

/**
 * Reads one upload in the reading thread. Refusals arrive as the same UploadRefusal readReport throws; after
 * `timeoutMs` it rejects with ReadTimeout and the thread is terminated (a fresh one serves the next file).
 */
export function readReportInThread(bytes: Uint8Array, options: { onProgress?: (fraction: number) => void; timeoutMs: number }): Promise<ReportReading> {
  g.__tcReadThread ??= startThread();
  const thread = g.__tcReadThread;
  const id = (g.__tcReadThreadSeq = (g.__tcReadThreadSeq ?? 0) + 1);
  return new Promise<ReportReading>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new ReadTimeout(options.timeoutMs));
      thread.pending.delete(id);
      endThread(thread, new Error('reading thread stopped after a timeout'));
      void thread.worker.terminate();
    }, options.timeoutMs);
    const settle = <T>(fn: (v: T) => void) => (v: T) => {
      clearTimeout(timer);
      fn(v);
    };
    thread.pending.set(id, { onProgress: options.onProgress, resolve: settle(resolve), reject: settle(reject) });
    thread.worker.ref();
    // A copy the thread can own (the caller keeps its bytes).
    const copy = new Uint8Array(bytes);
    const request: ThreadRequest = { id, bytes: copy };
    thread.worker.postMessage(request, [copy.buffer]);
  });
}

/** Terminates the reading thread (end of tests, shutdown); the next reading starts a new one. */
export async function stopReadThread(): Promise<void> {
  const thread = g.__tcReadThread;
  if (!thread) return;
  endThread(thread, new Error('reading thread stopped'));
  await thread.worker.terminate();
}
