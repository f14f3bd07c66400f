/**
 * The browser's half of CONTRACTS §4d: a JSON POST that carries an `Idempotency-Key` and retries itself, with the
 * same key, when the network failed (fetch rejected) or a gateway answered 502/503/504 — the cases where the server
 * may or may not have acted. The server answers a retry of a write that did happen with that write's result, so
 * retrying never writes twice. Other answers (including 4xx) are final and returned as they are.
 */

/** Waits before the 2nd, 3rd and 4th attempt (ms). */
const DEFAULT_BACKOFF_MS = [1_000, 2_500, 5_000] as const;

const GATEWAY_STATUSES = new Set([502, 503, 504]);

export class RetriesExhausted extends Error {
  constructor(readonly attempts: number) {
    super(`no answer after ${attempts} attempts`);
  }
}

/** A new key for a new logical submission (a fresh press of the submit button with new answers). */
function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/**
 * One logical submission. A key is kept while its body is unchanged and no final answer came back: pressing the
 * button again after the retries gave up resends the same key, so a write that did reach the server is not made twice.
 */
export class SubmissionKeys {
  private pending: { key: string; body: string } | null = null;

  keyFor(body: string): string {
    if (this.pending?.body !== body) this.pending = { key: newIdempotencyKey(), body };
    return this.pending.key;
  }

  /** An answer came back: unless a gateway's (the server may still have acted), the next press is a new submission. */
  answered(status: number): void {
    if (!GATEWAY_STATUSES.has(status)) this.pending = null;
  }
}

export interface RetryingPostOptions {
  key: string;
  /** Called before each automatic retry (attempt 2, 3, …): show "Connection lost — retrying…". */
  onRetry?: (attempt: number) => void;
  /** A 503 with one of these `error` codes is a real answer, not a gateway failure (e.g. payments_not_configured). */
  finalErrors?: readonly string[];
  backoffMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  fetchImpl?: typeof fetch;
}

async function isFinalAnswer(res: Response, finalErrors: readonly string[]): Promise<boolean> {
  if (!GATEWAY_STATUSES.has(res.status)) return true;
  if (finalErrors.length === 0) return false;
  const body = (await res
    .clone()
    .json()
    .catch(() => null)) as { error?: unknown } | null;
  return typeof body?.error === 'string' && finalErrors.includes(body.error);
}

/** POSTs `body` (already JSON) with the key; throws RetriesExhausted when every attempt failed at the network. */
export async function retryingPost(url: string, body: string, o: RetryingPostOptions): Promise<Response> {
  const backoff = o.backoffMs ?? DEFAULT_BACKOFF_MS;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const doFetch = o.fetchImpl ?? fetch;
  const attempts = backoff.length + 1;
  for (let attempt = 1; ; attempt++) {
    let res: Response | null = null;
    try {
      res = await doFetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': o.key }, body });
    } catch {
      res = null; // the network failed: the server may have acted, the key makes a retry safe
    }
    if (res && (await isFinalAnswer(res, o.finalErrors ?? []))) return res;
    if (attempt >= attempts) {
      if (res) return res;
      throw new RetriesExhausted(attempts);
    }
    o.onRetry?.(attempt + 1);
    await sleep(backoff[attempt - 1] ?? backoff[backoff.length - 1] ?? 1_000);
  }
}
