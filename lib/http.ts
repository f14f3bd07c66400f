import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { isDatabaseUnavailable } from '@/db';
import { appUrl } from '@/lib/env';
import { requestLog } from '@/lib/log';

export type JsonBodyResult<T> = { ok: true; data: T } | { ok: false; response: NextResponse };

/** zod issues → {"path.to.field": ["message"]} (CONTRACTS §4). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_root';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * Every state-changing route handler calls this first (the Stripe webhook and next-auth's /api/auth excepted):
 * 403 unless the request comes from our own origin (an `Origin` equal to APP_URL's, or the browser's
 * `Sec-Fetch-Site: same-origin`), 415 unless it says `Content-Type: application/json`. A cross-site form or a
 * `text/plain` fetch — the kinds of request a browser sends with the victim's cookies and without a CORS preflight —
 * is refused before any session is read. SameSite=Lax cookies alone do not stop same-site or top-level POSTs.
 */
export function refuseCrossSiteWrite(req: Request, contentType: 'application/json' | 'multipart/form-data' = 'application/json'): NextResponse | null {
  const origin = req.headers.get('origin');
  const sameOrigin = req.headers.get('sec-fetch-site') === 'same-origin' || (origin !== null && origin === new URL(appUrl()).origin);
  if (!sameOrigin) {
    return NextResponse.json({ error: 'cross_site_refused', message: 'This request did not come from this site and was refused.' }, { status: 403 });
  }
  const type = req.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== contentType) {
    return NextResponse.json({ error: 'unsupported_media_type', message: `Send the request as ${contentType === 'application/json' ? 'JSON' : 'a form upload'} (Content-Type: ${contentType}).` }, { status: 415 });
  }
  return null;
}

export type BodyTextResult = { ok: true; text: string } | { ok: false; response: NextResponse };

function payloadTooLarge(maxBytes: number): NextResponse {
  return NextResponse.json({ error: 'payload_too_large', message: `Limit is ${maxBytes} bytes.` }, { status: 413 });
}

/**
 * The body's bytes, read chunk by chunk and abandoned (the stream cancelled) as soon as they pass `maxBytes`: a chunked
 * body, or one whose Content-Length lies, never sits whole in memory. A declared length over the limit is refused
 * before reading anything. `null`: too large.
 */
export async function readBodyCapped(req: Request, maxBytes: number): Promise<Buffer<ArrayBuffer> | null> {
  if (Number(req.headers.get('content-length') ?? 0) > maxBytes) return null;
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The body as text, within `maxBytes` (readBodyCapped); 413 beyond it. */
export async function readBodyText(req: Request, maxBytes: number): Promise<BodyTextResult> {
  const bytes = await readBodyCapped(req, maxBytes);
  if (bytes === null) return { ok: false, response: payloadTooLarge(maxBytes) };
  return { ok: true, text: bytes.toString('utf8') };
}

/**
 * Reads a JSON body with a size limit: 413 when too large (checked while streaming), 400 when not JSON,
 * 400 `{error, fieldErrors}` when it does not match `schema`. Never a stack trace.
 */
export async function readJsonBody<S extends z.ZodType>(
  req: Request,
  schema: S,
  opts: { maxBytes?: number; invalidError?: string } = {},
): Promise<JsonBodyResult<z.output<S>>> {
  const body = await readBodyText(req, opts.maxBytes ?? 256_000);
  if (!body.ok) return body;
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    return { ok: false, response: NextResponse.json({ error: 'invalid_json', message: 'The request body is not valid JSON.' }, { status: 400 }) };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      response: NextResponse.json({ error: opts.invalidError ?? 'invalid_request', fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 }),
    };
  }
  return { ok: true, data: parsed.data };
}

/** 429 with `Retry-After` (seconds) and a message a person can act on. */
export function tooManyRequests(retryAfterSeconds: number, message: string): NextResponse {
  return NextResponse.json(
    { error: 'rate_limited', message, retryAfterSeconds },
    { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
  );
}

/** A service error the API passes on as it is: a stable code, a message a person can act on, the HTTP status. */
interface ServiceError {
  code: string;
  message: string;
  status: number;
}

/** The API's answer to a service error (e.g. BookingError): `{ error: code, message, ...extra }` with its status. */
export function errorResponse(err: ServiceError, extra: Record<string, unknown> = {}): NextResponse {
  return NextResponse.json({ error: err.code, message: err.message, ...extra }, { status: err.status });
}

/**
 * 503 `{"error":"service_unavailable"}` with Retry-After: the database cannot answer now; the request may be retried.
 * The one answer for that cause, whether the session lookup (apiGuard) or a later query (withDatabaseErrors) met it.
 */
export function serviceUnavailable(retryAfterSeconds = 5): NextResponse {
  return NextResponse.json(
    { error: 'service_unavailable', message: 'The service is briefly unavailable (its database does not answer). Try again in a few seconds.', retryAfterSeconds },
    { status: 503, headers: { 'retry-after': String(retryAfterSeconds), 'cache-control': 'no-store' } },
  );
}

/**
 * Route handlers: a database that stops answering AFTER the guard — the handler's own queries hit a refused
 * connection, a restart, a statement timeout (isDatabaseUnavailable) — answers 503 `service_unavailable` as the guard
 * does, instead of a bare 500 the client cannot tell from a bug. Any other error is rethrown as it is. Wrap the
 * handler: `export const GET = withDatabaseErrors(async (req) => { … })`.
 */
export function withDatabaseErrors<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      (await requestLog()).error({ err }, 'database unavailable during the request');
      return serviceUnavailable();
    }
  };
}
