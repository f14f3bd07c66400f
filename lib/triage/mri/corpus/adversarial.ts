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
 * Timed runs (ms), sorted. The minimum is the time the code needs: a pause from the garbage collector or another
 * process on a busy machine only adds to single runs, while catastrophic backtracking slows every run.
 */
/**
 * CPU milliseconds of each run, sorted: unlike wall time it is not stretched when a busy machine deschedules the
 * process (CI runs the integration suites in parallel on 2 cores). Catastrophic backtracking still shows in full.
 */
export function cpuTimeRunsMs(run: () => void, repeats = 15): number[] {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = process.cpuUsage();
    run();
    const d = process.cpuUsage(t);
    times.push((d.user + d.system) / 1000);
  }
  return times.sort((x, y) => x - y);
}

export function timeRunsMs(run: () => void, repeats = 7): number[] {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return times.sort((x, y) => x - y);
}
