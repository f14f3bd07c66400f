/**
 * Instructions per report of extractMriFindings, counted by valgrind's callgrind: unlike time, the count barely moves
 * when other processes share the machine (repeat runs agree within about 1%), so small changes can be told apart.
 *
 *   npm run bench:triage-instructions             # bundle, run callgrind twice, print instructions/report
 *   npm run bench:triage-instructions -- --keep   # also keep the callgrind.out files (for callgrind_annotate)
 *
 * The engine and this file are bundled with esbuild into one script, which valgrind runs under plain node with
 * --predictable and --single-threaded (the JIT compiles on the main thread, so the count repeats). Each run makes
 * 3,000 warm-up calls, then `--passes N` passes over the bench's 300 reports (bench/lib/triage-reports.ts); the answer
 * is (Ir(N = 6) − Ir(N = 0)) / 1,800, so start-up, module loading, compilation and warm-up cancel out. Node's
 * --perf-basic-prof map names the JIT code in callgrind_annotate's output (addresses → functions) if needed.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractMriFindings } from '@/lib/triage/mri/extract';
import { buildReports } from './triage-reports';

const PASSES = 6;
const REPORTS = 300;

function run(passes: number): void {
  const reports = buildReports(REPORTS);
  let sink = 0;
  for (let i = 0; i < 3_000; i++) sink += extractMriFindings(reports[i % reports.length]).length;
  for (let p = 0; p < passes; p++) for (const r of reports) sink += extractMriFindings(r).length;
  console.log(`findings: ${sink}`);
}

/** Total instructions (Ir) of one callgrind run of the bundle. */
async function count(bundle: string, passes: number, outFile: string): Promise<number> {
  await promisify(execFile)('valgrind', [
    '--tool=callgrind', `--callgrind-out-file=${outFile}`, 'node', '--single-threaded', '--predictable', bundle, '--passes', String(passes),
  ], { maxBuffer: 64 << 20 });
  const summary = /^summary:\s+(\d+)/m.exec(fs.readFileSync(outFile, 'utf8'));
  if (summary === null) throw new Error(`no summary line in ${outFile}`);
  return Number(summary[1]);
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--passes');
  if (at >= 0) {
    run(Number(process.argv[at + 1]));
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-instructions-'));
  const bundle = path.join(dir, 'bundle.mjs');
  const { build } = await import('esbuild');
  await build({
    entryPoints: [fileURLToPath(import.meta.url)], bundle: true, platform: 'node', format: 'esm', outfile: bundle,
    tsconfig: path.resolve('tsconfig.json'), logLevel: 'error', external: ['esbuild'],
  });
  // The two runs count the same whether or not they share the machine: run them side by side.
  const [zero, full] = await Promise.all([
    count(bundle, 0, path.join(dir, 'callgrind.out.0')), count(bundle, PASSES, path.join(dir, `callgrind.out.${PASSES}`)),
  ]);
  const perReport = (full - zero) / (PASSES * REPORTS);
  console.log(`Ir(N=0) ${zero}, Ir(N=${PASSES}) ${full}: ${(perReport / 1000).toFixed(1)}k instructions/report`);
  if (process.argv.includes('--keep')) console.log(`callgrind output kept in ${dir}`);
  else fs.rmSync(dir, { recursive: true });
}

await main();
