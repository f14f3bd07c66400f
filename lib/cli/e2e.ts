/**
 * `npm run test:e2e`: one production build (reused while the sources are unchanged), then Playwright
 * against `next start` of it (playwright.config.ts starts lib/cli/e2e-server.ts on a fresh database).
 */
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { childProcessEnv } from '@/lib/env';

const distDir = childProcessEnv({}).NEXT_DIST_DIR || '.next';

function sourceHash(): string {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'app', 'components', 'lib', 'db', 'proxy.ts', 'instrumentation.ts', 'next.config.js', 'package-lock.json', 'postcss.config.mjs'], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !f.endsWith('.test.ts') && fs.existsSync(f));
  const h = createHash('sha256');
  for (const f of files.sort()) h.update(f).update('\0').update(fs.readFileSync(f));
  return h.digest('hex');
}

const hash = sourceHash();
const stamp = path.join(distDir, '.source-hash');
const fresh = fs.existsSync(path.join(distDir, 'BUILD_ID')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash;
if (fresh) {
  console.log(`› reusing the production build in ${distDir} (sources unchanged)`);
} else {
  console.log('› next build');
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: childProcessEnv({ NODE_ENV: 'production' }) });
  if (build.status !== 0) process.exit(build.status ?? 1);
  fs.writeFileSync(stamp, hash);
}
const run = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit', env: childProcessEnv({}) });
process.exit(run.status ?? 1);
