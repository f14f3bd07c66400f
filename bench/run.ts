/**
 * `npm run bench`: every bench (bench/*.bench.ts) against production builds on PostgreSQL, one after the other, then
 * bench/REPORT.md: each figure beside its same-run baseline, the ratio, the target and whether it was met, with the
 * machine and the date.
 *
 * Each bench prints one `BENCH_RESULT {json}` line per result (bench/lib/common.ts emitResult); the runner collects
 * them. The triage bench (pure CPU, no database) prints text only: its figures are read from its output lines.
 * Builds: one production build without test factories (.next-bench), shared by the intake, slots, queue and load
 * benches (the intake bench writes its patients' sessions to the database instead of calling a test factory). tsconfig.json and every other tracked file are left as
 * they were: checked with `git status` before and after, tsconfig.json restored if a build rewrote it.
 * Env: DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres), BENCH_ONLY (comma list of bench names; with
 * BENCH_MERGE=1 the other benches' figures are kept from the last run, .data/bench-results.json, and marked so),
 * BENCH_REPORT (bench/REPORT.md), BENCH_NOTE (a sentence for the report's header).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { RESULT_PREFIX, type BenchFigure, type BenchResult } from './lib/common';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REPORT = process.env.BENCH_REPORT ?? 'bench/REPORT.md';
/** Every run's outcomes, so BENCH_ONLY=… BENCH_MERGE=1 can rerun one bench and keep the others' figures (marked). */
const RESULTS = path.resolve('.data', 'bench-results.json');

interface BenchSpec {
  name: string;
  file: string;
  /** tsx flags (as in package.json's bench:* scripts). */
  reactServer: boolean;
  env: Record<string, string>;
}

const BENCHES: BenchSpec[] = [
  { name: 'triage', file: 'bench/triage.bench.ts', reactServer: false, env: {} },
  { name: 'intake', file: 'bench/intake.bench.ts', reactServer: true, env: { NEXT_DIST_DIR: '.next-bench', BENCH_PLAIN_BUILD: '1', BENCH_PORT: '3520' } },
  { name: 'slots', file: 'bench/slots.bench.ts', reactServer: true, env: { BENCH_DIST_DIR: '.next-bench', BENCH_PORT: '3530' } },
  { name: 'queue', file: 'bench/queue.bench.ts', reactServer: false, env: { NEXT_DIST_DIR: '.next-bench', BENCH_PORT: '3540' } },
  { name: 'video', file: 'bench/video.bench.ts', reactServer: true, env: {} },
  { name: 'load', file: 'bench/load.bench.ts', reactServer: false, env: { NEXT_DIST_DIR: '.next-bench', BENCH_PORT: '3550' } },
  { name: 'uploads', file: 'bench/uploads.bench.ts', reactServer: true, env: {} },
  { name: 'uploads-server', file: 'bench/uploads-server.bench.ts', reactServer: true, env: { NEXT_DIST_DIR: '.next-bench', BENCH_PORT: '3560' } },
];

interface Outcome {
  /** Set when the figures come from an earlier run (BENCH_MERGE). */
  earlierRun?: string;
  spec: BenchSpec;
  exitCode: number;
  seconds: number;
  results: BenchResult[];
  tail: string[];
}

function trackedChanges(): string {
  return execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
}

