/**
 * Reading uploaded MRI reports on this machine: text-PDF extraction and OCR, per page. Run: npm run bench:uploads.
 *
 * Fixtures are made from the seed report (lib/testing/upload-fixtures). Times are per page, the median of a few
 * runs, in wall clock and in process CPU time (tesseract's worker thread is in this process, so CPU time counts
 * the OCR itself; on a shared machine other processes stretch wall time, not CPU time). The load average is printed
 * with them. OCR uses one worker, as the job does. Ends with one JSON line {"bench":"uploads",...}.
 */
import { cpus, loadavg } from 'node:os';
import sharp from 'sharp';
import { characterAccuracy, photoJpeg, scannedPdf, textPdf } from '@/lib/testing/upload-fixtures';
import { RIGHT_SCAPULA_MRI_REPORT } from '@/lib/triage/mri/corpus/forum-seeds';
import { createOcrEngine, readReport, type OcrEngine } from '@/lib/uploads';
import { PDFDocument } from 'pdf-lib';
import { emitResult } from './lib/common';

const REPORT = RIGHT_SCAPULA_MRI_REPORT;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, digits = 0) => Number(x.toFixed(digits));

async function timed(runs: number, pages: number, work: () => Promise<string>): Promise<{ wallMs: number; cpuMs: number; text: string }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  let text = '';
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    text = await work();
    wall.push((performance.now() - t0) / pages);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000 / pages);
  }
  return { wallMs: median(wall), cpuMs: median(cpu), text };
}

async function fivePageTextPdf(): Promise<Uint8Array> {
  const one = await PDFDocument.load(await textPdf(REPORT));
  const doc = await PDFDocument.create();
  for (let i = 0; i < 5; i++) doc.addPage((await doc.copyPages(one, [0]))[0]);
  return doc.save();
}

const loadBefore = loadavg()[0];
console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other sessions share it)`);

const five = await fivePageTextPdf();
await readReport(five); // warm-up: pdf.js module and fonts
const text = await timed(10, 5, async () => (await readReport(five)).text);
console.log(`text PDF (5 pages): ${text.wallMs.toFixed(1)} ms/page wall, ${text.cpuMs.toFixed(1)} ms/page CPU`);

const t0 = performance.now();
const ocr: OcrEngine = await createOcrEngine();
const ocrStartMs = performance.now() - t0;
console.log(`OCR worker start (model from node_modules): ${ocrStartMs.toFixed(0)} ms`);

const fixtures: Record<string, Uint8Array> = {
  scannedPdf: await scannedPdf(REPORT),
  photo: await photoJpeg(REPORT),
};
// A poorer photo: 55 % of the size (text ~14 px high) and JPEG quality 40.
const photoMeta = await sharp(fixtures.photo).metadata();
fixtures.lowResPhoto = await sharp(fixtures.photo).resize({ width: Math.round((photoMeta.width ?? 1500) * 0.55) }).jpeg({ quality: 40 }).toBuffer();

const results: Record<string, { wallMs: number; cpuMs: number; accuracy: number }> = {};
try {
  for (const [name, bytes] of Object.entries(fixtures)) {
    const r = await timed(2, 1, async () => (await readReport(bytes, { ocr })).text);
    results[name] = { wallMs: round(r.wallMs), cpuMs: round(r.cpuMs), accuracy: round(characterAccuracy(REPORT, r.text), 4) };
    console.log(`OCR ${name}: ${r.wallMs.toFixed(0)} ms/page wall, ${r.cpuMs.toFixed(0)} ms/page CPU, accuracy ${(results[name].accuracy * 100).toFixed(2)} % (characters right / total)`);
  }
} finally {
  await ocr.terminate();
}

console.log(
  JSON.stringify({
    bench: 'uploads',
    cores: cpus().length,
    loadAvg1: round((loadBefore + loadavg()[0]) / 2, 1),
    textPdfMsPerPage: round(text.wallMs, 1),
    textPdfCpuMsPerPage: round(text.cpuMs, 1),
    ocrStartMs: round(ocrStartMs),
    ocrMsPerPage: results.scannedPdf.wallMs,
    ocrCpuMsPerPage: results.scannedPdf.cpuMs,
    ocr: results,
  }),
);
// For bench/run.ts (reported figures, no targets: this machine's speed is what it is).
emitResult({
  bench: 'uploads',
  database: 'none',
  figures: [
    { name: 'text PDF extraction per page (5-page PDF)', value: round(text.wallMs, 1), unit: 'ms' },
    { name: 'OCR per page (scanned PDF, worker already started)', value: results.scannedPdf.wallMs, unit: 'ms' },
    { name: 'OCR per page (phone photo)', value: results.photo.wallMs, unit: 'ms' },
    { name: 'OCR worker start', value: round(ocrStartMs), unit: 'ms' },
    ...Object.entries(results).map(([name, r]) => ({ name: `OCR character accuracy, ${name} (Levenshtein, right / total)`, value: r.accuracy, unit: 'ratio' })),
  ],
});
