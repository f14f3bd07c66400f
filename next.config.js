// @ts-check
/**
 * Test factories (app/api/test/<name>/route.e2e.ts) are routes only in a build made with E2E_FACTORIES=true: without it
 * Next does not treat `route.e2e.ts` as a route, so neither the routes nor the factory code they import enter the
 * build. lib/cli/production-build.ts checks the built route manifest against the flag.
 * @param {NodeJS.ProcessEnv} environment
 */
export function pageExtensions(environment) {
  const base = ['tsx', 'ts', 'jsx', 'js'];
  return environment.E2E_FACTORIES === 'true' ? [...base, 'e2e.ts'] : base;
}

/** @returns {import('next').NextConfig} */
export default function nextConfig() {
  return {
    // Build tooling only (not app config): lets e2e and bench builds use their own output folder.
    distDir: process.env.NEXT_DIST_DIR || '.next',
    // PGlite loads its extension bundles from disk at run time; bundling it breaks `next start`.
    // Uploaded reports (lib/uploads): @napi-rs/canvas is a native addon Turbopack cannot bundle; pdf.js and tesseract.js
    // load their worker scripts, fonts and model from their package folders at run time.
    serverExternalPackages: ['@electric-sql/pglite', 'pino', 'pg-boss', 'postgres', '@napi-rs/canvas', 'pdfjs-dist', 'tesseract.js'],
    pageExtensions: pageExtensions(process.env),
    poweredByHeader: false,
    // proxyClientMaxBodySize: the body the proxy passes on whole — an MRI report upload (POST /api/intake-files) is up
    // to 10 MB plus its multipart framing; proxy.ts still refuses any other API body over 1 MB by its Content-Length.
    experimental: { serverActions: { bodySizeLimit: '1mb' }, proxyClientMaxBodySize: '11mb' },
    // The Content-Security-Policy (with a per-request nonce) is set in proxy.ts.
    async headers() {
      return [
        {
          source: '/:path*',
          headers: [
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
