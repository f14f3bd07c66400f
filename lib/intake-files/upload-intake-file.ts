import 'server-only';
import { createHash } from 'node:crypto';
import type { Db } from '@/db';
import { insertIntakeFile } from '@/db/queries/intake-files';
import { audit } from '@/lib/audit';
import type { ActorRef } from '@/lib/domain/actor';
import { enqueueJob, enqueueJobInTransaction } from '@/lib/jobs';
import { inspectUpload, UploadRefusal } from '@/lib/uploads';
import { READ_INTAKE_FILE_JOB } from './job-names';

/**
 * Takes an uploaded MRI report (CONTRACTS §7): every check that needs no reading (size, type by magic bytes, PDF
 * safety and structure, image header) runs first and throws UploadRefusal — nothing is stored then. A file that
 * passes is stored (status 'reading') and its reading job queued in the SAME transaction, so the job exists exactly
 * when the row does. The request never waits for the reading. Refusals are audited as denied.
 */
export async function uploadIntakeFile(db: Db, uploader: ActorRef & { id: string }, bytes: Uint8Array): Promise<{ id: string; status: 'reading' }> {
  let checked: Awaited<ReturnType<typeof inspectUpload>>;
  try {
    checked = await inspectUpload(bytes);
  } catch (err) {
    if (err instanceof UploadRefusal) {
      await audit({ actor: uploader, action: 'intake_file.upload', resourceType: 'intake_file', patientId: uploader.id, outcome: 'denied', details: { refusal: err.code, bytes: bytes.byteLength } });
    }
    throw err;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const stored = await db.transaction(async (tx) => {
    const { id } = await insertIntakeFile(tx, {
      uploaderId: uploader.id,
      pages: checked.pages,
      original: Buffer.from(bytes),
      mime: checked.mime,
      sizeBytes: bytes.byteLength,
      sha256,
      // A photo is always read by OCR; a PDF's method is known once its pages are looked at.
      method: checked.kind === 'pdf' ? null : 'ocr',
    });
    const jobId = await enqueueJobInTransaction(tx, READ_INTAKE_FILE_JOB, { fileId: id }, { singletonKey: `intake-file:${id}` });
    await audit({ actor: uploader, action: 'intake_file.upload', resourceType: 'intake_file', resourceId: id, patientId: uploader.id, details: { mime: checked.mime, pages: checked.pages, bytes: bytes.byteLength, sha256 } }, tx);
    return { id, jobId };
  });
  // Null only where the queue was never created (migrations create it, as does a starting worker): queue it now.
  if (stored.jobId === null) await enqueueJob(READ_INTAKE_FILE_JOB, { fileId: stored.id }, { singletonKey: `intake-file:${stored.id}` });
  return { id: stored.id, status: 'reading' };
}
