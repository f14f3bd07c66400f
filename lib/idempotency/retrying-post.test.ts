import { describe, expect, it } from 'vitest';
import { RetriesExhausted, retryingPost, SubmissionKeys } from './retrying-post';

/** A fetch that plays a script: an Error rejects (the network failed), a number answers with that status. */
function scripted(script: (number | Error | { status: number; error: string })[]) {
  const calls: { key: string | null; body: string }[] = [];
  const fetchImpl = (async (_url: string, init: RequestInit) => {
    calls.push({ key: new Headers(init.headers).get('idempotency-key'), body: String(init.body) });
    const step = script.shift();
    if (step === undefined) throw new Error('script ran out');
    if (step instanceof Error) throw step;
    const { status, error } = typeof step === 'number' ? { status: step, error: 'x' } : step;
    return new Response(JSON.stringify({ error }), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}

const noSleep = { sleep: async () => undefined };

describe('retryingPost', () => {
  it('retries a rejected fetch and gateway errors with the same key, then returns the answer', async () => {
    const { calls, fetchImpl } = scripted([new TypeError('Failed to fetch'), 502, 504, 201]);
    const retries: number[] = [];
    const res = await retryingPost('/api/intakes', '{"a":1}', { key: 'k1', fetchImpl, onRetry: (n) => retries.push(n), ...noSleep });
    expect(res.status).toBe(201);
    expect(calls.map((c) => c.key)).toEqual(['k1', 'k1', 'k1', 'k1']);
    expect(new Set(calls.map((c) => c.body))).toEqual(new Set(['{"a":1}']));
    expect(retries).toEqual([2, 3, 4]);
  });

  it('waits longer before each retry', async () => {
    const waits: number[] = [];
    const { fetchImpl } = scripted([new TypeError('x'), new TypeError('x'), new TypeError('x'), 201]);
    await retryingPost('/x', '{}', { key: 'k', fetchImpl, sleep: async (ms) => void waits.push(ms) });
    expect(waits).toHaveLength(3);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
    expect(waits[2]!).toBeGreaterThan(waits[1]!);
  });

  it('gives up with RetriesExhausted when the network never answers', async () => {
    const { calls, fetchImpl } = scripted([new TypeError('x'), new TypeError('x'), new TypeError('x'), new TypeError('x')]);
    await expect(retryingPost('/x', '{}', { key: 'k', fetchImpl, ...noSleep })).rejects.toBeInstanceOf(RetriesExhausted);
    expect(calls).toHaveLength(4);
  });

  it('returns the last gateway answer when every attempt got one', async () => {
    const { fetchImpl } = scripted([503, 503, 503, 503]);
    expect((await retryingPost('/x', '{}', { key: 'k', fetchImpl, ...noSleep })).status).toBe(503);
  });

  it('does not retry a real answer: 4xx, 409, or a 503 the caller named as final', async () => {
    for (const answer of [400, 409, 422, 429, 500, { status: 503, error: 'payments_not_configured' }]) {
      const { calls, fetchImpl } = scripted([answer]);
      const res = await retryingPost('/x', '{}', { key: 'k', fetchImpl, finalErrors: ['payments_not_configured'], ...noSleep });
      expect(res.status).toBe(typeof answer === 'number' ? answer : answer.status);
      expect(calls).toHaveLength(1);
    }
  });
});

describe('SubmissionKeys', () => {
  it('keeps the key for the same body until a final answer; a new body or a final answer starts a new key', () => {
    const keys = new SubmissionKeys();
    const first = keys.keyFor('{"a":1}');
    expect(keys.keyFor('{"a":1}')).toBe(first); // pressed again after the retries gave up
    keys.answered(503); // a gateway: the server may have acted
    expect(keys.keyFor('{"a":1}')).toBe(first);
    keys.answered(201);
    const second = keys.keyFor('{"a":1}');
    expect(second).not.toBe(first);
    expect(keys.keyFor('{"a":2}')).not.toBe(second); // changed answers: a new submission
  });
});
