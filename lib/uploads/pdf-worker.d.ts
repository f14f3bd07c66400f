/** pdf.js ships no types for its worker module; the one export lib/uploads/pdfjs.ts hands back to pdf.js. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
