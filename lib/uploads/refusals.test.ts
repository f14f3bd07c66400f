import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { activePdf, bombPng, malformedPdf, photoJpeg, textPdf } from '@/lib/testing/upload-fixtures';
import { RIGHT_SCAPULA_MRI_REPORT } from '@/lib/triage/mri/corpus/forum-seeds';
import { inspectUpload, readReport, sniffUpload, UploadRefusal, type UploadRefusalCode } from '@/lib/uploads';
import { checkImageHeader, imageHeaderSize, sanitiseImage } from './image';
import { openPdf, parsedActiveContent } from './pdf';
import { findActiveContent } from './pdf-safety';

/** Runs `read` and returns its refusal (failing the test when it did not refuse). */
async function refusal(read: Promise<unknown>): Promise<UploadRefusal> {
  const err = await read.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(UploadRefusal);
  return err as UploadRefusal;
}

async function expectRefused(bytes: Uint8Array, code: UploadRefusalCode, status: number = 422): Promise<string> {
  for (const read of [inspectUpload(bytes), readReport(bytes)]) {
    const err = await refusal(read);
    expect(err.code).toBe(code);
    expect(err.status).toBe(status);
    expect(err.message.length).toBeGreaterThan(30);
  }
  return (await refusal(inspectUpload(bytes))).message;
}

async function pdfWithPages(sizes: [number, number][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const size of sizes) doc.addPage(size).drawText('MRI report page', { x: 20, y: 20, size: 10 });
  return doc.save();
}

describe('what an upload is: magic bytes, never the name', () => {
  it('knows PDF, PNG and JPEG by their first bytes', async () => {
    expect(sniffUpload(await textPdf('x'))).toEqual({ kind: 'pdf' });
    expect(sniffUpload(bombPng(16))).toEqual({ kind: 'png' });
    expect(sniffUpload(await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).jpeg().toBuffer())).toEqual({ kind: 'jpeg' });
  });

  it('refuses a renamed executable (this machine\'s /bin/true, "report.pdf") with 415 and a message', async () => {
    const elf = readFileSync('/bin/true');
    expect(sniffUpload(elf)).toEqual({ kind: null, looksLike: 'executable' });
    const message = await expectRefused(elf, 'unsupported_type', 415);
    expect(message).toMatch(/PDF, JPEG or PNG/);
    expect(sniffUpload(Buffer.from('MZ\x90\x00rest of a windows program'))).toEqual({ kind: null, looksLike: 'executable' });
    expect(sniffUpload(Buffer.from('#!/bin/sh\nrm -rf /\n'))).toEqual({ kind: null, looksLike: 'executable' });
    expect(sniffUpload(Buffer.from('PK\x03\x04 a docx'))).toEqual({ kind: null, looksLike: 'archive' });
    expect(sniffUpload(Buffer.from('  <html><script>'))).toEqual({ kind: null, looksLike: 'markup' });
    expect(sniffUpload(new Uint8Array())).toEqual({ kind: null, looksLike: 'empty' });
    // A PDF signature anywhere but the start does not count.
    await expectRefused(Buffer.from('junk%PDF-1.7\n'), 'unsupported_type', 415);
  });
});

