import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { apiWriteGuard } from '@/lib/auth/guards';
import { readUploadBody } from '@/lib/intake-files/read-upload-body';
import { uploadIntakeFile } from '@/lib/intake-files/upload-intake-file';
import { rateLimitedResponse } from '@/lib/rate-limit/enforce';
import { UploadRefusal } from '@/lib/uploads';
import { withDatabaseErrors } from '@/lib/http';

export const dynamic = 'force-dynamic';

const refusal = (err: UploadRefusal) => NextResponse.json({ error: err.code, message: err.message }, { status: err.status });

/**
 * CONTRACTS §7: a signed-in patient uploads an MRI report (multipart/form-data, field `file`; PDF, JPEG or PNG by its
 * bytes; ≤ 10 MB, ≤ 5 pages) → 202 {"id","status":"reading"}, read by a job. 415 {"error":"unsupported_type"},
 * 413 {"error":"too_large"}, 422 {"error":code,"message"} for a file we will not open; nothing stored on a refusal.
 * 400 {"error":"no_file"} without a `file` part; 429 over RATE_LIMIT_UPLOADS (refused files count).
 */
async function handlePost(req: Request) {
  const guard = await apiWriteGuard(req, ['patient'], 'intake_file', 'multipart/form-data');
  if (!guard.ok) return guard.response;
  const limited = await rateLimitedResponse('upload', guard.user);
  if (limited) return limited;
  const body = await readUploadBody(req);
  if (!body.ok) {
    return body.reason === 'too_large'
      ? refusal(new UploadRefusal('too_large'))
      : NextResponse.json({ error: 'no_file', message: 'Choose a file to upload (a PDF, JPEG or PNG of your MRI report).' }, { status: 400 });
  }
  try {
    const stored = await uploadIntakeFile(await getDb(), guard.user, body.bytes);
    return NextResponse.json(stored, { status: 202, headers: { location: `/api/intake-files/${stored.id}` } });
  } catch (err) {
    if (err instanceof UploadRefusal) return refusal(err);
    throw err;
  }
}

export const POST = withDatabaseErrors(handlePost);
