/**
 * The acceptance fixtures of issue 16, made here from the seed report: a text PDF, a scanned-style PDF and a phone
 * photo. Each must yield text from which the engine finds what the report says (Modic type 1 and vertebral height
 * loss at T5 and T7). OCR runs on one tesseract worker shared by the file, with everything loaded from
 * node_modules (this machine has no internet: a download attempt would fail the test).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { characterAccuracy, photoJpeg, scannedPdf, textPdf } from '@/lib/testing/upload-fixtures';
import { extractMriFindings } from '@/lib/triage';
import { RIGHT_SCAPULA_MRI_REPORT } from '@/lib/triage/mri/corpus/forum-seeds';
import { createOcrEngine, readReport, type OcrEngine, type ReportReading } from '@/lib/uploads';
import { ocrAssetPaths } from './ocr';

const REPORT = RIGHT_SCAPULA_MRI_REPORT;

function expectSeedFindings(text: string): void {
  const findings = extractMriFindings(text).filter((f) => !f.negated);
  expect(findings.find((f) => f.code === 'modic_1')?.levels).toEqual(['T5', 'T7']);
  expect(findings.find((f) => f.code === 'vertebral_height_loss')?.levels).toEqual(['T5', 'T7']);
}

async function readWithProgress(bytes: Uint8Array, ocr?: OcrEngine): Promise<{ reading: ReportReading; progress: number[] }> {
  const progress: number[] = [];
  const reading = await readReport(bytes, { ocr, onProgress: (f) => progress.push(f) });
  expect(progress.at(-1)).toBe(1);
  expect(progress.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f > progress[i - 1]))).toBe(true);
  return { reading, progress };
}

const accuracy: Record<string, number> = {};

describe('reading the seed report from a file', () => {
  let ocr: OcrEngine;
  beforeAll(async () => {
    ocr = await createOcrEngine();
  }, 60_000);
  afterAll(async () => {
    await ocr?.terminate();
    console.log(`OCR accuracy (characters right / total): ${JSON.stringify(accuracy)}`);
  });

  it('loads OCR from local files only and writes no model cache', () => {
    for (const p of Object.values(ocrAssetPaths())) expect(existsSync(p), p).toBe(true);
    expect(existsSync(path.join(ocrAssetPaths().langPath, 'eng.traineddata.gz'))).toBe(true);
    expect(existsSync('eng.traineddata')).toBe(false);
  });

  it('a text PDF: its text layer, exact, no OCR', async () => {
    const { reading } = await readWithProgress(await textPdf(REPORT));
    expect(reading.method).toBe('pdf-text');
    expect(reading.kind).toBe('pdf');
    expect(reading.ocrConfidence).toBeUndefined();
    accuracy.textPdf = characterAccuracy(REPORT, reading.text);
    expect(accuracy.textPdf).toBe(1);
    expectSeedFindings(reading.text);
    const thumb = await sharp(reading.thumbnail).metadata();
    expect([thumb.format, thumb.width]).toEqual(['png', 320]);
  });

  it('a scanned PDF (the page as a JPEG, no text layer): OCR', async () => {
    const { reading, progress } = await readWithProgress(await scannedPdf(REPORT), ocr);
    expect(reading.method).toBe('ocr');
    expect(progress.length).toBeGreaterThan(3);
    accuracy.scannedPdf = characterAccuracy(REPORT, reading.text);
    expect(accuracy.scannedPdf).toBeGreaterThan(0.95);
    expectSeedFindings(reading.text);
    expect((await sharp(reading.thumbnail).metadata()).width).toBe(320);
  }, 180_000);

  it('a phone photo (tilted, speckled, JPEG, GPS in EXIF): OCR, stored without EXIF', async () => {
    const { reading } = await readWithProgress(await photoJpeg(REPORT), ocr);
    expect(reading.method).toBe('ocr');
    expect(reading.kind).toBe('jpeg');
    accuracy.photo = characterAccuracy(REPORT, reading.text);
    expect(accuracy.photo).toBeGreaterThan(0.9);
    expectSeedFindings(reading.text);
    expect((await sharp(reading.file.bytes).metadata()).exif).toBeUndefined();
    expect(existsSync('eng.traineddata')).toBe(false);
  }, 180_000);
});
