import 'server-only';
import type { Db } from '@/db';
import { findIntakeFileForViewer, type IntakeFileView } from '@/db/queries/intake-files';
import { audit } from '@/lib/audit';
import type { ActorRef } from '@/lib/domain/actor';
import { isUuid } from '@/lib/domain/ids';

type Part = 'view' | 'original' | 'thumbnail';
const ACTION: Record<Part, string> = { view: 'intake_file.view', original: 'intake_file.original', thumbnail: 'intake_file.thumbnail' };

/**
 * One uploaded file for `viewer` (its uploader; the team once it is attached to a case they may read), with the
 * original's or the thumbnail's bytes when asked. Every read is audited; null (→ 404) for anyone else, audited denied.
 */
export async function viewIntakeFile<P extends Part>(db: Db, viewer: ActorRef, id: string, part: P) {
  const found = isUuid(id) ? await findIntakeFileForViewer(db, viewer, id, part) : null;
  await audit({
    actor: viewer,
    action: ACTION[part],
    resourceType: 'intake_file',
    resourceId: id.slice(0, 100),
    patientId: found?.uploaderId ?? null,
    outcome: found ? 'allowed' : 'denied',
  });
  return found;
}

/** GET /api/intake-files/:id body. `method` is null only while a PDF is being read (its pages decide). */
export function intakeFileJson(f: IntakeFileView) {
  return {
    id: f.id,
    status: f.status,
    method: f.method,
    progress: f.status === 'reading' ? Math.round(f.progress * 100) / 100 : 1,
    pages: f.pages,
    mime: f.mime,
    attached: f.attached,
    ...(f.status === 'done' && f.text !== null ? { text: f.text } : {}),
    ...(f.status === 'failed' && f.message ? { message: f.message } : {}),
  };
}
