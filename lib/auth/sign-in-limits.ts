import 'server-only';
import { enforceRateLimit } from '@/lib/rate-limit/enforce';
import { waitPhrase } from '@/lib/rate-limit';
import { requestContext } from '@/lib/request-context';

/**
 * Thrown from next-auth's signIn callback before a link is made. next-auth wraps it (AccessDenied, `cause.err`) and
 * hands that back to a server-side signIn(); `signInRateLimitOf` finds it again.
 */
export class SignInMailRateLimited extends Error {
  override readonly name = 'SignInMailRateLimited';
  constructor(readonly retryAfterSeconds: number) {
    super('Too many sign-in links requested');
  }
}

/** The rate-limit refusal inside whatever signIn() threw, or null when it failed for another reason. */
export function signInRateLimitOf(err: unknown): SignInMailRateLimited | null {
  if (err instanceof SignInMailRateLimited) return err;
  const inner = (err as { cause?: { err?: unknown } } | null)?.cause?.err;
  return inner instanceof SignInMailRateLimited ? inner : null;
}

export function signInRateLimitMessage(retryAfterSeconds: number): string {
  return `Too many sign-in links were asked for this address or from this network. Please wait ${waitPhrase(retryAfterSeconds)} and try again, and look in your inbox for a link we already sent.`;
}

/** Counts one sign-in mail per address and per client IP; throws when either is over its limit (nothing is sent). */
export async function limitSignInMail(email: string): Promise<void> {
  const ip = (await requestContext()).ip ?? 'unknown';
  const verdicts = [await enforceRateLimit('signin.email', email, null), await enforceRateLimit('signin.ip', ip, null)];
  const wait = Math.max(0, ...verdicts.map((v) => (v.ok ? 0 : v.retryAfterSeconds)));
  if (wait > 0) throw new SignInMailRateLimited(wait);
}
