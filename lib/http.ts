import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';

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
 * Reads a JSON body with a size limit: 413 when too large, 400 when not JSON,
 * 400 `{error, fieldErrors}` when it does not match `schema`. Never a stack trace.
 */
export async function readJsonBody<S extends z.ZodType>(
  req: Request,
  schema: S,
  opts: { maxBytes?: number; invalidError?: string } = {},
): Promise<JsonBodyResult<z.output<S>>> {
  const maxBytes = opts.maxBytes ?? 256_000;
  const raw = await req.text();
  if (Buffer.byteLength(raw) > maxBytes) {
    return { ok: false, response: NextResponse.json({ error: 'payload_too_large', message: `Limit is ${maxBytes} bytes.` }, { status: 413 }) };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
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
