import 'server-only';
// next-auth re-exports this very class; importing it from @auth/core keeps next-auth's Next.js entry out of unit tests.
import { AuthError } from '@auth/core/errors';
import { enforceRateLimit } from '@/lib/rate-limit/enforce';
import { waitPhrase } from '@/lib/rate-limit';
import { requestContext } from '@/lib/request-context';

/**
 * Thrown from the email provider's sendVerificationRequest, so it covers the sign-in form and a direct POST to
 * /api/auth/signin/nodemailer alike. An AuthError: next-auth hands it back to a server-side signIn() unchanged.
 */
export class SignInMailRateLimited extends AuthError {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many sign-in links requested');
  }
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
