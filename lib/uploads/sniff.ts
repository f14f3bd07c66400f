/**
 * What an upload is, by its first bytes only: the file name and the browser's declared type never count, so a
 * renamed executable ("report.pdf") is refused.
 */
import { UploadRefusal } from './errors';

export type UploadKind = 'pdf' | 'jpeg' | 'png';

export const UPLOAD_MIME: Record<UploadKind, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** For logs: what a refused file looked like. */
type UnsupportedKind = 'empty' | 'executable' | 'archive' | 'markup' | 'unknown';

export type Sniffed = { kind: UploadKind } | { kind: null; looksLike: UnsupportedKind };

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const EXECUTABLES: readonly (readonly number[])[] = [
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x4d, 0x5a], // MZ: Windows PE/DOS
  [0x23, 0x21], // #! script
  [0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], // Mach-O
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O fat binary / Java class
  [0x00, 0x61, 0x73, 0x6d], // WebAssembly
];
const ARCHIVES: readonly (readonly number[])[] = [
  [0x50, 0x4b, 0x03, 0x04], // zip (docx, jar, apk…)
  [0x1f, 0x8b], // gzip
  [0x52, 0x61, 0x72, 0x21], // rar
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
];

export function sniffUpload(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, PDF)) return { kind: 'pdf' };
  if (startsWith(bytes, PNG)) return { kind: 'png' };
  if (startsWith(bytes, JPEG)) return { kind: 'jpeg' };
  if (bytes.length === 0) return { kind: null, looksLike: 'empty' };
  if (EXECUTABLES.some((m) => startsWith(bytes, m))) return { kind: null, looksLike: 'executable' };
  if (ARCHIVES.some((m) => startsWith(bytes, m))) return { kind: null, looksLike: 'archive' };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256)).trimStart().toLowerCase();
  if (head.startsWith('<')) return { kind: null, looksLike: 'markup' };
  return { kind: null, looksLike: 'unknown' };
}

/** The kind of an allowed upload; a refusal (415 unsupported_type) for anything else. */
export function requireUploadKind(bytes: Uint8Array): UploadKind {
  const sniffed = sniffUpload(bytes);
  if (sniffed.kind === null) throw new UploadRefusal('unsupported_type');
  return sniffed.kind;
}
