/**
 * Throughput of extractMriFindings on realistic reports, against a baseline of lower-casing and sentence
 * splitting the same text. Run: npm run bench:triage. Exits non-zero below 20,000 reports/s or when an
 * adversarial 20,000-character input takes more than 5 ms.
 */
import { extractMriFindings } from '../lib/triage';
import { ADVERSARIAL_REPORTS, medianTimeMs } from '../lib/triage/mri/adversarial';
import { MRI_CORPUS } from '../lib/triage/mri/corpus';
import { scoreCorpus } from '../lib/triage/mri/evaluate';
import { baselineSplit } from '../lib/triage/mri/split';

const MIN_REPORTS_PER_SECOND = 20_000;
const MAX_ADVERSARIAL_MS = 5;

/** Deterministic PRNG (mulberry32) so every run measures the same reports. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A few hundred distinct reports of 1–2 KB, stitched from the labelled corpus. */
function buildReports(count: number): string[] {
  const rand = rng(42);
  const parts = MRI_CORPUS.map((e) => e.report);
  const reports: string[] = [];
  for (let i = 0; i < count; i++) {
    const target = 1000 + Math.floor(rand() * 1000);
    let report = 'MRI SPINE\nFindings:\n';
    while (report.length < target) report += `${parts[Math.floor(rand() * parts.length)]}${rand() < 0.3 ? '\n' : ' '}`;
    reports.push(report);
  }
  return reports;
}

function measure(reports: readonly string[], fn: (r: string) => unknown, minMs: number): number {
  let sink = 0;
  for (let i = 0; i < 2_000; i++) sink += Number(fn(reports[i % reports.length]) !== undefined); // warm-up
  let done = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < reports.length; i++) sink += Number(fn(reports[i]) !== undefined);
    done += reports.length;
    elapsed = performance.now() - start;
  }
  if (sink < 0) console.log(sink);
  return (done / elapsed) * 1000;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

const reports = buildReports(300);
const avgBytes = reports.reduce((s, r) => s + r.length, 0) / reports.length;
const rate = measure(reports, extractMriFindings, 1_500);
const baseline = measure(reports, baselineSplit, 1_000);
console.log(`corpus: ${reports.length} distinct reports, average ${fmt(avgBytes)} chars`);
console.log(`extractMriFindings: ${fmt(rate)} reports/s (baseline ${fmt(baseline)}/s, ratio ${(baseline / rate).toFixed(1)}x)`);

const score = scoreCorpus(MRI_CORPUS, extractMriFindings);
console.log(`labelled corpus: ${MRI_CORPUS.length} entries, precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)}`);

let worst = { name: '', ms: 0 };
for (const { name, report } of ADVERSARIAL_REPORTS) {
  extractMriFindings(report);
  const ms = medianTimeMs(() => extractMriFindings(report), 7);
  if (ms > worst.ms) worst = { name, ms };
}
console.log(`adversarial: ${ADVERSARIAL_REPORTS.length} inputs of 20,000 chars, worst ${worst.ms.toFixed(2)} ms (${worst.name})`);

const failures: string[] = [];
if (rate < MIN_REPORTS_PER_SECOND) failures.push(`throughput ${fmt(rate)}/s is below ${fmt(MIN_REPORTS_PER_SECOND)}/s`);
if (worst.ms > MAX_ADVERSARIAL_MS) failures.push(`adversarial input "${worst.name}" took ${worst.ms.toFixed(2)} ms (> ${MAX_ADVERSARIAL_MS} ms)`);
if (score.precision < 0.95 || score.recall < 0.95) failures.push('precision or recall below 0.95');
if (failures.length > 0) {
  console.error(`FAIL: ${failures.join('; ')}`);
  process.exit(1);
}
console.log('OK');
