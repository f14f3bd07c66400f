/**
 * `npm run test:e2e`: one production build with the test factories (reused while the sources are unchanged), in its
 * own folder (.next-e2e) so the demo's build (.next, no factories) and this one never serve each other. Then
 * Playwright against `next start` of it (playwright.config.ts starts lib/cli/e2e-server.ts on a fresh database).
 */
import { spawnSync } from 'node:child_process';
import { childProcessEnv } from '@/lib/env';
import { E2E_DIST_DIR, ensureProductionBuild } from './production-build';

const distDir = childProcessEnv({}).NEXT_DIST_DIR || E2E_DIST_DIR;
ensureProductionBuild(distDir, { e2eFactories: true });
const run = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit', env: childProcessEnv({ NEXT_DIST_DIR: distDir }) });
process.exit(run.status ?? 1);
