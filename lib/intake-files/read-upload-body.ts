import 'server-only';
import { readBodyCapped } from '@/lib/http';
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
  if (!req.body) return { ok: false, reason: 'no_file' };
  const body = await readBodyCapped(req, MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD);
  if (body === null) return { ok: false, reason: 'too_large' };
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': req.headers.get('content-type') ?? '' } }).formData();
  } catch {
    return { ok: false, reason: 'no_file' };
  }
  const file = form.get(field);
  if (!(file instanceof Blob)) return { ok: false, reason: 'no_file' };
  return { ok: true, bytes: new Uint8Array(await file.arrayBuffer()) };
}
