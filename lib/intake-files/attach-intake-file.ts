import 'server-only';
import type { Db } from '@/db';
import { attachIntakeFileToCurrentVersion, lockOwnIntakeFile } from '@/db/queries/intake-files';
import { audit } from '@/lib/audit';
import type { ActorRef } from '@/lib/domain/actor';

/** `imaging.fileId` names no file the patient may attach: the submission answers 400 with this field error. */
export class IntakeFileNotAttachable extends Error {
  readonly field = 'imaging.fileId';
  constructor(message: string) {
    super(message);
    this.name = 'IntakeFileNotAttachable';
  }
}

const NOT_YOURS = 'We could not find that uploaded report. Please upload it again, or type the report in instead.';
const NOT_READ = 'Your report is still being read (or could not be read). Wait for it to finish, or type the report in instead.';
const ELSEWHERE = 'This uploaded report already belongs to another case. Please upload it again for this one.';

/**
 * In the submission's (or the edit's) transaction, after its new intake version is written: attaches the patient's
 * uploaded report to that version. Only the uploader's own file, read ('done'), and not attached yet — or, for an
 * edit, already attached to an earlier version of this same case (it stays with that version: attached rows are
 * immutable). Throws IntakeFileNotAttachable otherwise, which rolls the submission back.
 */
export async function attachIntakeFile(tx: Db, patient: ActorRef & { id: string }, fileId: string, caseId: string, now: Date): Promise<void> {
  const file = await lockOwnIntakeFile(tx, patient.id, fileId);
  if (!file) throw new IntakeFileNotAttachable(NOT_YOURS);
  if (file.status !== 'done') throw new IntakeFileNotAttachable(NOT_READ);
  if (file.caseId !== null) {
    if (file.caseId === caseId) return;
    throw new IntakeFileNotAttachable(ELSEWHERE);
  }
  if (!(await attachIntakeFileToCurrentVersion(tx, { id: fileId, uploaderId: patient.id, caseId, now }))) throw new IntakeFileNotAttachable(NOT_YOURS);
  await audit({ actor: patient, action: 'intake_file.attach', resourceType: 'intake_file', resourceId: fileId, patientId: patient.id, details: { caseId } }, tx);
}

/** The 400 body of a submission whose file cannot be attached (CONTRACTS §4's invalid_intake shape). */
export function notAttachableBody(err: IntakeFileNotAttachable) {
  return { error: 'invalid_intake', fieldErrors: { [err.field]: [err.message] } };
}
