/**
 * Shared by the benches: percentiles, the production build (leaving tracked files as they were), starting
 * `next start` on a port, and the machine-readable result line `npm run bench` (bench/run.ts) collects.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureProductionBuild, type BuildOptions } from '@/lib/cli/production-build';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summary(xs: number[]): { n: number; p50: number; p95: number; p99: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) };
}

/**
 * `next build` rewrites tsconfig.json (it adds its dist folder's types to `include`). A bench must leave tracked files
 * as they were: the file is put back byte for byte after the build, whatever the build did.
 */
export function productionBuild(distDir: string, opts: BuildOptions): void {
  const tsconfig = path.resolve('tsconfig.json');
  const before = fs.readFileSync(tsconfig);
  try {
    ensureProductionBuild(distDir, opts);
  } finally {
    if (!fs.readFileSync(tsconfig).equals(before)) fs.writeFileSync(tsconfig, before);
  }
}

/** One figure of a bench beside its same-run baseline; `target` is the ratio figure/baseline it must not exceed. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** value / baseline.value */
  ratio?: number;
  /** Upper bound on `ratio` (or on `value` when there is no baseline); omitted: reported only. */
  target?: number;
  /** Lower bound instead (throughputs): met when value ≥ targetMin. */
  targetMin?: number;
  met?: boolean;
  note?: string;
}

export interface BenchResult {
  bench: string;
  database: string;
  figures: BenchFigure[];
  notes?: string[];
}

export const RESULT_PREFIX = 'BENCH_RESULT ';

/** Fills ratio and met, prints the figures as one JSON line for bench/run.ts, and returns whether every target held. */
export function emitResult(r: BenchResult): boolean {
  for (const f of r.figures) {
    if (f.baseline && f.ratio === undefined) f.ratio = f.value / f.baseline.value;
    const x = f.baseline ? f.ratio! : f.value;
    if (f.target !== undefined) f.met = x <= f.target;
    else if (f.targetMin !== undefined) f.met = f.value >= f.targetMin;
  }
  console.log(RESULT_PREFIX + JSON.stringify(r));
  return r.figures.every((f) => f.met !== false);
}

export interface StartedServer {
  port: number;
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** `next start` of the build in `distDir` on `port` (its own process group), resolved once /api/health answers 200. */
export async function startNext(opts: { port: number; distDir: string; env: Record<string, string | undefined>; timeoutMs?: number }): Promise<StartedServer> {
  const base = `http://127.0.0.1:${opts.port}`;
  const child = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', String(opts.port), '-H', '127.0.0.1'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...opts.env, NODE_ENV: 'production', NEXT_DIST_DIR: opts.distDir, APP_URL: base, AUTH_URL: base } as NodeJS.ProcessEnv,
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  };
  const until = Date.now() + (opts.timeoutMs ?? 120_000);
  while (Date.now() < until) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { port: opts.port, base, child, stop };
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`next start on ${base} did not become healthy`);
}
