import { intakeFileApiPath, intakeFilesApiPath } from '@/lib/urls';

/** The limits of CONTRACTS §7, checked again here so a patient is not made to upload 40 MB to hear "too large". */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
export const UPLOAD_ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

type SendResult = { ok: true; id: string } | { ok: false; message: string };
export type FileStatus =
  | { kind: 'reading'; progress: number | null }
  | { kind: 'done'; text: string; method: 'pdf-text' | 'ocr' | null; pages: number | null }
  | { kind: 'failed'; message: string }
  | { kind: 'gone' }
  | { kind: 'signed-out' };

export const TOO_LARGE_MESSAGE = 'This file is larger than 10 MB. Please upload a smaller file, or a photo of each page.';
const REFUSED: Record<number, string> = {
  401: 'You are signed out. Please sign in again, then upload the file.',
  413: TOO_LARGE_MESSAGE,
  415: 'We can only read PDF, JPEG or PNG files, and this file is none of those (whatever its name says). Please upload the report as a PDF or a photo.',
  422: "We couldn't read this file. Please try another copy or a photo of the pages, or paste the text instead.",
  429: 'You have uploaded several files in a short time. Please wait a minute, then try again.',
};
const NETWORK = 'The upload did not reach us (the connection may have dropped). Please try again.';

function refusal(status: number, body: string): string {
  let message: unknown;
  try {
    message = (JSON.parse(body) as { message?: unknown }).message;
  } catch {
    /* not JSON: the status decides */
  }
  if (typeof message === 'string' && message.trim()) return message;
  return REFUSED[status] ?? 'Something went wrong on our side while taking your file. Please try again in a moment, or paste the text instead.';
}

/**
 * One upload by XMLHttpRequest, because fetch reports no upload progress. `onProgress` gets bytes sent and the total;
 * `signal` cancels it (the patient picked another file or removed this one).
 */
export function sendFile(file: File, onProgress: (loaded: number, total: number) => void, signal: AbortSignal): Promise<SendResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', intakeFilesApiPath());
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status === 202 || xhr.status === 201 || xhr.status === 200) {
        try {
          const id = (JSON.parse(xhr.responseText) as { id?: unknown }).id;
          if (typeof id === 'string') return resolve({ ok: true, id });
        } catch {
          /* fall through */
        }
      }
      resolve({ ok: false, message: refusal(xhr.status, xhr.responseText) });
    };
    xhr.onerror = () => resolve({ ok: false, message: NETWORK });
    xhr.onabort = () => resolve({ ok: false, message: 'Upload cancelled.' });
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** One look at the reading job. Throws on a network or server failure, so the poller backs off and tries again. */
export async function fetchFileStatus(fileId: string, signal: AbortSignal): Promise<FileStatus> {
  const res = await fetch(intakeFileApiPath(fileId), { cache: 'no-store', signal });
  if (res.status === 404) return { kind: 'gone' };
  if (res.status === 401) return { kind: 'signed-out' };
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const body = (await res.json()) as { status?: unknown; text?: unknown; method?: unknown; progress?: unknown; pages?: unknown; message?: unknown };
  if (body.status === 'done') {
    return {
      kind: 'done',
      text: typeof body.text === 'string' ? body.text : '',
      method: body.method === 'ocr' || body.method === 'pdf-text' ? body.method : null,
      pages: typeof body.pages === 'number' ? body.pages : null,
    };
  }
  if (body.status === 'failed') {
    return { kind: 'failed', message: typeof body.message === 'string' && body.message ? body.message : "We couldn't read this file. Please try another copy or a photo of the pages, or paste the text instead." };
  }
  return { kind: 'reading', progress: typeof body.progress === 'number' ? Math.min(1, Math.max(0, body.progress)) : null };
}
