/**
 * OCR on our own server with tesseract.js (WebAssembly in a worker thread) and the English LSTM model from the
 * @tesseract.js-data/eng package. Every path is local: the worker script comes from node_modules; the Node worker
 * `require`s its WebAssembly core from the tesseract.js-core package (tesseract.js ignores corePath on Node, so it is
 * not set); the model is read from the package folder, and no cache file is written (cacheMethod 'none'). Without these
 * options tesseract.js would download the model from a CDN and write eng.traineddata into the working directory.
 */
import 'server-only';
import path from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { packageDir } from './package-dir';

/** Where tesseract.js reads everything from; exported so a test can prove they are all local files. */
export function ocrAssetPaths() {
  return {
    workerPath: path.join(packageDir('tesseract.js'), 'src', 'worker-script', 'node', 'index.js'),
    // 4.0.0_best_int: the integer LSTM model (2.9 MB gzipped), what tesseract.js itself picks for LSTM-only OEM.
    langPath: path.join(packageDir('@tesseract.js-data/eng'), '4.0.0_best_int'),
  };
}

interface OcrResult {
  text: string;
  /** tesseract's mean word confidence, 0–100. */
  confidence: number;
}

export interface OcrEngine {
  /** Reads one page image (PNG/JPEG bytes); `onProgress` gets 0–1 while tesseract recognises. Jobs run one at a time. */
  recognize(image: Buffer, onProgress?: (fraction: number) => void): Promise<OcrResult>;
  terminate(): Promise<void>;
}

/** One tesseract worker (one thread, ~3 s to start, ~100 MB). Reuse it across pages and files; terminate it at the end. */
export async function createOcrEngine(): Promise<OcrEngine> {
  let listener: ((fraction: number) => void) | undefined;
  const worker: Worker = await createWorker('eng', OEM.LSTM_ONLY, {
    ...ocrAssetPaths(),
    cacheMethod: 'none',
    gzip: true,
    logger: (m) => {
      if (m.status === 'recognizing text') listener?.(m.progress);
    },
  });
  let queue: Promise<unknown> = Promise.resolve();
  return {
    recognize(image, onProgress) {
      const job = queue.then(async () => {
        listener = onProgress;
        try {
          const { data } = await worker.recognize(image);
          return { text: data.text, confidence: data.confidence };
        } finally {
          listener = undefined;
        }
      });
      queue = job.catch(() => undefined);
      return job;
    },
    async terminate() {
      await queue;
      await worker.terminate();
    },
  };
}
