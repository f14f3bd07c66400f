/**
 * Photos of a report: dimensions read from the header and checked before any pixel is decoded (a 20 KB PNG can
 * hold a 150-megapixel image), then re-encoded by sharp, which drops EXIF/GPS and every other metadata block.
 */
import 'server-only';
import sharp from 'sharp';
import { UploadRefusal } from './errors';
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from './limits';

export interface ImageSize {
  width: number;
  height: number;
}

const u16 = (b: Uint8Array, at: number): number => (b[at] << 8) | b[at + 1];
const u32 = (b: Uint8Array, at: number): number => ((b[at] << 24) >>> 0) + (b[at + 1] << 16) + (b[at + 2] << 8) + b[at + 3];

function pngSize(b: Uint8Array): ImageSize | null {
  // signature (8), IHDR length (4), "IHDR" (4), width (4), height (4)
  if (b.length < 24 || String.fromCharCode(b[12], b[13], b[14], b[15]) !== 'IHDR') return null;
  return { width: u32(b, 16), height: u32(b, 20) };
}

// Start-of-frame markers carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames.
const isStartOfFrame = (m: number): boolean => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function jpegSize(b: Uint8Array): ImageSize | null {
  let i = 2;
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) { i += 1; continue; } // fill byte
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { i += 2; continue; } // no length
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / start of scan before any frame
    const length = u16(b, i + 2);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) return i + 8 < b.length ? { height: u16(b, i + 5), width: u16(b, i + 7) } : null;
    i += 2 + length;
  }
  return null;
}

/** The size the header declares, without decoding; null when the header is not readable. */
export function imageHeaderSize(bytes: Uint8Array, kind: 'jpeg' | 'png'): ImageSize | null {
  return kind === 'png' ? pngSize(bytes) : jpegSize(bytes);
}

/** Refuses decompression bombs and unreadable headers before anything is decoded. */
export function checkImageHeader(bytes: Uint8Array, kind: 'jpeg' | 'png'): ImageSize {
  const size = imageHeaderSize(bytes, kind);
  if (size === null || size.width === 0 || size.height === 0) throw new UploadRefusal('image_malformed');
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE || size.width * size.height > MAX_IMAGE_PIXELS) {
    throw new UploadRefusal('image_too_large');
  }
  return size;
}

// sharp's own pixel limit stays on as a second guard (the header check above comes first).
const open = (bytes: Uint8Array) => sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' });

async function decoding<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof UploadRefusal) throw err;
    throw new UploadRefusal('image_malformed', { cause: err });
  }
}

export interface CleanImage extends ImageSize {
  bytes: Buffer;
  kind: 'jpeg' | 'png';
}

/**
 * The photo to keep and show: upright (EXIF orientation applied), same format, every metadata block (EXIF, GPS,
 * XMP, ICC comments) dropped.
 */
export async function sanitiseImage(bytes: Uint8Array, kind: 'jpeg' | 'png'): Promise<CleanImage> {
  checkImageHeader(bytes, kind);
  return decoding(async () => {
    const pipeline = open(bytes).rotate();
    const { data, info } = await (kind === 'jpeg' ? pipeline.jpeg({ quality: 90 }) : pipeline.png()).toBuffer({ resolveWithObject: true });
    return { bytes: data, kind, width: info.width, height: info.height };
  });
}

/** Longest side given to OCR: a 12-megapixel phone photo is read as well at this size, and much faster. */
const OCR_MAX_SIDE = 3500;

/** Upright, white background, greyscale PNG, at most OCR_MAX_SIDE a side: what tesseract reads. */
export async function imageForOcr(bytes: Uint8Array, kind: 'jpeg' | 'png'): Promise<Buffer> {
  checkImageHeader(bytes, kind);
  return decoding(() =>
    open(bytes)
      .rotate()
      .flatten({ background: '#ffffff' })
      .greyscale()
      .resize({ width: OCR_MAX_SIDE, height: OCR_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer(),
  );
}

export const THUMBNAIL_WIDTH = 320;

/** A small PNG for the confirmation screen. */
export async function thumbnailPng(bytes: Uint8Array, kind: 'jpeg' | 'png'): Promise<Buffer> {
  checkImageHeader(bytes, kind);
  return decoding(() =>
    open(bytes)
      .rotate()
      .flatten({ background: '#ffffff' })
      .resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true })
      .png()
      .toBuffer(),
  );
}
