import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Adapter } from 'next-auth/adapters';
import { NextResponse, type NextRequest } from 'next/server';
import { DatabaseUnavailableError, isDatabaseUnavailable } from '@/db';
import { appUrl, databaseKind } from '@/lib/env';

/**
 * Auth.js catches every error of the session lookup, logs it and answers "no session": a database that is down
 * would then look like a signed-out user (401 "Sign in first", a redirect to sign-in). The adapter (wrapped by
 * `noteFailures` in config.ts) notes each error it throws in the lookup's async context, so `lookUpSession` can tell
 * "no session" from "could not look".
 */
const adapterFailure = new AsyncLocalStorage<{ error?: unknown }>();

export function noteFailures(adapter: Adapter): Adapter {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(adapter)) {
    wrapped[name] =
      typeof value === 'function'
        ? async (...args: unknown[]) => {
            try {
              return await (value as (...a: unknown[]) => Promise<unknown>).apply(adapter, args);
            } catch (err) {
              const box = adapterFailure.getStore();
              if (box && box.error === undefined) box.error = err;
              throw err;
            }
          }
        : value;
  }
  return wrapped as Adapter;
}

/**
 * How long the session lookup may take on PostgreSQL. postgres-js keeps a query that was waiting for a new connection
 * through a whole outage (it reconnects with backoff, restarting its connect timer each time; measured: 16 s for a
 * 6 s outage), so the lookup — the first query of nearly every request — carries its own deadline. PGlite runs in
 * this process and cannot be away: a slow lookup there means a busy process (measured: 7.7 s during a burst of
 * intakes on a loaded machine), and a deadline would only turn accepted work into 503s.
 */
const sessionLookupTimeoutMs = () => (databaseKind() === 'postgres' ? 4_000 : Number.POSITIVE_INFINITY);

/**
 * Runs `auth` (next-auth's session lookup) and returns its session, or null when there is none — and throws
 * DatabaseUnavailableError (503), never null, when the database could not be asked or did not answer within
 * `timeoutMs`. Any other adapter failure is rethrown as it is (500).
 */
export async function lookUpSession<S>(auth: () => Promise<S | null>, timeoutMs = sessionLookupTimeoutMs()): Promise<S | null> {
  const box: { error?: unknown } = {};
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    if (Number.isFinite(timeoutMs)) {
      timer = setTimeout(() => reject(new DatabaseUnavailableError(`the session lookup did not answer within ${timeoutMs} ms`)), timeoutMs);
    }
  });
  const session = await Promise.race([adapterFailure.run(box, auth), deadline]).finally(() => clearTimeout(timer));
  if (box.error !== undefined) {
    if (isDatabaseUnavailable(box.error)) throw new DatabaseUnavailableError('the session could not be looked up', { cause: box.error });
    if (!session) throw box.error;
  }
  return session;
}

/**
 * next-auth's own route handlers (/api/auth/*) catch adapter errors too: with the database away, GET
 * /api/auth/session answers 200 `null` (signed out) and a magic link's callback redirects to the "Configuration"
 * error page. Wrapped by this, a request whose adapter call found the database unavailable throws
 * DatabaseUnavailableError instead (withDatabaseErrors answers 503), and a browser following a link is sent to the
 * sign-in error page's "Unavailable" message: its link was not used up, so it can try it again shortly.
 */
export function answerAdapterOutages(handler: (req: NextRequest) => Promise<Response>): (req: NextRequest) => Promise<Response> {
  return async (req) => {
    const box: { error?: unknown } = {};
    const res = await adapterFailure.run(box, () => handler(req));
    if (box.error === undefined || !isDatabaseUnavailable(box.error)) return res;
    if (req.method === 'GET' && req.headers.get('sec-fetch-mode') === 'navigate') {
      return NextResponse.redirect(`${appUrl()}/signin/error?error=Unavailable`, 303);
    }
    throw new DatabaseUnavailableError('next-auth could not reach the database', { cause: box.error });
  };
}
