import 'server-only';
import { NextResponse } from 'next/server';
import type { Db } from '@/db';
import type { ActorRef } from '@/lib/domain/actor';
import { viewIntakeFile } from './view-intake-file';

const EXTENSION: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/**
 * The stored bytes of an uploaded report (its original, or its page-1 PNG thumbnail) for `viewer`, with headers that
 * keep a browser from doing anything but show it: its real type, never sniffed, never cached, sandboxed (no script,
 * no form, no plugin can run in its origin), inline. 404 for anyone but the uploader and the team of its case, and
 * while there is nothing to show (still being read, or failed).
 */
export async function intakeFileBytesResponse(db: Db, viewer: ActorRef, id: string, part: 'original' | 'thumbnail'): Promise<NextResponse> {
  const found = await viewIntakeFile(db, viewer, id, part);
  if (!found || !found.bytes || found.status !== 'done') return NextResponse.json({ error: 'not_found' }, { status: 404 });
  const type = part === 'thumbnail' ? 'image/png' : found.mime;
  const name = part === 'thumbnail' ? 'mri-report-page-1.png' : `mri-report.${EXTENSION[found.mime] ?? 'bin'}`;
  return new NextResponse(Buffer.from(found.bytes), {
    status: 200,
    headers: {
      'content-type': type,
      'content-length': String(found.bytes.byteLength),
      'content-disposition': `inline; filename="${name}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'content-security-policy': "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'",
      'cross-origin-resource-policy': 'same-origin',
    },
  });
}
