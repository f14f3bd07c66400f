// @ts-check
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js';

/**
 * Security headers for every response. Next's inline bootstrap scripts need 'unsafe-inline';
 * 'unsafe-eval' is only allowed for the dev server (React refresh), never in production.
 * @param {boolean} isDev
 */
function contentSecurityPolicy(isDev) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
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

/** @param {string} phase @returns {import('next').NextConfig} */
export default function nextConfig(phase) {
  const csp = contentSecurityPolicy(phase === PHASE_DEVELOPMENT_SERVER);
  return {
    // Build tooling only (not app config): lets e2e and bench builds use their own output folder.
    distDir: process.env.NEXT_DIST_DIR || '.next',
    // PGlite loads its extension bundles from disk at run time; bundling it breaks `next start`.
    serverExternalPackages: ['@electric-sql/pglite', 'pino', 'pg-boss', 'postgres'],
    poweredByHeader: false,
    experimental: { serverActions: { bodySizeLimit: '1mb' } },
    async headers() {
      return [
        {
          source: '/:path*',
          headers: [
            { key: 'Content-Security-Policy', value: csp },
            { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
            { key: 'X-Frame-Options', value: 'DENY' },
            { key: 'X-Content-Type-Options', value: 'nosniff' },
            { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
            { key: 'Permissions-Policy', value: 'camera=(self), microphone=(self), geolocation=()' },
          ],
        },
      ];
    },
  };
}
