import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { childProcessEnv } from '@/lib/env';

/** Build folders: the demo's (`npm run demo`, plain `next start`) and the e2e suite's, never shared. */
export const DEMO_DIST_DIR = '.next';
export const E2E_DIST_DIR = '.next-e2e';

export interface BuildOptions {
  /** Include the /api/test/* factory routes (route.e2e.ts, see next.config.js). Only e2e and benchmark builds do. */
  e2eFactories: boolean;
}

/**
 * What a production build depends on; tests and the CLI scripts (lib/cli: they start `next`, the app never imports
 * them) are excluded so editing them does not force a rebuild.
 */
function sourceHash(opts: BuildOptions): string {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'app', 'components', 'lib', 'db', 'proxy.ts', 'instrumentation.ts', 'next.config.js', 'package-lock.json', 'postcss.config.mjs'], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !f.endsWith('.test.ts') && !f.startsWith('lib/cli/') && fs.existsSync(f));
  const h = createHash('sha256');
  h.update(`E2E_FACTORIES=${opts.e2eFactories}\0`);
  for (const f of files.sort()) h.update(f).update('\0').update(fs.readFileSync(f));
  return h.digest('hex');
}

/** The app routes a build contains, from its own manifest (e.g. "/api/test/patient-session/route"). */
export function builtAppRoutes(distDir: string): string[] {
  const manifest = path.join(distDir, 'server', 'app-paths-manifest.json');
  return Object.keys(JSON.parse(fs.readFileSync(manifest, 'utf8')) as Record<string, string>);
}

/** Factory routes in a build made without E2E_FACTORIES (or none in one made with it): the reason, else null. */
export function factoryRouteMismatch(routes: string[], opts: BuildOptions): string | null {
  const factories = routes.filter((r) => r.startsWith('/api/test/'));
  if (!opts.e2eFactories && factories.length > 0) return `a build without E2E_FACTORIES contains test factories: ${factories.join(', ')}`;
  if (opts.e2eFactories && factories.length === 0) return 'a build with E2E_FACTORIES=true contains no /api/test/* routes';
  return null;
}

class BuildError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Builds into `distDir` unless its stamp matches the sources; throws a BuildError when the build fails or is wrong. */
function buildUnlessFresh(distDir: string, opts: BuildOptions): void {
  const hash = sourceHash(opts);
  const stamp = path.join(distDir, '.source-hash');
  const fresh = fs.existsSync(path.join(distDir, 'BUILD_ID')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash;
  if (fresh) {
    console.log(`› reusing the production build in ${distDir} (sources unchanged)`);
    return;
  }
  console.log(`› next build into ${distDir}${opts.e2eFactories ? ' with test factories' : ''} (about a minute)…`);
  fs.rmSync(stamp, { force: true });
  const build = spawnSync('npx', ['next', 'build'], {
    stdio: 'inherit',
    env: childProcessEnv({ NODE_ENV: 'production', NEXT_DIST_DIR: distDir, E2E_FACTORIES: opts.e2eFactories ? 'true' : undefined }),
  });
  if (build.status !== 0) throw new BuildError('next build failed; see the output above.', build.status ?? 1);
  const mismatch = factoryRouteMismatch(builtAppRoutes(distDir), opts);
  if (mismatch) throw new BuildError(`The build in ${distDir} is wrong: ${mismatch}. See next.config.js (pageExtensions).`, 1);
  fs.writeFileSync(stamp, hash);
}

/**
 * A `next build` in `distDir` that matches the current sources and the E2E_FACTORIES flag: reused when its stamp
 * matches, rebuilt otherwise (so e2e runs and benchmarks never measure a stale build, and a demo never serves a build
 * with test factories). Checks the built route manifest against the flag. Exits the process when the build fails.
 */
export function ensureProductionBuild(distDir: string, opts: BuildOptions): void {
  try {
    buildUnlessFresh(distDir, opts);
  } catch (err) {
    if (!(err instanceof BuildError)) throw err;
    console.error(err.message);
    process.exit(err.status);
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * `ensureProductionBuild` for test files that may run side by side (vitest workers): one builds while the others
 * wait on `<distDir>.build-lock` (a lock left by a dead process is taken over), then they reuse its build. Throws
 * instead of exiting.
 */
export async function ensureProductionBuildLocked(distDir: string, opts: BuildOptions, waitMs = 600_000): Promise<void> {
  const lock = `${distDir}.build-lock`;
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(lock, 'utf8').trim() || 0);
      if (holder && !pidAlive(holder)) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`waited ${waitMs} ms for the build in ${distDir} (lock held by pid ${holder})`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    buildUnlessFresh(distDir, opts);
  } finally {
    fs.rmSync(lock, { force: true });
  }
}
