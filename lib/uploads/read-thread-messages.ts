import type { UploadRefusalCode } from './errors';
import type { ReportReading } from './read';

/** What the server sends the reading thread: one upload to read (its bytes handed over, not copied). */
export interface ThreadRequest {
  id: number;
  bytes: Uint8Array;
}

/** A reading as it crosses the thread boundary: its Buffers arrive as plain Uint8Arrays. */
type ThreadReading = Omit<ReportReading, 'thumbnail' | 'file'> & { thumbnail: Uint8Array; file: { bytes: Uint8Array; mime: string } };

export type ThreadReply =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'done'; reading: ThreadReading }
  | { id: number; type: 'refused'; code: UploadRefusalCode }
  | { id: number; type: 'failed'; message: string };