describe('PDF safety', () => {
  it('refuses a malformed PDF', async () => {
    expect(await expectRefused(malformedPdf(), 'pdf_malformed')).toMatch(/damaged/);
  });

  it('refuses files over 10 MB with 413, before reading them', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    big.write('%PDF-1.7\n');
    await expectRefused(big, 'too_large', 413);
  });

  it('refuses more than 5 pages, and a page bigger than a poster', async () => {
    const a4: [number, number] = [595, 842];
    expect((await inspectUpload(await pdfWithPages([a4, a4, a4, a4, a4]))).pages).toBe(5);
    await expectRefused(await pdfWithPages([a4, a4, a4, a4, a4, a4]), 'too_many_pages');
    await expectRefused(await pdfWithPages([[4000, 842]]), 'page_too_large');
  });

  for (const objectStreams of [false, true]) {
    const where = objectStreams ? 'inside compressed object streams' : 'in plain objects';
    it(`refuses scripts, attached files and launch actions ${where}, each with its own message`, async () => {
      expect(await expectRefused(await activePdf('javascript', { objectStreams }), 'pdf_scripts')).toBe(
        "This PDF contains scripts, so we can't open it safely. Please export it again or upload a photo of the pages.",
      );
      expect(await expectRefused(await activePdf('attachment', { objectStreams }), 'pdf_attachments')).toMatch(/files hidden inside/);
      expect(await expectRefused(await activePdf('launch', { objectStreams }), 'pdf_launch')).toMatch(/start other programs/);
    });
  }

  it('reads object streams whose dictionary hides behind #xx escapes or comments, and refuses one it cannot inflate', async () => {
    for (const [kind, code] of [['javascript', 'pdf_scripts'], ['attachment', 'pdf_attachments'], ['launch', 'pdf_launch']] as const) {
      const latin1 = Buffer.from(await activePdf(kind, { objectStreams: true })).toString('latin1');
      expect(latin1).toContain('/ObjStm');
      await expectRefused(Buffer.from(latin1.replaceAll('/ObjStm', '/Obj#53tm'), 'latin1'), code);
      await expectRefused(Buffer.from(latin1.replaceAll('/Type /ObjStm', '/Type %comment\n/ObjStm'), 'latin1'), code);
    }
    const text = Buffer.from(await textPdf(RIGHT_SCAPULA_MRI_REPORT)).toString('latin1');
    const lzw = text.replace(/\/FlateDecode(\s*\/Type \/ObjStm)/, '/LZWDecode$1');
    expect(lzw).not.toBe(text);
    expect([...findActiveContent(Buffer.from(lzw, 'latin1'))]).toEqual(['unreadable']);
    await expectRefused(Buffer.from(lzw, 'latin1'), 'pdf_malformed');
  });

  it('checks the parsed document too (what pdf.js finds after it has decoded everything)', async () => {
    // openPdf would refuse these from their bytes already; parsedActiveContent is the second, independent look.
    const opened = await openPdf(await textPdf('A clean report page.'));
    expect((await parsedActiveContent(opened.doc, opened.pages)).size).toBe(0);
    await opened.close();
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    for (const [kind, found] of [['javascript', 'scripts'], ['attachment', 'attachments']] as const) {
      const doc = await getDocument({ data: await activePdf(kind, { objectStreams: true }), verbosity: 0 }).promise;
      const pages = [await doc.getPage(1)];
      expect([...(await parsedActiveContent(doc, pages))]).toEqual([found]);
      await doc.destroy();
    }
  });

  it('finds active content in the bytes: in object streams, behind #xx escapes, never in stream data', async () => {
    expect([...findActiveContent(await activePdf('javascript', { objectStreams: true }))]).toEqual(['scripts']);
    expect([...findActiveContent(await activePdf('attachment', { objectStreams: true }))]).toEqual(['attachments']);
    const plain = Buffer.from(await activePdf('javascript', { objectStreams: false })).toString('latin1');
    const escaped = plain.replace('/JavaScript', '/J#61vaScript').replace('/JS ', '/J#53 ');
    expect([...findActiveContent(Buffer.from(escaped, 'latin1'))]).toEqual(['scripts']);
    expect(findActiveContent(await textPdf(RIGHT_SCAPULA_MRI_REPORT)).size).toBe(0);
    const inData = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Length 20 >>\nstream\n/JS /JavaScript junk\nendstream\nendobj\n', 'latin1');
    expect(findActiveContent(inData).size).toBe(0);
  });
});

describe('images', () => {
  it('refuses a decompression bomb from its header, before decoding it', async () => {
    const bomb = bombPng(); // 12,000 × 12,000 (144 megapixels) in ~32 KB
    expect(bomb.length).toBeLessThan(100_000);
    expect(imageHeaderSize(bomb, 'png')).toEqual({ width: 12_000, height: 12_000 });
    expect(await expectRefused(bomb, 'image_too_large')).toMatch(/too large/);
    // 10,001 px on one side is too much even at few megapixels; 40 MP in a square is allowed.
    const wide = bombPng(16);
    wide.writeUInt32BE(0, 16);
    expect(() => checkImageHeader(wide, 'png')).toThrow(expect.objectContaining({ code: 'image_malformed' }));
    wide.writeUInt32BE(10_001, 16);
    expect(() => checkImageHeader(wide, 'png')).toThrow(expect.objectContaining({ code: 'image_too_large' }));
    wide.writeUInt32BE(6_000, 16);
    wide.writeUInt32BE(6_000, 20);
    expect(checkImageHeader(wide, 'png')).toEqual({ width: 6_000, height: 6_000 });
  });

  it('reads a JPEG\'s size from its frame header and refuses a truncated one', async () => {
    const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#fff' } }).withExif({ IFD0: { Make: 'x' } }).jpeg().toBuffer();
    expect(imageHeaderSize(jpeg, 'jpeg')).toEqual({ width: 640, height: 480 });
    expect(imageHeaderSize(jpeg.subarray(0, 10), 'jpeg')).toBeNull();
    await expectRefused(jpeg.subarray(0, 10), 'image_malformed');
  });

  it('re-encodes photos without their EXIF and GPS', async () => {
    const photo = await photoJpeg('Modic type 1 changes at T5 and T7.');
    const before = await sharp(photo).metadata();
    expect(before.exif?.toString('latin1')).toContain('FixturePhone');
    const clean = await sanitiseImage(photo, 'jpeg');
    const after = await sharp(clean.bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.format).toBe('jpeg');
    expect([clean.width, clean.height]).toEqual([before.width, before.height]);
  });
});
