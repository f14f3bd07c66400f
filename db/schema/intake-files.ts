import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { intakeVersions } from './cases';
import { users } from './users';
import type { IntakeFileMethod, IntakeFileStatus } from '@/lib/domain/intake-file';

/** PostgreSQL bytea. postgres-js reads it as a Buffer, PGlite as a Uint8Array: callers see a Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * An MRI report uploaded as a file (issue 16, CONTRACTS §7). `original` holds what passed the upload's checks (a PDF
 * as sent; a photo re-encoded without EXIF once read; null after a failed reading). Immutable once attached to an
 * intake version (trigger in migration 0020).
 */
export const intakeFiles = pgTable(
  'intake_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uploaderId: text('uploader_id')
      .notNull()
      .references(() => users.id),
    status: text('status').$type<IntakeFileStatus>().notNull().default('reading'),
    method: text('method').$type<IntakeFileMethod>(),
    progress: real('progress').notNull().default(0),
    pages: integer('pages').notNull(),
    original: bytea('original'),
    mime: text('mime').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    text: text('text'),
    ocrConfidence: real('ocr_confidence'),
    thumbnail: bytea('thumbnail'),
    errorCode: text('error_code'),
    message: text('message'),
    intakeVersionId: uuid('intake_version_id').references(() => intakeVersions.id),
    attachedAt: timestamp('attached_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('intake_files_uploader_idx').on(t.uploaderId, t.createdAt),
    index('intake_files_version_idx').on(t.intakeVersionId).where(sql`intake_version_id is not null`),
    check('intake_files_status_ck', sql`${t.status} in ('reading', 'done', 'failed')`),
    check('intake_files_method_ck', sql`${t.method} is null or ${t.method} in ('pdf-text', 'ocr')`),
    check('intake_files_progress_ck', sql`${t.progress} between 0 and 1`),
    check('intake_files_mime_ck', sql`${t.mime} in ('application/pdf', 'image/jpeg', 'image/png')`),
    check('intake_files_done_ck', sql`${t.status} <> 'done' or (${t.text} is not null and ${t.method} is not null and ${t.original} is not null)`),
    check('intake_files_attached_ck', sql`${t.intakeVersionId} is null or (${t.status} = 'done' and ${t.attachedAt} is not null)`),
  ],
);
