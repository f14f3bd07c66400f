import { and, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { cases, intakeFiles, intakeVersions } from '../schema';
import type { ActorRef } from '@/lib/domain/actor';
import type { IntakeFileMethod, IntakeFileStatus } from '@/lib/domain/intake-file';
import { caseReadableBy, clinicianScopeOf } from './case-scope';

/**
 * Uploaded MRI report files (issue 16). The uploader reads their own file at any time; the team reads it only once it
 * is attached to an intake version of a case in their scope (same rule as the case itself). Rows attached to a
 * version are immutable (trigger, migration 0020): every write below also says `intake_version_id is null`.
 */

export async function insertIntakeFile(
  tx: Db,
  f: { uploaderId: string; pages: number; original: Uint8Array; mime: string; sizeBytes: number; sha256: string; method: IntakeFileMethod | null },
): Promise<{ id: string }> {
  const [row] = await tx.insert(intakeFiles).values(f).returning({ id: intakeFiles.id });
  return row;
}

/** The row as the reading job needs it, or null when gone. */
export async function findIntakeFileToRead(db: Db, id: string): Promise<{ status: IntakeFileStatus; original: Uint8Array | null } | null> {
  const [row] = await db.select({ status: intakeFiles.status, original: intakeFiles.original }).from(intakeFiles).where(eq(intakeFiles.id, id));
  return row ?? null;
}

const stillReading = (id: string) => and(eq(intakeFiles.id, id), eq(intakeFiles.status, 'reading'), isNull(intakeFiles.intakeVersionId));

export async function setIntakeFileProgress(db: Db, id: string, progress: number): Promise<void> {
  await db
    .update(intakeFiles)
    .set({ progress: Math.min(1, Math.max(0, progress)), updatedAt: sql`now()` })
    .where(and(stillReading(id), sql`${intakeFiles.progress} < ${progress}`));
}

/** The reading's result; false when the row was no longer being read (a second run of the job changes nothing). */
export async function completeIntakeFile(
  db: Db,
  id: string,
  r: { method: IntakeFileMethod; text: string; pages: number; original: Uint8Array; mime: string; sha256: string; thumbnail: Uint8Array; ocrConfidence: number | null },
): Promise<boolean> {
  const rows = await db
    .update(intakeFiles)
    .set({ ...r, sizeBytes: r.original.byteLength, status: 'done', progress: 1, updatedAt: sql`now()` })
    .where(stillReading(id))
    .returning({ id: intakeFiles.id });
  return rows.length > 0;
}

/** A reading that did not work: the message is for the patient; the bytes are dropped (nothing to show or keep). */
export async function failIntakeFile(db: Db, id: string, f: { errorCode: string; message: string }): Promise<boolean> {
  const rows = await db
    .update(intakeFiles)
    .set({ ...f, status: 'failed', original: null, thumbnail: null, updatedAt: sql`now()` })
    .where(stillReading(id))
    .returning({ id: intakeFiles.id });
  return rows.length > 0;
}

export interface IntakeFileView {
  id: string;
  uploaderId: string;
  status: IntakeFileStatus;
  method: IntakeFileMethod | null;
  progress: number;
  pages: number;
  mime: string;
  text: string | null;
  message: string | null;
  attached: boolean;
}

const viewColumns = {
  id: intakeFiles.id,
  uploaderId: intakeFiles.uploaderId,
  status: intakeFiles.status,
  method: intakeFiles.method,
  progress: intakeFiles.progress,
  pages: intakeFiles.pages,
  mime: intakeFiles.mime,
  text: intakeFiles.text,
  message: intakeFiles.message,
  attached: sql<boolean>`${intakeFiles.intakeVersionId} is not null`,
};

type Part = 'view' | 'original' | 'thumbnail';
type PartRow<P extends Part> = P extends 'view' ? IntakeFileView : IntakeFileView & { bytes: Uint8Array | null };

/**
 * One file for `viewer`, or null when it does not exist or is not theirs to see: the uploader, or a clinician whose
 * scope covers the case of the intake version the file is attached to. `part` adds the original or the thumbnail.
 */
export async function findIntakeFileForViewer<P extends Part>(db: Db, viewer: ActorRef, id: string, part: P): Promise<PartRow<P> | null> {
  const team = viewer.roles.includes('clinician') ? caseReadableBy(await clinicianScopeOf(db, viewer.id)) : sql`false`;
  const bytes = part === 'original' ? intakeFiles.original : part === 'thumbnail' ? intakeFiles.thumbnail : sql<null>`null`;
  const [row] = await db
    .select({ ...viewColumns, bytes })
    .from(intakeFiles)
    .leftJoin(intakeVersions, eq(intakeVersions.id, intakeFiles.intakeVersionId))
    .leftJoin(cases, eq(cases.id, intakeVersions.caseId))
    .where(and(eq(intakeFiles.id, id), or(eq(intakeFiles.uploaderId, viewer.id), and(isNotNull(intakeFiles.intakeVersionId), team))))
    .limit(1);
  return (row as unknown as PartRow<P> | undefined) ?? null;
}

/**
 * The uploader's file, locked for the submission's transaction: its status and, when attached, the case it belongs
 * to. Null when it is not theirs (or does not exist).
 */
export async function lockOwnIntakeFile(tx: Db, uploaderId: string, id: string): Promise<{ status: IntakeFileStatus; caseId: string | null } | null> {
  const [row] = await tx
    .select({ status: intakeFiles.status, caseId: intakeVersions.caseId })
    .from(intakeFiles)
    .leftJoin(intakeVersions, eq(intakeVersions.id, intakeFiles.intakeVersionId))
    .where(and(eq(intakeFiles.id, id), eq(intakeFiles.uploaderId, uploaderId)))
    .for('update', { of: intakeFiles });
  return row ?? null;
}

/** Attaches a read, unattached file of `uploaderId` to the case's current intake version. False when it was not that. */
export async function attachIntakeFileToCurrentVersion(tx: Db, f: { id: string; uploaderId: string; caseId: string; now: Date }): Promise<boolean> {
  const rows = await tx
    .update(intakeFiles)
    .set({
      intakeVersionId: sql`(select ${intakeVersions.id} from ${intakeVersions} join ${cases} on ${cases.id} = ${intakeVersions.caseId} and ${intakeVersions.version} = ${cases.currentVersion} where ${cases.id} = ${f.caseId} and ${cases.patientId} = ${f.uploaderId})`,
      attachedAt: f.now,
      updatedAt: f.now,
    })
    .where(and(eq(intakeFiles.id, f.id), eq(intakeFiles.uploaderId, f.uploaderId), eq(intakeFiles.status, 'done'), isNull(intakeFiles.intakeVersionId)))
    .returning({ id: intakeFiles.id, versionId: intakeFiles.intakeVersionId });
  return rows.length > 0 && rows[0].versionId !== null;
}

export interface CaseIntakeFile {
  fileId: string;
  mime: string;
  pages: number;
  method: IntakeFileMethod;
  /** The text as the reading job extracted it. */
  extractedText: string;
  /** The text the patient confirmed (the current version's imaging.mriReport; they may have corrected it). */
  confirmedText: string | null;
}

/**
 * The report file of a case's current intake version (its imaging.fileId, attached to a version of this case), with
 * the extracted and the confirmed text, for the case view; null when the version names no file. Scoped like the case:
 * its patient, or a clinician whose scope covers it.
 */
export async function findCaseIntakeFile(db: Db, viewer: ActorRef, caseId: string): Promise<CaseIntakeFile | null> {
  const team = viewer.roles.includes('clinician') ? caseReadableBy(await clinicianScopeOf(db, viewer.id)) : sql`false`;
  const fileVersion = alias(intakeVersions, 'file_version');
  const [row] = await db
    .select({
      fileId: intakeFiles.id,
      mime: intakeFiles.mime,
      pages: intakeFiles.pages,
      method: intakeFiles.method,
      extractedText: intakeFiles.text,
      confirmedText: sql<string | null>`${intakeVersions.submission} #>> '{imaging,mriReport}'`,
    })
    .from(cases)
    .innerJoin(intakeVersions, and(eq(intakeVersions.caseId, cases.id), eq(intakeVersions.version, cases.currentVersion)))
    .innerJoin(intakeFiles, sql`${intakeFiles.id}::text = ${intakeVersions.submission} #>> '{imaging,fileId}'`)
    .innerJoin(fileVersion, and(eq(fileVersion.id, intakeFiles.intakeVersionId), eq(fileVersion.caseId, cases.id)))
    .where(and(eq(cases.id, caseId), or(eq(cases.patientId, viewer.id), team)))
    .limit(1);
  if (!row || row.method === null || row.extractedText === null) return null;
  return { ...row, method: row.method, extractedText: row.extractedText };
}
