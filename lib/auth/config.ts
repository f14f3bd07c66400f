import 'server-only';
import NextAuth, { type DefaultSession } from 'next-auth';
import Nodemailer from 'next-auth/providers/nodemailer';
import { getDb, isDatabaseUnavailable } from '@/db';
import { authAdapter } from '@/db/queries/auth-adapter';
import { appUrl, env } from '@/lib/env';
import { audit } from '@/lib/audit';
import { requestLog } from '@/lib/log';
import { sendMagicLink } from './magic-link-mail';
import { noteFailures } from './session-lookup';
import { limitSignInMail } from './sign-in-limits';
import type { Role } from '@/lib/domain/roles';

declare module 'next-auth' {
  interface User {
    roles?: Role[];
    timezone?: string;
  }
  interface Session {
    user: { id: string; roles: Role[]; timezone: string } & DefaultSession['user'];
  }
}

/** Lazy so that `next build` opens no database; the adapter gets the process's one handle on first use. */
export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const e = env();
  const db = await getDb();
  return {
    adapter: noteFailures(authAdapter(db)),
    secret: e.AUTH_SECRET,
    // Sign-in URLs come from configuration. next-auth rewrites every request's origin to AUTH_URL before Auth.js reads
    // it (reqWithEnvURL, createActionURL), so with AUTH_URL set the Host and X-Forwarded-Host headers never reach a
    // mailed link; Auth.js then needs trustHost to accept that rewritten URL. Without AUTH_URL (`next start` refuses to
    // boot without it outside demo mode) only AUTH_TRUST_HOST=true, or `next dev` on a developer's machine (Auth.js's
    // own default), lets Auth.js use the Host.
    trustHost: Boolean(e.AUTH_URL) || e.AUTH_TRUST_HOST || e.NODE_ENV === 'development',
    // Sliding idle timeout: every request more than a minute after the last one extends the session.
    session: { strategy: 'database', maxAge: e.SESSION_IDLE_MINUTES * 60, updateAge: 60 },
    providers: [
      Nodemailer({
        // Never used: sendVerificationRequest routes mail through lib/mail (SMTP or the demo outbox).
        server: { host: '127.0.0.1', port: 25 },
        from: e.MAIL_FROM,
        maxAge: 15 * 60,
        sendVerificationRequest: ({ identifier, url }) => sendMagicLink(identifier, url),
      }),
    ],
    // Expected failures (an expired or reused link) are answered with a page; keep logs one structured line.
    logger: {
      error(error: Error) {
        // The cause is in the line (lib/log.ts follows Auth.js's `cause.err`); a database outage is an error, not a warning.
        const unavailable = isDatabaseUnavailable(error);
        void requestLog().then((l) => (unavailable ? l.error({ err: error }, 'auth error: database unavailable') : l.warn({ err: error }, 'auth error')));
      },
    },
    pages: { signIn: '/signin', verifyRequest: '/signin/check-email', error: '/signin/error' },
    callbacks: {
      // Runs before a magic link is made, for the sign-in form and a direct POST to /api/auth/signin/nodemailer
      // alike: over the per-address or per-IP limit it throws, and no token is stored and no mail is sent.
      async signIn({ user, email }) {
        if (email?.verificationRequest && user.email) await limitSignInMail(user.email);
        return true;
      },
      // Only same-site destinations; resolved against APP_URL so a proxy's Host header cannot send users elsewhere.
      redirect({ url, baseUrl }) {
        const base = appUrl();
        const target = new URL(url, base);
        const sameSite = url.startsWith('/') || [new URL(base).origin, new URL(baseUrl).origin].includes(target.origin);
        return sameSite ? `${base}${target.pathname}${target.search}` : base;
      },
      session({ session, user }) {
        session.user.id = user.id;
        session.user.roles = (user.roles ?? ['patient']) as Role[];
        session.user.timezone = user.timezone ?? 'UTC';
        return session;
      },
    },
    events: {
      async signIn({ user }) {
        await audit({
          actor: user.id ? { id: user.id, roles: user.roles ?? [] } : null,
          action: 'auth.sign_in',
          resourceType: 'session',
          patientId: user.roles?.includes('patient') ? (user.id ?? null) : null,
        });
      },
      async signOut(message) {
        const userId = 'session' in message && message.session ? message.session.userId : null;
        await audit({ actor: userId ? { id: userId, roles: [] } : null, action: 'auth.sign_out', resourceType: 'session' });
      },
    },
  };
});
