import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'app/**/*.test.ts'],
    environment: 'node',
    // Tests run like the demo (outbox mail, demo checkout); tests of production behaviour set DEMO_MODE=false.
    env: { LOG_LEVEL: 'warn', DEMO_MODE: 'true', AUTH_SECRET: 'vitest-secret-not-for-production-0123456789' },
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    // next-auth imports 'next/server' without an extension, which Node's ESM resolver refuses: let vite resolve it
    // (and a test can then stand in for 'next/headers').
    server: { deps: { inline: ['next-auth'] } },
    alias: { 'server-only': new URL('./lib/testing/server-only-stub.ts', import.meta.url).pathname },
  },
});
