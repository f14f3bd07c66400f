import { NextResponse, type NextRequest } from 'next/server';
import { log } from '@/lib/log';
import { acceptRequestId } from '@/lib/request-id';
import { contentSecurityPolicy, newNonce } from '@/lib/security/csp';
import { MAX_UPLOAD_BYTES } from '@/lib/uploads/limits';

const PROTECTED_PREFIXES = ['/cases', '/intake', '/book', '/queue', '/schedule', '/availability', '/admin', '/home', '/bookings', '/consult'];
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];
const MAX_API_BODY_BYTES = 1_000_000;
/** POST /api/intake-files takes a report file of up to 10 MB (the route streams and re-checks the limit itself). */
const UPLOAD_PATH = '/api/intake-files';
const MAX_UPLOAD_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;
/** The stored report and its thumbnail carry their own sandboxing CSP (lib/intake-files/file-response.ts). */
const FILE_BYTES_PATH = /^\/api\/intake-files\/[^/]+\/(original|thumbnail)$/;

/**
 * Adds a request id and a per-request CSP nonce to every request and sends visitors without a session cookie to sign-in.
 * It authorizes nothing: every page, action and route checks the session itself (lib/auth/guards).
 */
export async function proxy(req: NextRequest) {
  // A client's id is kept only if it is a short plain token; anything else (long, odd characters) is replaced.
  const requestId = acceptRequestId(req.headers.get('x-request-id'));
  const { pathname, search } = req.nextUrl;

  const length = Number(req.headers.get('content-length') ?? 0);
  const maxBody = pathname === UPLOAD_PATH ? MAX_UPLOAD_BODY_BYTES : MAX_API_BODY_BYTES;
  if (pathname.startsWith('/api/') && length > maxBody) {
    return NextResponse.json(
      pathname === UPLOAD_PATH
        ? { error: 'too_large', message: 'This file is larger than 10 MB. Please upload a smaller file, or a photo of each page.' }
        : { error: 'payload_too_large', message: `Request bodies are limited to ${MAX_API_BODY_BYTES} bytes.` },
      { status: 413, headers: { 'x-request-id': requestId } },
    );
  }

  const hasSession = SESSION_COOKIES.some((c) => req.cookies.has(c));
  if (!hasSession && PROTECTED_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const url = req.nextUrl.clone();
    url.pathname = '/signin';
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }

  log().info({ requestId, method: req.method, path: pathname }, 'request');
  const headers = new Headers(req.headers);
  headers.set('x-request-id', requestId);
  // Next reads the nonce from the request's CSP header and adds it to its scripts; the browser gets the same policy.
  const csp = contentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === 'development' });
  headers.set('content-security-policy', csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('x-request-id', requestId);
  if (!FILE_BYTES_PATH.test(pathname)) res.headers.set('content-security-policy', csp);
  return res;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
