/**
 * The Content-Security-Policy of every page: scripts only with this request's nonce ('strict-dynamic' lets Next's
 * nonce'd bootstrap load its chunks), never 'unsafe-inline'. Next reads the nonce from the request's CSP header and
 * puts it on its own scripts (proxy.ts sets both). 'unsafe-eval' only for the dev server (React's debugging needs it).
 * Styles keep 'unsafe-inline': React style attributes need it, and styles cannot run code.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "frame-ancestors 'none'",
    "form-action 'self' https://checkout.stripe.com",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** 128 random bits, base64: unguessable and new for every request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
