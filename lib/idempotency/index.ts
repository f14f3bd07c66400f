import 'server-only';
import { createHash } from 'node:crypto';
import { NextResponse } from 'next/server';
import { getDb, type Db } from '@/db';
import { completeIdempotencyKey, deleteIdempotencyKey, findIdempotencyKey, insertIdempotencyKey } from '@/db/queries/idempotency';
import { readBodyText } from '@/lib/http';

/** CONTRACTS §4d: a key is honoured for 24 hours; the daily sweep (./jobs.ts) deletes older ones. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 3_600_000;

/** 1–100 printable ASCII characters (CONTRACTS §4d). */
const KEY_PATTERN = /^[\x20-\x7E]{1,100}$/;

/** How long a duplicate waits for the first request's second step (a hold's checkout) before answering 409. */
const IN_PROGRESS_WAIT_MS = 10_000;

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** Thrown inside an effect's transaction when a concurrent request with the same key committed first: roll back. */
class IdempotencyKeyTaken extends Error {
  constructor() {
    super('idempotency key already recorded by a concurrent request');
  }
}

/**
 * What a service is handed so that its transaction records the key (never a transaction of its own: the key and
 * the effect commit together or not at all).
 */
interface IdempotencyClaim {
  /** In the effect's transaction. `response` null: a later step completes it. Throws IdempotencyKeyTaken. */
  record(tx: Db, response: StoredResponse | null): Promise<void>;
  /** In the second step's transaction: the response a retry gets. */
  complete(tx: Db, response: StoredResponse): Promise<void>;
  /** In the transaction that undoes the effect: the key goes too, so a retry starts afresh. */
  release(tx: Db): Promise<void>;
}

export type IdempotentWrite =
  | { kind: 'respond'; response: NextResponse }
  | {
      kind: 'proceed';
      /** null when the request carries no key */
      claim: IdempotencyClaim | null;
      /** Runs the effect; a concurrent duplicate that committed first turns into its replay. */
      run(effect: (claim: IdempotencyClaim | null) => Promise<NextResponse>): Promise<NextResponse>;
    };

function problem(status: number, error: string, message: string): NextResponse {
  return NextResponse.json({ error, message }, { status });
}

/**
 * The start of an idempotent POST (call right after the auth guard, before rate limits: a replay costs nothing).
 * Without an `Idempotency-Key` header the write proceeds unprotected. With one: 400 when malformed; the stored
 * response again when this user already sent this key with this exact body (`Idempotent-Replayed: true`); 422
 * `idempotency_key_reused` when the body differs; otherwise the write proceeds and must record the key through the
 * claim inside its transaction. `scope` (method and path) keeps one key from meaning two different writes.
 */
export async function startIdempotentWrite(
  req: Request,
  o: { userId: string; scope: string; maxBytes: number; render: (r: StoredResponse) => NextResponse },
): Promise<IdempotentWrite> {
  const key = req.headers.get('idempotency-key');
  if (key === null) return { kind: 'proceed', claim: null, run: (effect) => effect(null) };
  if (!KEY_PATTERN.test(key)) {
    return { kind: 'respond', response: problem(400, 'invalid_idempotency_key', 'The Idempotency-Key header must be 1 to 100 printable characters.') };
  }
  const text = await readBodyText(req.clone(), o.maxBytes);
  if (!text.ok) return { kind: 'respond', response: text.response };
  const requestHash = createHash('sha256').update(`${o.scope}\n${text.text}`).digest('hex');
  const db = await getDb();

  const settled = await settle(db, o.userId, key, requestHash, o.render);
  if (settled) return { kind: 'respond', response: settled };

  const claim: IdempotencyClaim = {
    async record(tx, response) {
      const now = new Date();
      const owned = await insertIdempotencyKey(tx, {
        userId: o.userId,
        key,
        requestHash,
        status: response?.status ?? null,
        body: response?.body ?? null,
        now,
        staleBefore: new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS),
      });
      if (!owned) throw new IdempotencyKeyTaken();
    },
    complete: (tx, response) => completeIdempotencyKey(tx, o.userId, key, response),
    release: (tx) => deleteIdempotencyKey(tx, o.userId, key),
  };
  return {
    kind: 'proceed',
    claim,
    async run(effect) {
      try {
        return await effect(claim);
      } catch (err) {
        if (!(err instanceof IdempotencyKeyTaken)) throw err;
        return (await settle(db, o.userId, key, requestHash, o.render)) ?? problem(409, 'idempotency_key_in_progress', 'An earlier attempt with this key was undone just now. Please try again.');
      }
    },
  };
}

/** The answer owed to a request whose key is already recorded, or null when the key is free. */
async function settle(db: Db, userId: string, key: string, requestHash: string, render: (r: StoredResponse) => NextResponse): Promise<NextResponse | null> {
  const deadline = Date.now() + IN_PROGRESS_WAIT_MS;
  for (let pause = 50; ; pause = Math.min(pause * 2, 500)) {
    const row = await findIdempotencyKey(db, userId, key, new Date(Date.now() - IDEMPOTENCY_WINDOW_MS));
    if (!row) return null;
    if (row.requestHash !== requestHash) {
      return problem(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request. Use a new key for a new request.');
    }
    if (row.status !== null) {
      const response = render({ status: row.status, body: row.body });
      response.headers.set('idempotent-replayed', 'true');
      return response;
    }
    if (Date.now() >= deadline) {
      return problem(409, 'idempotency_key_in_progress', 'An earlier attempt with this key is still being processed. Check again in a moment.');
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}
