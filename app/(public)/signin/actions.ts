'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ActionFailure } from '@/lib/action-result';
import { signIn } from '@/lib/auth/config';
import { audit } from '@/lib/audit';
import { signInRateLimitMessage, signInRateLimitOf } from '@/lib/auth/sign-in-limits';
import { mailTransportKind } from '@/lib/env';
import { signInSchema } from '@/lib/validation/sign-in';

/** Only failures come back (success redirects); the typed address is returned so the form can show it again. */
export type SignInState = (ActionFailure & { email: string }) | null;

const MAIL_NOT_CONFIGURED = 'Sign-in by email is not available: this server has no mail service configured, so no link can be sent. Please contact the clinic.';

/** Only same-site relative paths may be used after sign-in. */
function safeCallback(url: string | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') ? url : '/home';
}

export async function requestMagicLink(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const raw = { email: String(formData.get('email') ?? ''), callbackUrl: String(formData.get('callbackUrl') ?? '') || undefined };
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) {
    await audit({ actor: null, action: 'auth.link_requested', resourceType: 'session', outcome: 'denied', details: { reason: 'invalid_email' } });
    const errors = z.flattenError(parsed.error).fieldErrors;
    return { ok: false, fieldErrors: { email: errors.email ?? [] }, email: raw.email };
  }
  if (mailTransportKind() === 'none') {
    await audit({ actor: null, action: 'auth.link_requested', resourceType: 'session', outcome: 'denied', details: { reason: 'mail_not_configured' } });
    return { ok: false, fieldErrors: {}, formError: MAIL_NOT_CONFIGURED, email: raw.email };
  }
  try {
    await signIn('nodemailer', { email: parsed.data.email, redirect: false, redirectTo: safeCallback(parsed.data.callbackUrl) });
  } catch (err) {
    // Over the limit: the limiter wrote its one audit row for this window; each further refusal is only counted.
    const limited = signInRateLimitOf(err);
    if (limited) return { ok: false, fieldErrors: {}, formError: signInRateLimitMessage(limited.retryAfterSeconds), email: raw.email };
    await audit({ actor: null, action: 'auth.link_requested', resourceType: 'session', outcome: 'denied', details: { reason: 'send_failed' } });
    return { ok: false, fieldErrors: {}, formError: 'We could not send your sign-in link just now. Please try again in a minute.', email: raw.email };
  }
  await audit({ actor: null, action: 'auth.link_requested', resourceType: 'session' });
  redirect(`/signin/check-email?email=${encodeURIComponent(parsed.data.email)}`);
}
