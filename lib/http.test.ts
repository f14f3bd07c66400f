import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonBody } from './http';

const CHUNK = 64 * 1024;

/** A chunked upload (no Content-Length) of `chunks` × 64 KiB; counts how many bytes the server pulled. */
function chunkedRequest(chunks: number, headers: Record<string, string> = {}) {
  const pulled = { bytes: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= chunks * CHUNK) return controller.close();
      pulled.bytes += CHUNK;
      controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  const req = new Request('http://test/api/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit & { duplex: 'half' });
  return { req, pulled };
}

describe('finding 10: bodies capped while streaming', () => {
  it('a chunked body past the limit gets 413 after reading just past the limit, and the stream is cancelled', async () => {
    const { req, pulled } = chunkedRequest(160); // 10 MiB on offer
    const r = await readJsonBody(req, z.unknown(), { maxBytes: 100_000 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.response.status).toBe(413);
    expect(pulled.bytes).toBeLessThanOrEqual(100_000 + 2 * CHUNK);
    expect(pulled.cancelled).toBe(true);
  });

  it('a Content-Length that lies low does not let a larger body through', async () => {
    const { req, pulled } = chunkedRequest(40, { 'content-length': '10' });
    const r = await readJsonBody(req, z.unknown(), { maxBytes: 100_000 });
    expect(r.ok ? 200 : r.response.status).toBe(413);
    expect(pulled.bytes).toBeLessThan(40 * CHUNK);
  });

  it('a declared Content-Length over the limit is refused without reading', async () => {
    const { req, pulled } = chunkedRequest(40, { 'content-length': String(40 * CHUNK) });
    const r = await readJsonBody(req, z.unknown(), { maxBytes: 100_000 });
    expect(r.ok ? 200 : r.response.status).toBe(413);
    expect(pulled.bytes).toBeLessThanOrEqual(CHUNK);
  });

  it('a body within the limit is read whole, in any number of chunks', async () => {
    const { req } = chunkedRequest(3);
    const r = await readJsonBody(req, z.unknown(), { maxBytes: 4 * CHUNK });
    // 192 KiB of spaces is not JSON: the body was read to the end and then parsed.
    expect(r.ok ? 200 : r.response.status).toBe(400);
    const ok = await readJsonBody(new Request('http://test/api/x', { method: 'POST', body: '{"a":1}' }), z.object({ a: z.number() }));
    expect(ok).toEqual({ ok: true, data: { a: 1 } });
  });

  it('the Stripe webhook, which reads its raw body itself, stops a chunked body at its limit too (413, stream cancelled)', async () => {
    const { POST } = await import('@/app/api/stripe/webhook/route');
    const { req, pulled } = chunkedRequest(160, { 'stripe-signature': 't=1,v1=x', 'content-type': 'application/json' });
    expect((await POST(req)).status).toBe(413);
    expect(pulled.bytes).toBeLessThan(2 * 1024 * 1024);
    expect(pulled.cancelled).toBe(true);
  });
});
