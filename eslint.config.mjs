import next from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * The house's boundaries (ARCHITECTURE.md), kept by the linter so the layout keeps showing the design:
 * - SQL lives in db/: outside db/ nothing imports drizzle-orm or schema values (row types are fine). Tests and
 *   lib/testing may, to arrange and check rows.
 * - Components reach the database not at all (types only).
 * - db/queries and db/schema know only the vocabulary (lib/domain) and the shapes (types) of the pure engine and
 *   validation, never a service above them.
 * - lib/domain imports nothing; the engine (lib/triage) imports only itself and lib/domain.
 * - app/ is the top: nothing in lib/, components/ or db/ imports a route, page or action from it.
 */
const NO_SQL = [
  { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'SQL lives in db/queries: call a function there instead of building a query here.' },
  { group: ['@/db/schema', '@/db/schema/*'], allowTypeImports: true, message: 'Tables belong to db/queries: import a query function, or only a row type.' },
];
const NO_APP = { group: ['@/app/*'], message: 'app/ is the top of the house: take the action or value as a prop or argument instead.' };
const restrict = (...patterns) => ['error', { patterns }];
const TESTS = ['**/*.test.ts', '**/*.e2e.ts', 'lib/testing/**'];

const config = [
  ...next,
  ...nextTs,
  {
    ignores: ['.next/**', '.next-*/**', '.data/**/*', 'node_modules/**', '.data/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'proxy.ts', 'instrumentation.ts'],
    ignores: TESTS,
    rules: { '@typescript-eslint/no-restricted-imports': restrict(...NO_SQL) },
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    ignores: [...TESTS, 'lib/triage/**', 'lib/domain/**'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(...NO_SQL, NO_APP) },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'Components never build queries.' },
        { group: ['@/db', '@/db/*'], allowTypeImports: true, message: 'Components reach the database through a page or a service (types only).' },
        NO_APP,
      ),
    },
  },
  {
    files: ['db/**/*.ts'],
    ignores: [...TESTS, 'db/queries/**', 'db/schema/**'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(NO_APP) },
  },
  {
    files: ['db/queries/**/*.ts', 'db/schema/**/*.ts'],
    ignores: TESTS,
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        { regex: '^@/lib/(?!domain/|triage|validation/)', message: 'db/queries and db/schema know only the vocabulary (@/lib/domain): take other values as arguments.' },
        { regex: '^@/lib/(triage|validation/)', allowTypeImports: true, message: 'Only the shapes of the pure layers (engine and validation types) may reach db/: take values as arguments.' },
        NO_APP,
      ),
    },
  },
  {
    files: ['lib/triage/**/*.ts'],
    ignores: TESTS,
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        { regex: '^@/(?!lib/(triage|domain)/)', message: 'The engine is pure: it imports only lib/triage and lib/domain.' },
        { group: ['server-only', 'next', 'next/*', 'react', 'react/*', 'node:*', 'fs', 'path'], message: 'The engine is pure: no I/O, no framework.' },
      ),
    },
  },
  {
    files: ['lib/domain/**/*.ts'],
    ignores: TESTS,
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict({ regex: '^(?!\\./|@/lib/domain/)', message: 'lib/domain is the vocabulary: it imports nothing but itself.' }),
    },
  },
];
export default config;
