/**
 * Active content in a PDF, found in its bytes before any PDF library parses it: scripts (/JS, /JavaScript),
 * files inside the file (/EmbeddedFile(s), /FileAttachment, /RichMedia, /GoToE) and launch actions (/Launch).
 *
 * Names are read with their #xx escapes decoded (/J#61vaScript is /JavaScript). Stream data is skipped (compressed
 * bytes would otherwise match by chance), except compressed object streams (/Type /ObjStm), which hold ordinary
 * objects and are inflated (bounded) and read too; one that is not plain Flate, or inflates past the bound, makes
 * the file 'unreadable' (real report PDFs use Flate). pdf.ts checks the parsed document again.
 */
import 'server-only';
import { inflateSync } from 'node:zlib';

/** 'unreadable': an object stream we cannot inflate (another filter, or too big), so cannot vouch for. */
export type ActiveContent = 'scripts' | 'attachments' | 'launch' | 'unreadable';

const NAME_KIND: Record<string, ActiveContent> = {
  JS: 'scripts',
  JavaScript: 'scripts',
  EmbeddedFile: 'attachments',
  EmbeddedFiles: 'attachments',
  FileAttachment: 'attachments',
  RichMedia: 'attachments',
  GoToE: 'attachments',
  Launch: 'launch',
};

// A name: '/' then regular characters (anything but whitespace and the delimiters ()<>[]{}/%).
const NAME_RE = /\/([^\s()<>[\]{}/%]*)/g;
const STREAM_RE = /\bstream(?:\r\n|\n|\r)/g;
/** Inflated object streams are small (objects, not pixels); a bigger one is read up to here and no further. */
const MAX_INFLATED_BYTES = 16 * 1024 * 1024;

function decodeName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function namesIn(text: string, found: Set<ActiveContent>): void {
  for (const m of text.matchAll(NAME_RE)) {
    const kind = NAME_KIND[decodeName(m[1])];
    if (kind) found.add(kind);
  }
}

function inflateObjectStream(data: Uint8Array): string | null {
  try {
    return inflateSync(data, { maxOutputLength: MAX_INFLATED_BYTES, finishFlush: 2 /* Z_SYNC_FLUSH: keep a truncated stream */ }).toString('latin1');
  } catch {
    return null;
  }
}

/** "/Filter /FlateDecode" or "/Filter [/FlateDecode]": one Flate filter, nothing chained, no parameters. */
const FLATE_ONLY_RE = /\/Filter\s*(?:\/FlateDecode\b|\[\s*\/FlateDecode\s*\])/;

/** Every kind of active content the bytes name, outside stream data and inside object streams. */
export function findActiveContent(bytes: Uint8Array): Set<ActiveContent> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const found = new Set<ActiveContent>();
  let from = 0;
  STREAM_RE.lastIndex = 0;
  for (let m = STREAM_RE.exec(text); m !== null; m = STREAM_RE.exec(text)) {
    const dataStart = m.index + m[0].length;
    const outside = text.slice(from, m.index);
    namesIn(outside, found);
    const end = text.indexOf('endstream', dataStart);
    const dataEnd = end < 0 ? text.length : end;
    // The stream's dictionary is the text since the last "obj" keyword.
    // Comments ("/Type %x\n/ObjStm") and #xx escapes ("/Obj#53tm") must not hide an object stream.
    const dict = decodeName(outside.slice(Math.max(0, outside.lastIndexOf(' obj'))).replace(/%[^\r\n]*/g, ' '));
    if (/\/Type\s*\/ObjStm\b/.test(dict)) {
      const objects = FLATE_ONLY_RE.test(dict) && !/\/DecodeParms\b/.test(dict) ? inflateObjectStream(bytes.subarray(dataStart, dataEnd)) : null;
      if (objects === null) found.add('unreadable');
      else namesIn(objects, found);
    }
    from = dataEnd;
    STREAM_RE.lastIndex = dataEnd;
  }
  namesIn(text.slice(from), found);
  return found;
}
