/**
 * Upload fixtures made from a report's text at test time (nothing binary is committed): a text PDF, a scanned-style
 * PDF (the page as an image, no text layer), a phone-style photo (rotated, speckled, JPEG, with GPS in its EXIF),
 * and hostile files (scripts, attachments, launch actions, a malformed PDF, a decompression bomb).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';

const A4_PT = { width: 595, height: 842 };
const SCAN_DPI = 200;
const MARGIN_PT = 56;
const FONT_PT = 11;
const LINE_PT = 16;

/** Greedy word wrap of each paragraph to `fits(line)`. */
function wrap(text: string, fits: (line: string) => boolean): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && !fits(next)) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

/** A4 text PDF (Helvetica 11 pt), one line of the report per line of the page. */
export async function textPdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([A4_PT.width, A4_PT.height]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const width = A4_PT.width - 2 * MARGIN_PT;
  wrap(text, (l) => font.widthOfTextAtSize(l, FONT_PT) <= width).forEach((line, i) => {
    page.drawText(line, { x: MARGIN_PT, y: A4_PT.height - MARGIN_PT - FONT_PT - i * LINE_PT, size: FONT_PT, font });
  });
  return doc.save();
}

// Liberation Sans ships inside pdfjs-dist: the same glyphs on every machine, whatever fonts the system has.
const FONT_FILE = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts', 'LiberationSans-Regular.ttf');
let fontRegistered = false;

/** The report typeset on a white A4 page at 200 dpi: a PNG, as a scanner would see the printed page. */
function renderedPagePng(text: string): Buffer {
  if (!fontRegistered) fontRegistered = GlobalFonts.registerFromPath(FONT_FILE, 'FixtureSans') !== null;
  const px = (pt: number) => Math.round((pt * SCAN_DPI) / 72);
  const canvas = createCanvas(px(A4_PT.width), px(A4_PT.height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#111111';
  ctx.font = `${px(FONT_PT)}px FixtureSans`;
  ctx.textBaseline = 'top';
  const width = canvas.width - 2 * px(MARGIN_PT);
  wrap(text, (l) => ctx.measureText(l).width <= width).forEach((line, i) => {
    ctx.fillText(line, px(MARGIN_PT), px(MARGIN_PT) + i * px(LINE_PT));
  });
  return canvas.toBuffer('image/png');
}

/** A scanned page: the rendered page, greyscale JPEG, as the only content of a one-page PDF (no text layer). */
export async function scannedPdf(text: string): Promise<Uint8Array> {
  const jpeg = await sharp(renderedPagePng(text)).greyscale().blur(0.5).jpeg({ quality: 75 }).toBuffer();
  const doc = await PDFDocument.create();
  const page = doc.addPage([A4_PT.width, A4_PT.height]);
  page.drawImage(await doc.embedJpg(jpeg), { x: 0, y: 0, width: A4_PT.width, height: A4_PT.height });
  return doc.save();
}

/** GPS position written into the photo's EXIF, which the upload must strip. */
const PHOTO_GPS = { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 2600/100', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 3900/100' };

/** A phone photo of the printed page: tilted 1.5°, on warm paper, speckled, softened, JPEG at quality 70, with GPS EXIF. */
export async function photoJpeg(text: string): Promise<Buffer> {
  // sharp composites after it resizes: tilt and shrink first, then speckle the result.
  const rotated = await sharp(renderedPagePng(text)).rotate(1.5, { background: '#ffffff' }).toBuffer({ resolveWithObject: true });
  const tilted = await sharp(rotated.data).resize({ width: Math.round(rotated.info.width * 0.9) }).toBuffer({ resolveWithObject: true });
  const { width, height } = tilted.info;
  const speckle = await sharp({ create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 225, sigma: 18 } } })
    .png()
    .toBuffer();
  return sharp(tilted.data)
    .flatten({ background: '#ffffff' })
    .composite([{ input: speckle, blend: 'multiply' }])
    .tint('#f3ead8')
    .blur(0.7)
    .withExif({ IFD0: { Make: 'FixturePhone', Model: 'Camera 1' }, IFD3: PHOTO_GPS })
    .jpeg({ quality: 70 })
    .toBuffer();
}

type Active = 'javascript' | 'attachment' | 'launch';

/** A small text PDF carrying one kind of active content; `objectStreams` hides it inside compressed object streams. */
export async function activePdf(kind: Active, options: { objectStreams: boolean }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([A4_PT.width, A4_PT.height]);
  page.drawText('MRI thoracic spine: the report is on the next line of this harmless-looking page.', { x: 50, y: 700, size: 10 });
  if (kind === 'javascript') {
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert("hi")') }));
  } else if (kind === 'launch') {
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ Type: 'Action', S: 'Launch', F: PDFString.of('calc.exe') }));
  } else {
    await doc.attach(new TextEncoder().encode('#!/bin/sh\necho owned\n'), 'payload.sh', { mimeType: 'text/x-sh' });
  }
  return doc.save({ useObjectStreams: options.objectStreams });
}

/** Starts like a PDF, is not one. */
export function malformedPdf(): Uint8Array {
  const junk = Buffer.alloc(4096);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 251;
  return Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R'), junk]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A real decompression bomb: a valid 1-bit greyscale PNG of `side`×`side` white pixels (12,000² = 144 megapixels,
 * ~18 MB raw, a few hundred KB at 8 bits) in some 20 KB.
 */
export function bombPng(side = 12_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, adaptive filter, no interlace
  const row = Buffer.alloc(1 + Math.ceil(side / 8), 0xff);
  row[0] = 0; // filter: none
  const raw = Buffer.concat(Array.from({ length: side }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Levenshtein distance (two rows). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** Characters right / total: 1 − edit distance ÷ source length, whitespace runs counted as one space. */
export function characterAccuracy(source: string, read: string): number {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  const a = norm(source);
  return Math.max(0, 1 - editDistance(a, norm(read)) / a.length);
}
