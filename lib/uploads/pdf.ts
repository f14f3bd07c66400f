/**
 * PDFs through Mozilla's pdf.js (legacy build: the one meant for Node): safety checks on the parsed document, the
 * text layer page by page, and pages rendered to PNG (with @napi-rs/canvas) for OCR and thumbnails. Every asset
 * pdf.js may want (standard fonts, CMaps, image-decoder wasm) is read from node_modules; nothing is fetched.
 */
import 'server-only';
import { createCanvas } from '@napi-rs/canvas';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { UploadRefusal } from './errors';
import { MAX_IMAGE_PIXELS, MAX_PDF_PAGE_SIDE_PT, MAX_UPLOAD_PAGES } from './limits';
import { packageDir } from './package-dir';
import { findActiveContent, type ActiveContent } from './pdf-safety';
import { loadPdfjs } from './pdfjs';


const REFUSAL: Record<ActiveContent, 'pdf_scripts' | 'pdf_attachments' | 'pdf_launch' | 'pdf_malformed'> = {
  scripts: 'pdf_scripts',
  attachments: 'pdf_attachments',
  launch: 'pdf_launch',
  unreadable: 'pdf_malformed',
};
// Scripts first: the message the patient most needs when a file has several.
const ORDER: ActiveContent[] = ['scripts', 'launch', 'attachments', 'unreadable'];

function refuseActive(found: Set<ActiveContent>): void {
  const first = ORDER.find((k) => found.has(k));
  if (first) throw new UploadRefusal(REFUSAL[first]);
}

/** An open PDF; `close()` it when done. */
export interface OpenPdf {
  doc: PDFDocumentProxy;
  pages: PDFPageProxy[];
  close(): Promise<void>;
}

/**
 * Opens a PDF after the byte-level safety scan, and refuses it when it is malformed, password-protected, longer
 * than MAX_UPLOAD_PAGES, has a page bigger than MAX_PDF_PAGE_SIDE_PT, or carries scripts, attachments or launch
 * actions in its parsed structure.
 */
export async function openPdf(bytes: Uint8Array): Promise<OpenPdf> {
  refuseActive(findActiveContent(bytes));
  const PDFJS_DIR = packageDir('pdfjs-dist');
  const { getDocument } = await loadPdfjs();
  const task = getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of (detaches) the buffer it is given
    standardFontDataUrl: `${PDFJS_DIR}/standard_fonts/`,
    cMapUrl: `${PDFJS_DIR}/cmaps/`,
    cMapPacked: true,
    wasmUrl: `${PDFJS_DIR}/wasm/`,
    iccUrl: `${PDFJS_DIR}/iccs/`,
    useSystemFonts: false,
    isEvalSupported: false,
    enableXfa: false,
    maxImageSize: MAX_IMAGE_PIXELS,
    verbosity: 0,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy();
    const name = err instanceof Error ? err.name : '';
    throw new UploadRefusal(name === 'PasswordException' ? 'pdf_encrypted' : 'pdf_malformed', { cause: err });
  }
  const close = () => task.destroy();
  try {
    if (doc.numPages > MAX_UPLOAD_PAGES) throw new UploadRefusal('too_many_pages');
    const pages: PDFPageProxy[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await doc.getPage(n));
    for (const page of pages) {
      const [x0, y0, x1, y1] = page.view;
      if (Math.abs(x1 - x0) > MAX_PDF_PAGE_SIDE_PT || Math.abs(y1 - y0) > MAX_PDF_PAGE_SIDE_PT) throw new UploadRefusal('page_too_large');
    }
    refuseActive(await parsedActiveContent(doc, pages));
    return { doc, pages, close };
  } catch (err) {
    await close();
    if (err instanceof UploadRefusal) throw err;
    throw new UploadRefusal('pdf_malformed', { cause: err });
  }
}

/** The same kinds of active content, as pdf.js parsed them (catches what hides in unusual encodings). */
export async function parsedActiveContent(doc: PDFDocumentProxy, pages: PDFPageProxy[]): Promise<Set<ActiveContent>> {
  const found = new Set<ActiveContent>();
  const { AnnotationType } = await loadPdfjs();
  if (await doc.getJSActions()) found.add('scripts');
  const { info } = await doc.getMetadata();
  if (doc.isPureXfa || (info as { IsXFAPresent?: boolean }).IsXFAPresent) found.add('scripts');
  const attachments: unknown = await doc.getAttachments();
  if (attachments && Object.keys(attachments).length > 0) found.add('attachments');
  for (const page of pages) {
    const actions: unknown = await page.getJSActions();
    if (actions && Object.keys(actions).length > 0) found.add('scripts');
    for (const a of (await page.getAnnotations()) as { annotationType: number; actions?: object; attachment?: unknown }[]) {
      if (a.annotationType === AnnotationType.FILEATTACHMENT || a.attachment) found.add('attachments');
      if (a.actions && Object.keys(a.actions).length > 0) found.add('scripts');
    }
  }
  return found;
}

/** The page's text layer, a line per line of the page. */
export async function pageText(page: PDFPageProxy): Promise<string> {
  const content = await page.getTextContent();
  let text = '';
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const t = item as TextItem;
    text += t.str;
    if (t.hasEOL) text += '\n';
  }
  return text;
}

/** The page drawn on white, scale 1 = 72 dpi; PNG, greyscale by colour only (the OCR step converts). */
export async function renderPage(page: PDFPageProxy, scale: number): Promise<Buffer> {
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  // pdf.js types its canvas as the DOM's; @napi-rs/canvas implements the part it uses (pdf.js's own Node path).
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: ctx as unknown as CanvasRenderingContext2D, viewport }).promise;
  return canvas.toBuffer('image/png');
}

/** Scale for OCR: 200 dpi, and never more than OCR_MAX_SIDE_PX on the longer side. */
const OCR_DPI = 200;
const OCR_MAX_SIDE_PX = 3500;
export function ocrScale(page: PDFPageProxy): number {
  const [x0, y0, x1, y1] = page.view;
  const side = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
  return Math.min(OCR_DPI / 72, OCR_MAX_SIDE_PX / side);
}

export function thumbnailScale(page: PDFPageProxy, width: number): number {
  const [x0, , x1] = page.view;
  return width / Math.abs(x1 - x0);
}
