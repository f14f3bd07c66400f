import 'server-only';
import { MAX_UPLOAD_BYTES } from '@/lib/uploads/limits';

/** Room for the multipart boundaries and part headers around a file of the maximum size. */
const MULTIPART_OVERHEAD = 64 * 1024;

export type UploadBody = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too_large' | 'no_file' };

/**
 * The `file` field of a multipart/form-data request, its body read chunk by chunk and abandoned as soon as it passes
 * the upload limit (a lying or missing Content-Length never makes us hold more than ~10 MB). The file's name and
 * declared type are ignored: only its bytes count.
 */
export async function readUploadBody(req: Request, field = 'file'): Promise<UploadBody> {
  const max = MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD;
  if (Number(req.headers.get('content-length') ?? 0) > max) return { ok: false, reason: 'too_large' };
  if (!req.body) return { ok: false, reason: 'no_file' };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: 'too_large' };
    }
    chunks.push(value);
  }
  let form: FormData;
  try {
    form = await new Response(Buffer.concat(chunks), { headers: { 'content-type': req.headers.get('content-type') ?? '' } }).formData();
  } catch {
    return { ok: false, reason: 'no_file' };
  }
  const file = form.get(field);
  if (!(file instanceof Blob)) return { ok: false, reason: 'no_file' };
  return { ok: true, bytes: new Uint8Array(await file.arrayBuffer()) };
}