async function runBench(spec: BenchSpec): Promise<Outcome> {
  const args = [path.resolve('node_modules/.bin/tsx'), ...(spec.reactServer ? ['--conditions=react-server'] : []), spec.file];
  const t0 = performance.now();
  const tsconfig = fs.readFileSync('tsconfig.json');
  const child = spawn(process.execPath, args, { env: { ...process.env, DATABASE_URL, ...spec.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  const results: BenchResult[] = [];
  child.stdout.on('data', (c: Buffer) => {
    process.stdout.write(c);
    chunks.out.push(c);
  });
  child.stderr.on('data', (c: Buffer) => {
    process.stderr.write(c);
    chunks.err.push(c);
  });
  const exitCode = await new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  if (!fs.readFileSync('tsconfig.json').equals(tsconfig)) fs.writeFileSync('tsconfig.json', tsconfig);
  const text = Buffer.concat(chunks.out).toString('utf8');
  const errText = Buffer.concat(chunks.err).toString('utf8');
  for (const line of text.split('\n')) {
    if (line.startsWith(RESULT_PREFIX)) results.push(JSON.parse(line.slice(RESULT_PREFIX.length)) as BenchResult);
  }
  if (spec.name === 'triage' && results.length === 0) {
    const r = triageFromText(text);
    if (r) results.push(r);
  }
  return { spec, exitCode, seconds: (performance.now() - t0) / 1000, results, tail: `${text}\n${errText}`.trim().split('\n').slice(-8) };
}

/** The triage bench's figures from its text output (it prints no JSON line). */
function triageFromText(text: string): BenchResult | null {
  const num = (s: string) => Number(s.replace(/,/g, ''));
  const figures: BenchFigure[] = [];
  const cpu = /extractMriFindings: ([\d,]+) reports\/s \(baseline ([\d,]+)\/s.*\[CPU time\]/.exec(text);
  if (cpu) {
    figures.push({
      name: 'extractMriFindings throughput, reports/s (CPU time; baseline: lower-casing and sentence splitting the same text)',
      value: num(cpu[1]),
      unit: 'reports/s',
      baseline: { name: 'baseline split, reports/s', value: num(cpu[2]) },
      targetMin: 20_000,
    });
  }
  const median = /extractMriFindings: ([\d,]+) reports\/s \(baseline ([\d,]+)\/s.*\[median round, CPU time\]/.exec(text);
  if (median) {
    figures.push({
      name: 'extractMriFindings throughput, median round (CPU time; no target: how far the machine\'s busy stretches pull it down)',
      value: num(median[1]),
      unit: 'reports/s',
      baseline: { name: 'baseline split, median round', value: num(median[2]) },
    });
  }
  const adv = /adversarial: .* worst ([\d.]+) ms/.exec(text);
  if (adv) figures.push({ name: 'worst adversarial 20,000-char input (best of 9)', value: Number(adv[1]), unit: 'ms', target: 5 });
  const lab = /labelled corpus: .*precision ([\d.]+), recall ([\d.]+)/.exec(text);
  if (lab) figures.push({ name: 'labelled corpus recall (precision ' + lab[1] + ')', value: Number(lab[2]), unit: '', targetMin: 0.95 });
  const v2 = /v2 corpus: .*precision ([\d.]+), recall ([\d.]+)/.exec(text);
  if (v2) figures.push({ name: 'v2 corpus recall (precision ' + v2[1] + ')', value: Number(v2[2]), unit: '', targetMin: 0.97 });
  for (const f of figures) {
    if (f.baseline) f.ratio = f.value / f.baseline.value;
    f.met = f.target !== undefined ? f.value <= f.target : f.targetMin !== undefined ? f.value >= f.targetMin : undefined;
  }
  return figures.length ? { bench: 'triage', database: 'none (pure, in process)', figures } : null;
}

async function machine(): Promise<Record<string, string>> {
  const cpus = os.cpus();
  let pg = 'unreachable';
  try {
    const sql = postgres(DATABASE_URL, { max: 1, onnotice: () => undefined });
    const [{ v }] = await sql<{ v: string }[]>`select version() as v`;
    pg = v.split(',')[0];
    await sql.end();
  } catch (err) {
    pg = `unreachable (${(err as Error).message})`;
  }
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    /* not a git checkout */
  }
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: String(cpus.length),
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgresql: pg,
    commit,
    'load average at start (1/5/15 min)': os.loadavg().map((x) => x.toFixed(2)).join(' / '),
  };
}

const fmt = (n: number | undefined, unit = ''): string => {
  if (n === undefined || Number.isNaN(n)) return '—';
  if (unit === 'errors') return String(n);
  const s = Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en') : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);
  return unit && unit !== 'errors' ? `${s} ${unit}` : s;
};

function targetText(f: BenchFigure): string {
  if (f.target !== undefined) return f.baseline ? `≤ ${f.target}×` : `≤ ${fmt(f.target, f.unit)}`;
  if (f.targetMin !== undefined) return `≥ ${fmt(f.targetMin, f.unit)}`;
  return '(reported)';
}

function report(outcomes: Outcome[], m: Record<string, string>, startedAt: Date, loadEnd: string): string {
  const out: string[] = [];
  out.push('# Benchmark report');
  out.push('');
  out.push(`Written by \`npm run bench\` (bench/run.ts) on ${startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC. Every figure sits beside a baseline measured in the same run, because absolute times on a shared machine mean little; the ratio is the figure to read.`);
  if (process.env.BENCH_NOTE) {
    out.push('');
    out.push(`> ${process.env.BENCH_NOTE}`);
  }
  out.push('');
  out.push('## Machine');
  out.push('');
  for (const [k, v] of Object.entries(m)) out.push(`- ${k}: ${v}`);
  out.push(`- load average at the end: ${loadEnd}`);
  out.push('');
  const all = outcomes.flatMap((o) => o.results.flatMap((r) => r.figures));
  const withTarget = all.filter((f) => f.met !== undefined);
  out.push(`## Summary: ${withTarget.filter((f) => f.met).length} of ${withTarget.length} targets met`);
  out.push('');
  out.push('| bench (run) | exit | time | database |');
  out.push('|---|---|---|---|');
  for (const o of outcomes) out.push(`| ${o.spec.name}${o.earlierRun ? ` (run of ${o.earlierRun.slice(0, 16).replace('T', ' ')} UTC)` : ''} | ${o.exitCode < 0 ? '—' : o.exitCode} | ${o.seconds > 0 ? `${o.seconds.toFixed(0)} s` : '—'} | ${o.results.map((r) => r.database).filter((d, i, a) => a.indexOf(d) === i).join(', ') || '—'} |`);
  for (const o of outcomes) {
    out.push('');
    out.push(`## ${o.spec.name} (\`${o.spec.file}\`)`);
    out.push('');
    if (o.results.length === 0) {
      out.push(`No result line: the bench exited ${o.exitCode}. Its last lines:`);
      out.push('');
      out.push('```');
      out.push(...o.tail);
      out.push('```');
      continue;
    }
    out.push('| figure | value | same-run baseline | ratio | target | met |');
    out.push('|---|---|---|---|---|---|');
    for (const r of o.results) {
      for (const f of r.figures) {
        const base = f.baseline ? `${f.baseline.name}: ${fmt(f.baseline.value, f.unit)}` : '—';
        const ratio = f.ratio !== undefined ? `${f.ratio.toFixed(2)}×` : '—';
        const met = f.met === undefined ? '—' : f.met ? 'met' : '**not met**';
        out.push(`| ${f.name} | ${fmt(f.value, f.unit)} | ${base} | ${ratio} | ${targetText(f)} | ${met} |`);
      }
      for (const n of r.notes ?? []) out.push(`\n${n}`);
    }
  }
  out.push('');
  return out.join('\n');
}

/**
 * An earlier run's figures from its console output (BENCH_MERGE_LOG=<file>: the output of `npm run bench`), for a run
 * made before .data/bench-results.json existed: each "━━ bench <name> ━━" section's result lines. Exit codes and
 * durations are not in the log (shown as -1 and 0).
 */
function earlierFromLog(file: string): { startedAt: string; machine: Record<string, string>; outcomes: Outcome[] } {
  const text = fs.readFileSync(file, 'utf8');
  const outcomes: Outcome[] = [];
  for (const section of text.split(/^━━ bench /m).slice(1)) {
    const name = section.slice(0, section.indexOf(' '));
    const spec = BENCHES.find((b) => b.name === name);
    if (!spec) continue;
    const results = section
      .split('\n')
      .filter((l) => l.startsWith(RESULT_PREFIX))
      .map((l) => JSON.parse(l.slice(RESULT_PREFIX.length)) as BenchResult);
    if (name === 'triage' && results.length === 0) {
      const r = triageFromText(section);
      if (r) results.push(r);
    }
    outcomes.push({ spec, exitCode: -1, seconds: 0, results, tail: section.trim().split('\n').slice(-8) });
  }
  const st = fs.statSync(file);
  const at = process.env.BENCH_MERGE_LOG_AT ? new Date(process.env.BENCH_MERGE_LOG_AT) : st.birthtimeMs > 0 ? st.birthtime : st.mtime;
  return { startedAt: at.toISOString(), machine: {}, outcomes };
}

async function main() {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  const specs = only ? BENCHES.filter((b) => only.includes(b.name)) : BENCHES;
  const before = trackedChanges();
  const startedAt = new Date();
  const m = await machine();
  const outcomes: Outcome[] = [];
  for (const spec of specs) {
    console.log(`\n━━ bench ${spec.name} ━━`);
    outcomes.push(await runBench(spec));
  }
  let machineInfo = m;
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  if (process.env.BENCH_MERGE_LOG) fs.writeFileSync(RESULTS, JSON.stringify(earlierFromLog(process.env.BENCH_MERGE_LOG)));
  if ((process.env.BENCH_MERGE === '1' || process.env.BENCH_MERGE_LOG) && fs.existsSync(RESULTS)) {
    const earlier = JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as { startedAt: string; machine: Record<string, string>; outcomes: Outcome[] };
    const merged = BENCHES.map((b) => outcomes.find((o) => o.spec.name === b.name) ?? earlier.outcomes.find((o) => o.spec.name === b.name)).filter((o): o is Outcome => Boolean(o));
    for (const o of merged) if (!outcomes.includes(o)) o.earlierRun ??= earlier.startedAt;
    outcomes.splice(0, outcomes.length, ...merged);
    machineInfo = { ...earlier.machine, ...m };
  }
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, JSON.stringify({ startedAt: startedAt.toISOString(), machine: machineInfo, outcomes }, null, 1));
  const after = trackedChanges();
  if (after !== before) {
    console.error(`Tracked files changed during the run:\n${after}`);
    process.exitCode = 1;
  }
  const loadEnd = os.loadavg().map((x) => x.toFixed(2)).join(' / ');
  fs.writeFileSync(REPORT, report(outcomes, machineInfo, startedAt, loadEnd));
  console.log(`\nwrote ${REPORT}`);
  if (outcomes.some((o) => o.results.length === 0)) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
