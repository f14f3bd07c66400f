/**
 * `npm run test:e2e`: one production build (reused while the sources are unchanged), then Playwright
 * against `next start` of it (playwright.config.ts starts lib/cli/e2e-server.ts on a fresh database).
 */
import { spawnSync } from 'node:child_process';
import { childProcessEnv } from '@/lib/env';
import { ensureProductionBuild } from './production-build';

ensureProductionBuild(childProcessEnv({}).NEXT_DIST_DIR || '.next');
const run = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit', env: childProcessEnv({}) });
process.exit(run.status ?? 1);
