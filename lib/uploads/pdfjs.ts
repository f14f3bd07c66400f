import 'server-only';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/**
 * The built-ins whose existing members pdf.js's legacy build (its bundled core-js polyfills) may replace. Measured on
 * Node 20 with pdfjs-dist 5.6.205: JSON.stringify and JSON.parse (forced because Node 20 has no JSON.rawJSON) and
 * Array.prototype.push (a length edge case), each replaced by a JavaScript wrapper around the native one, and
 * Function.prototype.toString. Those globals serve the whole server: every RSC payload (JSON.stringify per chunk),
 * every query the ORM builds (push) ran through them on every request once pdf.js had been loaded.
 */
const GUARDED: object[] = [
  JSON,
  Object,
  Object.prototype,
  Function.prototype,
  Array,
  Array.prototype,
  String.prototype,
  Number,
  Math,
  Reflect,
  Promise,
  Map.prototype,
  Set.prototype,
  RegExp.prototype,
  ArrayBuffer.prototype,
  Uint8Array,
  Uint8Array.prototype,
  Object.getPrototypeOf(Uint8Array.prototype) as object,
];

/**
 * Runs `load` and then puts back every member of GUARDED that existed before and was replaced, keeping what was
 * added (Promise.withResolvers, Map.prototype.getOrInsert, Uint8Array.prototype.toHex … which pdf.js uses on Node 20).
 * pdf.js itself is unaffected: the natives do what the polyfills do for everything it passes them.
 */
export async function importKeepingBuiltIns<T>(load: () => Promise<T>): Promise<T> {
  const before = GUARDED.map((target) => new Map(Reflect.ownKeys(target).map((k) => [k, Object.getOwnPropertyDescriptor(target, k)!])));
  try {
    return await load();
  } finally {
    GUARDED.forEach((target, i) => {
      for (const [key, d] of before[i]) {
        const now = Object.getOwnPropertyDescriptor(target, key);
        if (now && (now.value !== d.value || now.get !== d.get || now.set !== d.set) && now.configurable) Object.defineProperty(target, key, d);
      }
    });
  }
}

let pdfjs: Promise<Pdfjs> | undefined;

/**
 * pdf.js, loaded on the first PDF this process reads (not when the upload code is imported), built-ins kept. On Node
 * pdf.js runs its worker in this thread and would import the worker module (with its own copy of the polyfills) on the
 * first document, after the built-ins were put back: it is imported here too and handed over as `pdfjsWorker`.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  pdfjs ??= importKeepingBuiltIns(async () => {
    const [lib, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
    (globalThis as { pdfjsWorker?: { WorkerMessageHandler: unknown } }).pdfjsWorker = { WorkerMessageHandler: worker.WorkerMessageHandler };
    return lib;
  }).catch((err: unknown) => {
    pdfjs = undefined;
    throw err;
  });
  return pdfjs;
}
