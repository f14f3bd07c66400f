/**
 * Reads an uploaded MRI report: PDF, JPEG or PNG, by its bytes. Text PDFs are read from their text layer
 * (method 'pdf-text'); scanned pages and photos go through OCR (method 'ocr'). Everything a file must pass is
 * checked first and refused with an UploadRefusal (errors.ts) whose message is written for the patient.
 */
import 'server-only';
import { UploadRefusal } from './errors';
import { checkImageHeader, imageForOcr, sanitiseImage, thumbnailPng, THUMBNAIL_WIDTH } from './image';
import { MAX_UPLOAD_BYTES } from './limits';
import { createOcrEngine, type OcrEngine } from './ocr';
import { ocrScale, openPdf, pageText, renderPage, thumbnailScale, type OpenPdf } from './pdf';
import { requireUploadKind, UPLOAD_MIME, type UploadKind } from './sniff';

type ReadMethod = 'pdf-text' | 'ocr';

interface ReadReportOptions {
  /** 0–1, never decreasing; ends at 1. */
  onProgress?: (fraction: number) => void;
  /** A running engine to reuse (a job worker keeps one); without it one is started and stopped for this file. */
  ocr?: OcrEngine;
}

export interface ReportReading {
  kind: UploadKind;
  mime: string;
  method: ReadMethod;
  /** The report's text, pages separated by a blank line; for the patient to confirm or correct. */
  text: string;
  pages: number;
  /** PNG of page 1, THUMBNAIL_WIDTH px wide, for the confirmation screen. */
  thumbnail: Buffer;
  /** What to store: a PDF as uploaded (it passed every check); a photo re-encoded, upright, without EXIF/GPS. */
  file: { bytes: Buffer; mime: string };
  /** Mean OCR confidence (0–100) over OCR'd pages; absent for 'pdf-text'. */
  ocrConfidence?: number;
}

/** Fewer letters and digits than this on a page means no usable text layer: the page is read by OCR. */
const MIN_TEXT_CHARS_PER_PAGE = 20;
const meaningfulChars = (text: string): number => (text.match(/[\p{L}\p{N}]/gu) ?? []).length;

/** Line ends unified, spaces collapsed, lines trimmed, at most one blank line in a row. */
function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function requireSize(bytes: Uint8Array): void {
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new UploadRefusal('too_large');
}

/**
 * Every refusal that needs no OCR, in well under a second: size, type by magic bytes, PDF safety and structure
 * (scripts, attachments, launch actions, malformed, password, pages, page size), image header (bombs). A route
 * calls this before it stores the file and queues the reading job.
 */
export async function inspectUpload(bytes: Uint8Array): Promise<{ kind: UploadKind; mime: string; pages: number }> {
  requireSize(bytes);
  const kind = requireUploadKind(bytes);
  if (kind === 'pdf') {
    const pdf = await openPdf(bytes);
    const pages = pdf.pages.length;
    await pdf.close();
    return { kind, mime: UPLOAD_MIME[kind], pages };
  }
  checkImageHeader(bytes, kind);
  return { kind, mime: UPLOAD_MIME[kind], pages: 1 };
}

function progressReporter(onProgress?: (fraction: number) => void) {
  let last = 0;
  return (fraction: number) => {
    const f = Math.min(1, Math.max(last, fraction));
    if (f > last || f === 1) {
      last = f;
      onProgress?.(f);
    }
  };
}

async function withOcr<T>(given: OcrEngine | undefined, work: (ocr: () => Promise<OcrEngine>) => Promise<T>): Promise<T> {
  let started: Promise<OcrEngine> | undefined;
  const get = () => (given ? Promise.resolve(given) : (started ??= createOcrEngine()));
  try {
    return await work(get);
  } finally {
    if (started) await (await started).terminate();
  }
}

function requireText(text: string): string {
  if (meaningfulChars(text) < MIN_TEXT_CHARS_PER_PAGE / 2) throw new UploadRefusal('no_text');
  return text;
}

async function readPdf(bytes: Uint8Array, pdf: OpenPdf, progress: (f: number) => void, ocr: () => Promise<OcrEngine>): Promise<ReportReading> {
  const share = 0.9 / pdf.pages.length;
  const texts: string[] = [];
  const confidences: number[] = [];
  for (const [i, page] of pdf.pages.entries()) {
    const start = 0.05 + i * share;
    const layer = await pageText(page);
    if (meaningfulChars(layer) >= MIN_TEXT_CHARS_PER_PAGE) {
      texts.push(tidyText(layer));
    } else {
      const png = await renderPage(page, ocrScale(page));
      progress(start + share * 0.2);
      const engine = await ocr();
      const result = await engine.recognize(png, (f) => progress(start + share * (0.2 + 0.8 * f)));
      texts.push(tidyText(result.text));
      confidences.push(result.confidence);
    }
    progress(start + share);
  }
  const thumbnail = await renderPage(pdf.pages[0], thumbnailScale(pdf.pages[0], THUMBNAIL_WIDTH));
  const reading: ReportReading = {
    kind: 'pdf',
    mime: UPLOAD_MIME.pdf,
    method: confidences.length > 0 ? 'ocr' : 'pdf-text',
    text: requireText(texts.filter((t) => t.length > 0).join('\n\n')),
    pages: pdf.pages.length,
    thumbnail,
    file: { bytes: Buffer.from(bytes), mime: UPLOAD_MIME.pdf },
  };
  if (confidences.length > 0) reading.ocrConfidence = confidences.reduce((a, b) => a + b, 0) / confidences.length;
  return reading;
}

async function readImage(bytes: Uint8Array, kind: 'jpeg' | 'png', progress: (f: number) => void, ocr: () => Promise<OcrEngine>): Promise<ReportReading> {
  const clean = await sanitiseImage(bytes, kind);
  const forOcr = await imageForOcr(clean.bytes, kind);
  progress(0.1);
  const engine = await ocr();
  const result = await engine.recognize(forOcr, (f) => progress(0.1 + 0.85 * f));
  return {
    kind,
    mime: UPLOAD_MIME[kind],
    method: 'ocr',
    text: requireText(tidyText(result.text)),
    pages: 1,
    thumbnail: await thumbnailPng(clean.bytes, kind),
    file: { bytes: clean.bytes, mime: UPLOAD_MIME[kind] },
    ocrConfidence: result.confidence,
  };
}

/** Checks and reads one uploaded file. Throws UploadRefusal for anything refused; other errors are ours. */
export async function readReport(bytes: Uint8Array, options: ReadReportOptions = {}): Promise<ReportReading> {
  const progress = progressReporter(options.onProgress);
  requireSize(bytes);
  const kind = requireUploadKind(bytes);
  progress(0.01);
  const reading = await withOcr(options.ocr, async (ocr) => {
    if (kind !== 'pdf') return readImage(bytes, kind, progress, ocr);
    const pdf = await openPdf(bytes);
    try {
      progress(0.05);
      return await readPdf(bytes, pdf, progress, ocr);
    } finally {
      await pdf.close();
    }
  });
  progress(1);
  return reading;
}
