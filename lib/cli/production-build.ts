import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { childProcessEnv } from '@/lib/env';

/** What a production build depends on; tests are excluded so editing a test does not force a rebuild. */
function sourceHash(): string {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'app', 'components', 'lib', 'db', 'proxy.ts', 'instrumentation.ts', 'next.config.js', 'package-lock.json', 'postcss.config.mjs'], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !f.endsWith('.test.ts') && fs.existsSync(f));
  const h = createHash('sha256');
  for (const f of files.sort()) h.update(f).update('\0').update(fs.readFileSync(f));
  return h.digest('hex');
}

/**
 * A `next build` in `distDir` that matches the current sources: reused when its stamp matches, rebuilt otherwise
 * (so e2e runs and benchmarks never measure a stale build). Exits the process when the build fails.
 */
export function ensureProductionBuild(distDir: string): void {
  const hash = sourceHash();
  const stamp = path.join(distDir, '.source-hash');
  const fresh = fs.existsSync(path.join(distDir, 'BUILD_ID')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash;
  if (fresh) {
    console.log(`› reusing the production build in ${distDir} (sources unchanged)`);
    return;
  }
  console.log(`› next build into ${distDir} (about a minute)…`);
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: childProcessEnv({ NODE_ENV: 'production', NEXT_DIST_DIR: distDir }) });
  if (build.status !== 0) {
    console.error('next build failed; see the output above.');
    process.exit(build.status ?? 1);
  }
  fs.writeFileSync(stamp, hash);
}
