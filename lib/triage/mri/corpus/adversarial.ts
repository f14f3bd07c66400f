/**
 * Hostile inputs of the maximum intake size (20,000 characters) for the time limit: repeated short tokens,
 * negation storms, one giant sentence, digit and level floods, unclosed patterns. Deterministic.
 */
export const MAX_REPORT_CHARS = 20_000;

function fill(unit: string, size = MAX_REPORT_CHARS): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

export const ADVERSARIAL_REPORTS: readonly { name: string; report: string }[] = [
  { name: '"a " × 10,000', report: fill('a ') },
  { name: '"no no no …"', report: fill('no ') },
  { name: 'no sentence end, many findings', report: fill('disc bulge at L4-5 and no canal stenosis with mild foraminal narrowing and ') },
  { name: 'digits and levels', report: fill('L4-5 L5/S1 T5 and T7 through C2-3 12345 ') },
  { name: 'dots and decimals', report: fill('1.2.3.4.5. ') },
  { name: 'anatomy words only', report: fill('disc canal foramina cord root marrow ') },
  { name: 'newlines', report: fill('\n') },
  { name: 'wrapped lines', report: fill('mild disc bulge at\nthe ') },
  { name: 'negation then long list', report: `No ${fill('fracture, ', MAX_REPORT_CHARS - 13)}or lesion.` },
  { name: 'unfinished modic', report: fill('modic type i/ii/iii/ ') },
  { name: 'hyphen runs', report: fill('-') },
  { name: 'T1/T2 sequences', report: fill('low T1 high T2 T1/T2 T2-weighted ') },
  { name: 'heading lines', report: fill('L4-5:\n') },
  { name: 'long word', report: fill('x') },
  { name: 'heading lines with findings', report: fill('L4-5:\nDisc bulge.\n') },
  { name: 'disc then white space', report: fill(`disc${' '.repeat(60)}`) },
  { name: 'anatomy and predicate words', report: fill('canal narrowed, cord compressed, foramina reduced, ') },
  { name: 'level-like runs', report: fill('l4-5-6-7/8 t1-2 c7 ') },
];

/**
 * The time one run of `run` needs once the JIT has settled, in ms: the best run, where each run counts as the
 * smaller of its process CPU time and its wall time. Both are upper bounds of the main thread's work: CPU time also
 * counts V8's background threads (the optimising compiler, the parallel garbage collector), which on a loaded
 * machine run during the timed call; wall time also counts the time the process waits for a core. Neither can come
 * out below the work the engine does, so catastrophic backtracking or a quadratic path still shows in full.
 *
 * Under vitest, with other test files running on the same two cores, the optimising compiler's thread is starved and
 * the first few dozen runs can stay in unoptimised code (CI saw 6–14 ms per run for an input that takes ~1 ms once
 * optimised). So it keeps running — after `warmUp` runs, at least `minRuns` timed runs — until one run comes in
 * under `limitMs`, or `maxRuns` runs or `budgetMs` of wall time are spent; the returned times are sorted.
 */
export function steadyRunTimesMs(
  run: () => void,
  { limitMs, warmUp = 10, minRuns = 15, maxRuns = 500, budgetMs = 8_000 }: { limitMs: number; warmUp?: number; minRuns?: number; maxRuns?: number; budgetMs?: number },
): number[] {
  for (let i = 0; i < warmUp; i++) run();
  const times: number[] = [];
  const started = performance.now();
  let best = Infinity;
  while (times.length < maxRuns && (times.length < minRuns || (best >= limitMs && performance.now() - started < budgetMs))) {
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    run();
    const wall = performance.now() - wall0;
    const cpu = process.cpuUsage(cpu0);
    const ms = Math.min(wall, (cpu.user + cpu.system) / 1000);
    times.push(ms);
    best = Math.min(best, ms);
  }
  return times.sort((x, y) => x - y);
}

/**
 * Timed runs (ms), sorted. The minimum is the time the code needs: a pause from the garbage collector or another
 * process on a busy machine only adds to single runs, while catastrophic backtracking slows every run.
 */
export function timeRunsMs(run: () => void, repeats = 7): number[] {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return times.sort((x, y) => x - y);
}
